// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.AppInfo;
import org.practicetext.desktop.ClientOptions;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.sync.SyncSettings;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.ThemeSwitcher;
import org.practicetext.desktop.ui.signin.RememberedAccount;
import org.practicetext.desktop.ui.testing.PngSnapshots;
import org.practicetext.desktop.update.UpdateNotice;
import org.practicetext.relay.TestClock;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.testkit.DemoRelayServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The update line and the "too old" words on the real window against a real relay whose operator
 * announces desktop 99.0.0: the quiet notice opens the download page and can be hidden; a desk the
 * relay stops serving says so in plain words, keeps its inbox readable, and cannot hide it; an old
 * desk's sign-in screen says so before and after Sign in. With {@code -Dpt.screenshots=DIR} each
 * test writes what the window shows to a PNG there.
 */
@Tag("ui")
@ResourceLock("javafx")
@ExtendWith(ApplicationExtension.class)
class UpdatesUITest {
    static final String DOWNLOAD = "https://downloads.practicetext.test/desktop";
    static final Map<String, String> ANNOUNCED = Map.of("PT_DESKTOP_LATEST_VERSION", "99.0.0", "PT_DESKTOP_DOWNLOAD_URL", DOWNLOAD);
    static final Map<String, String> ONLY_NEWER_DESKS = Map.of("PT_OLDEST_PROTOCOL", "2");
    /** This build playing a desk from before the protocol header. */
    static final AppInfo OLD = AppInfo.build().withProtocol(1);
    static final ClientOptions FAST = ClientOptions.defaults().withSync(SyncSettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(250)));

    final List<URI> opened = new CopyOnWriteArrayList<>();
    DemoRelayServer relay;
    Path dataRoot;
    DesktopApp app;
    FxUiTasks tasks;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dataRoot = Files.createTempDirectory("pt-updates-").resolve("desktop");
        tasks = new FxUiTasks();
        LocalSettings settings = LocalSettings.load(null);
        new ThemeSwitcher(settings.appearance());
        ClientSource oldDesk = new ClientSource() {
            @Override
            public DesktopClient signIn(Account account, char[] password) throws Exception {
                return DesktopClients.signIn(account, password, dataRoot, Clock.systemUTC(), FAST.withApp(OLD));
            }

            @Override
            public Optional<DesktopClient> resume(Account account) {
                return DesktopClients.resume(account, dataRoot, Clock.systemUTC(), FAST.withApp(OLD));
            }

            @Override
            public Optional<UpdateNotice> updateNotice(URI relayUrl) throws Exception {
                return DesktopClients.updateNotice(relayUrl, OLD);
            }
        };
        app = new DesktopApp(stage, tasks, settings, oldDesk, new RememberedAccount(dataRoot.resolve("account.properties")), Clock.systemUTC());
        app.setLinkOpener(opened::add);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        tasks.close();
        if (relay != null) {
            relay.close();
        }
    }

    private void startRelay(Map<String, String> env) {
        relay = DemoRelayServer.create(new TestClock(java.time.Instant.parse("2026-11-02T15:00:00Z"))).withEnv(env).start();
    }

    private Account account() {
        return new Account(relay.uri(), DemoPractice.SLUG, "jordan");
    }

    /** Signs in outside the window and opens the signed-in window for it, as after a resume. */
    private void openWindow(FxRobot robot, AppInfo as) throws Exception {
        DesktopClient client = DesktopClients.signIn(account(), DemoPractice.PASSWORD.toCharArray(), dataRoot, Clock.systemUTC(), FAST.withApp(as));
        robot.interact(() -> app.open(client, account(), Optional.empty()));
        waitUntil(() -> robot.lookup("#conversation-list").tryQuery().isPresent()
                && !robot.lookup("#conversation-list").queryListView().getItems().isEmpty());
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    private void screenshot(FxRobot robot, String name) {
        String folder = System.getProperty("pt.screenshots");
        if (folder != null) {
            robot.interact(() -> PngSnapshots.write(stage.getScene(), Path.of(folder, name + ".png")));
        }
    }

    @Test
    void aNewerVersionIsAQuietNoticeThatOpensTheDownloadPageAndCanBeHidden(FxRobot robot) throws Exception {
        startRelay(ANNOUNCED);
        openWindow(robot, AppInfo.build());
        Label text = robot.lookup("#update-text").queryAs(Label.class);
        waitUntil(() -> robot.lookup("#update-banner").query().isVisible());

        assertThat(text.getText()).isEqualTo("Update available — version 99.0.0");
        assertThat(robot.lookup("#update-dismiss").query().isVisible()).isTrue();
        screenshot(robot, "update-available");

        robot.clickOn("#update-download");
        assertThat(opened).containsExactly(URI.create(DOWNLOAD));
        robot.clickOn("#update-dismiss");
        waitUntil(() -> !robot.lookup("#update-banner").query().isVisible());
    }

    @Test
    void aDeskTheRelayStopsServingSaysSoAndKeepsItsInboxReadable(FxRobot robot) throws Exception {
        startRelay(ANNOUNCED);
        openWindow(robot, OLD);
        int rows = robot.lookup("#conversation-list").queryListView().getItems().size();

        relay.stop();
        relay.restart(ONLY_NEWER_DESKS);

        Label text = robot.lookup("#update-text").queryAs(Label.class);
        waitUntil(() -> robot.lookup("#update-banner").query().isVisible() && text.getText().contains("too old"));
        assertThat(text.getText()).isEqualTo("This version of PracticeText (" + OLD.version().numbers() + ") is too old for your practice's relay. "
                + "Install version 99.0.0 from " + DOWNLOAD + ". Your conversations stay readable here and unsent messages wait until then.");
        assertThat(robot.lookup("#update-dismiss").query().isVisible()).as("the state cannot be hidden").isFalse();
        waitUntil(() -> robot.lookup("#status-line").queryAs(Label.class).getText().startsWith("Not syncing"));
        assertThat(robot.lookup("#conversation-list").queryListView().getItems()).hasSize(rows);
        screenshot(robot, "too-old-running");
        robot.clickOn("#update-download");
        assertThat(opened).containsExactly(URI.create(DOWNLOAD));
    }

    @Test
    void anOldDesksSignInScreenSaysWhatToInstallBeforeAndAfterSignIn(FxRobot robot) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(ANNOUNCED);
        env.putAll(ONLY_NEWER_DESKS);
        startRelay(env);
        robot.interact(() -> app.showSignIn(relay.uri().toString(), DemoPractice.SLUG));
        Label error = robot.lookup("#signin-error").queryAs(Label.class);
        waitUntil(() -> error.isVisible() && error.getText().contains("too old"));
        assertThat(error.getText()).startsWith("This version of PracticeText (" + OLD.version().numbers() + ") is too old for your practice's relay. "
                + "Install version 99.0.0 from " + DOWNLOAD + ".");
        assertThat(robot.lookup("#signin-download").query().isVisible()).isTrue();

        robot.clickOn("#signin-username").write("jordan");
        robot.clickOn("#signin-password").write(DemoPractice.PASSWORD);
        robot.clickOn("#signin-submit");
        waitUntil(() -> !robot.lookup("#signin-submit").queryButton().getText().startsWith("Signing in") && error.getText().contains("too old"));
        assertThat(app.window()).isNull();
        screenshot(robot, "too-old-sign-in");
        robot.clickOn("#signin-download");
        assertThat(opened).containsExactly(URI.create(DOWNLOAD));
    }
}
