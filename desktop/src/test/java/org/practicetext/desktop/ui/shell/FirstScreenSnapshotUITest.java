// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DataFolders;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.ThemeSwitcher;
import org.practicetext.desktop.ui.signin.RememberedAccount;
import org.practicetext.desktop.ui.sms.ListSnapshot;
import org.practicetext.desktop.ui.testing.OnDiskClients;
import org.practicetext.relay.TestClock;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.testkit.DemoRelayServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first-screen snapshot (ADR 0021) against a real relay and a real cache on disk: written at
 * close, painted at the next start before the cache opens (the resume is held back until the test
 * has seen it), then replaced by the live rows; stale and corrupt snapshots; sign-out removes it.
 */
@Tag("ui")
@ResourceLock("javafx")
@ExtendWith(ApplicationExtension.class)
class FirstScreenSnapshotUITest {
    DemoRelayServer relay;
    Path dataRoot;
    Stage stage;
    FxUiTasks tasks;
    DesktopApp app;
    Account account;
    final CountDownLatch cacheMayOpen = new CountDownLatch(1);
    /** When the second start asked for its cache, and when its snapshot page was first laid out (nanoTime; 0 = not yet). */
    final java.util.concurrent.atomic.AtomicLong resumeAskedAt = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong snapshotLaidOutAt = new java.util.concurrent.atomic.AtomicLong();
    /** The first live row's name as the closing app drew it: its font and colour. */
    javafx.scene.text.Font liveNameFont;
    javafx.scene.paint.Paint liveNameFill;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dataRoot = Files.createTempDirectory("pt-snapshot-").resolve("desktop");
        relay = DemoRelayServer.start(new TestClock(Instant.parse("2026-11-02T15:00:00Z")));
        tasks = new FxUiTasks();
        new ThemeSwitcher(LocalSettings.load(null).appearance());
        account = new Account(URI.create(relay.uri().toString()), DemoPractice.SLUG, "jordan");
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        cacheMayOpen.countDown();
        if (app != null) {
            app.close();
        }
        tasks.close();
        relay.close();
    }

    private Path snapshotFile() {
        return DataFolders.cacheFolder(dataRoot, account).resolve(ListSnapshot.FILE);
    }

    /** Signs in on a first app, waits for its synced list, and closes it the way the app exits. */
    private List<String> runOnceAndClose() throws Exception {
        DesktopClient client = DesktopClients.signIn(account, DemoPractice.PASSWORD.toCharArray(), dataRoot, Clock.systemUTC());
        DesktopApp first = fx(() -> newApp(OnDiskClients.at(dataRoot)));
        WaitForAsyncUtils.asyncFx(() -> first.open(client, account, Optional.empty())).get();
        waitUntil(() -> first.window() != null && first.window().sms().list().conversations().size() > 3);
        List<String> names = fx(() -> first.window().sms().list().conversations().stream().limit(5).map(ConversationRow::displayName).toList());
        waitUntil(() -> firstLiveName() != null);
        fx(() -> {
            Label name = firstLiveName();
            liveNameFont = name.getFont();
            liveNameFill = name.getTextFill();
            return null;
        });
        WaitForAsyncUtils.asyncFx(() -> {
            first.close();
            return null;
        }).get();
        return names;
    }

    /** A second start whose cache opens only when the test says so. */
    private void startAgain() throws Exception {
        ClientSource disk = OnDiskClients.at(dataRoot);
        ClientSource held = new ClientSource() {
            @Override
            public DesktopClient signIn(Account who, char[] password) throws Exception {
                return disk.signIn(who, password);
            }

            @Override
            public Optional<DesktopClient> resume(Account who) throws Exception {
                resumeAskedAt.compareAndSet(0, System.nanoTime());
                assertThat(cacheMayOpen.await(30, TimeUnit.SECONDS)).isTrue();
                return disk.resume(who);
            }

            @Override
            public Optional<Path> snapshotFile(Account who) {
                return disk.snapshotFile(who);
            }

            @Override
            public Optional<org.practicetext.desktop.secrets.FileCipher> snapshotCipher(Account who) {
                return disk.snapshotCipher(who);
            }
        };
        app = fx(() -> newApp(held));
        WaitForAsyncUtils.asyncFx(() -> {
            stage.getScene().addPostLayoutPulseListener(() -> {
                if ("snapshot-page".equals(stage.getScene().getRoot().getId())) {
                    snapshotLaidOutAt.compareAndSet(0, System.nanoTime());
                }
            });
            app.resumeOrSignIn(Optional.of(account), null);
        }).get();
    }

    /** On the FX thread: the name label of the live list's first row (the one at the top). */
    private Label firstLiveName() {
        return stage.getScene().getRoot().lookupAll(".pt-conversation-cell").stream()
                .filter(cell -> cell.isVisible() && cell.lookup(".pt-name") instanceof Label l && l.getText() != null && !l.getText().isEmpty())
                .min(java.util.Comparator.comparingDouble(cell -> cell.localToScene(0, 0).getY()))
                .map(cell -> (Label) cell.lookup(".pt-name")).orElse(null);
    }

    private DesktopApp newApp(ClientSource clients) {
        return new DesktopApp(stage, tasks, LocalSettings.load(null), clients, new RememberedAccount(dataRoot.resolve("account.properties")),
                Clock.systemUTC());
    }

    /** On the FX thread: the names the snapshot page shows. */
    private static List<String> snapshotNames(FxRobot robot) {
        return robot.lookup("#snapshot-list").tryQueryAs(VBox.class).map(box -> box.getChildren().stream()
                .map(cell -> ((javafx.scene.text.Text) cell.lookup(".pt-name")).getText()).toList()).orElse(List.of());
    }

    /** On the FX thread: the names the live list shows. */
    private static List<String> liveNames(FxRobot robot) {
        return robot.lookup("#conversation-list").tryQuery().map(n -> {
            @SuppressWarnings("unchecked")
            ListView<ConversationRow> list = (ListView<ConversationRow>) n;
            return list.getItems().stream().map(ConversationRow::displayName).toList();
        }).orElse(List.of());
    }

    @Test
    void theListWrittenAtCloseIsPaintedBeforeTheCacheOpensThenReplacedByLiveRows(FxRobot robot) throws Exception {
        List<String> shown = runOnceAndClose();
        assertThat(snapshotFile()).exists();
        assertThat(org.practicetext.desktop.secrets.FileCipher.isEncrypted(snapshotFile())).as("names and previews are patient data (ADR 0026)").isTrue();
        assertThat(new String(Files.readAllBytes(snapshotFile()), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(shown.getFirst());
        startAgain();
        // The cache has not opened (the resume waits), yet the last screen's rows are there.
        waitUntil(() -> !snapshotNames(robot).isEmpty());
        assertThat(fx(() -> snapshotNames(robot))).startsWith(shown.toArray(String[]::new));
        assertThat(app.window()).isNull();
        // A click on a snapshot row opens that conversation once the live list is in.
        Node second = fx(() -> robot.lookup("#snapshot-list").queryAs(VBox.class).getChildren().get(1));
        robot.clickOn(second);
        cacheMayOpen.countDown();
        waitUntil(() -> !liveNames(robot).isEmpty());
        assertThat(fx(() -> liveNames(robot))).startsWith(shown.toArray(String[]::new));
        assertThat(fx(() -> robot.lookup("#snapshot-list").tryQuery().isPresent())).isFalse();
        waitUntil(() -> app.window().sms().thread().conversationProperty().get() != null);
        assertThat(fx(() -> app.window().sms().thread().conversationProperty().get().displayName())).isEqualTo(shown.get(1));
    }

    @Test
    void theSnapshotPaintsAloneInTheLiveListsLookWithNoControlOrStyleSheet(FxRobot robot) throws Exception {
        runOnceAndClose();
        startAgain();
        waitUntil(() -> !snapshotNames(robot).isEmpty());
        // It is laid out before the cache is even asked for: nothing competes with the first paint.
        waitUntil(() -> resumeAskedAt.get() != 0);
        assertThat(snapshotLaidOutAt.get()).isNotZero().isLessThan(resumeAskedAt.get());
        fx(() -> {
            Node page = robot.lookup("#snapshot-page").query();
            List<Node> all = new java.util.ArrayList<>();
            collect(page, all);
            assertThat(all).as("plain shapes and text: a control would load its skin and the theme's style sheet")
                    .noneMatch(n -> n instanceof javafx.scene.control.Control);
            assertThat(((javafx.scene.Parent) page).getStylesheets()).isEmpty();
            javafx.scene.text.Text name = (javafx.scene.text.Text) robot.lookup("#snapshot-list").queryAs(VBox.class).getChildren().getFirst()
                    .lookup(".pt-name");
            // The look was read from the live page at close: the same face, size and colour as the live row's name.
            assertThat(name.getFont().getSize()).isEqualTo(liveNameFont.getSize());
            assertThat(name.getFont().getStyle()).isEqualTo(liveNameFont.getStyle());
            assertThat(name.getFill()).isEqualTo(liveNameFill);
            return null;
        });
        cacheMayOpen.countDown();
        waitUntil(() -> !liveNames(robot).isEmpty());
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    @Test
    void aStaleSnapshotEndsShowingTheLiveRows(FxRobot robot) throws Exception {
        runOnceAndClose();
        // While the app is closed another desk's patient writes in: a conversation the snapshot does not have.
        relay.receiveText("+15553456701", "Running ten minutes late");
        new ListSnapshot("OPEN", 800, 600, List.of(new ListSnapshot.Row(999_999, "Gone Since", "9:00 AM", "stale", 2, false, false, false, 0)))
                .write(snapshotFile());
        startAgain();
        waitUntil(() -> !snapshotNames(robot).isEmpty());
        assertThat(fx(() -> snapshotNames(robot))).containsExactly("Gone Since");
        cacheMayOpen.countDown();
        waitUntil(() -> app.window() != null && app.window().sms().list().conversations().stream()
                .anyMatch(r -> "Running ten minutes late".equals(r.preview())));
        // The list's model has the rows before its cells are laid out on the next pulse.
        waitUntil(() -> !liveNames(robot).isEmpty());
        assertThat(fx(() -> liveNames(robot))).doesNotContain("Gone Since");
        assertThat(fx(() -> robot.lookup("#snapshot-list").tryQuery().isPresent())).isFalse();
    }

    @Test
    void aCorruptOrTruncatedSnapshotIsIgnored(FxRobot robot) throws Exception {
        runOnceAndClose();
        byte[] whole = Files.readAllBytes(snapshotFile());
        Files.write(snapshotFile(), java.util.Arrays.copyOf(whole, whole.length / 2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListSnapshot.read(snapshotFile())).isInstanceOf(ListSnapshot.Unreadable.class);
        startAgain();
        assertThat(fx(() -> robot.lookup("#snapshot-list").tryQuery().isPresent())).isFalse();
        cacheMayOpen.countDown();
        waitUntil(() -> !liveNames(robot).isEmpty());
    }

    @Test
    void signingOutRemovesTheSnapshot(FxRobot robot) throws Exception {
        runOnceAndClose();
        cacheMayOpen.countDown();
        startAgain();
        waitUntil(() -> !liveNames(robot).isEmpty());
        WaitForAsyncUtils.asyncFx(() -> app.signOut()).get();
        assertThat(snapshotFile()).doesNotExist();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
