// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.practicetext.desktop.ui.common.Appearance;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.common.ThemeSwitcher;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Base of the robot tests: the real window (MainWindow) on a headless Monocle stage, signed in
 * as a demo team member, with the production executor seam. One FX toolkit per JVM, so these
 * classes take a lock and run one at a time. Subclasses declare {@code @Start void start(Stage s) { open(s); }}.
 */
@Tag("ui")
@ResourceLock("javafx")
@ExtendWith(ApplicationExtension.class)
public abstract class DeskWindowUITest {
    protected DemoDesk desk;
    protected MainWindow window;
    protected FxUiTasks tasks;
    protected Stage stage;
    /** The window's own session (its LocalSettings are the window's, not the demo desk's). */
    protected UiSession session;

    /** Who signs in; staff by default. */
    protected String username() {
        return "jordan";
    }

    /** The client the window uses: the demo desk's, or a test's around it (requests from memory). */
    protected org.practicetext.desktop.DesktopClient client(org.practicetext.desktop.DesktopClient real) {
        return real;
    }

    /** What the window's sign out and switch user do: nothing, unless a test records them. */
    protected SessionActions sessionActions() {
        return new SessionActions() {
            @Override
            public void signOut() {
            }

            @Override
            public void switchUser() {
            }
        };
    }

    /** TestFX finds {@code @Start} only on the test class itself, so each subclass calls this from its own. */
    protected void open(Stage stage) {
        this.stage = stage;
        tasks = new FxUiTasks();
        desk = DemoDesk.as(username());
        UiSession session = UiSession.open(client(desk.client), tasks, LocalSettings.load(null), desk.clock());
        this.session = session;
        LocalSettings settings = session.settings();
        settings.appearance().set(Appearance.LIGHT);
        new ThemeSwitcher(settings.appearance());
        window = new MainWindow(stage, session, sessionActions(), Optional.of((from, body, media) -> {
            String number = new org.practicetext.core.PhoneNumbers("US").parse(from).value();
            if (media.isEmpty()) {
                desk.patientTexts(number, body);
            } else {
                desk.patientSends(number, body, media);
            }
        }));
        Scene scene = new Scene(window.content(), 1280, 800);
        window.installShortcuts(scene);
        stage.setScene(scene);
        // One stage for every robot test of the JVM: a test that resized it (WindowFitUITest's
        // smallest window) must not leave the next class a window where some rows are out of view.
        stage.setWidth(scene.getWidth());
        stage.setHeight(scene.getHeight());
        stage.show();
        stage.toFront();
    }

    @AfterEach
    void closeDesk() throws Exception {
        tasks.close();
        desk.close();
    }

    /** Waits (letting the FX thread run) until {@code condition} holds; on failure the window is saved under target/ui-failures. */
    protected void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s (window saved to " + saveWindow() + ")", e);
        }
    }

    /** Saves the window as it is now under target/ui-failures (for a failure's message). */
    protected java.nio.file.Path saveWindow() {
        java.nio.file.Path shot = java.nio.file.Path.of("target", "ui-failures", getClass().getSimpleName() + "-" + System.nanoTime() + ".png");
        try {
            WaitForAsyncUtils.asyncFx(() -> PngSnapshots.write(stage.getScene(), shot)).get();
        } catch (Exception ignored) {
            // the assertion that asked for it is what matters
        }
        return shot;
    }

    /**
     * Clicks the message-list row of this conversation until the list has it selected. The list
     * may still be filling or re-sorting from the sync (a status update moves a row): a row found
     * at one place can be somewhere else by the time the pointer gets there, as it would for a
     * person, so a click that selected another row is made again on the row's new place.
     */
    protected void clickConversation(FxRobot robot, String name) {
        for (int attempt = 1; ; attempt++) {
            // The list may still be filling from the first sync: wait for the row before clicking it.
            try {
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> conversationCell(robot, name).tryQuery().isPresent()).get());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no row \"" + name + "\" showing in the message list within 20 s (window saved to " + saveWindow() + ")", e);
            }
            robot.clickOn(conversationCell(robot, name).queryAs(Node.class));
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> selectedIs(robot, name)).get());
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                if (attempt == 3) {
                    throw new AssertionError("three clicks on the row \"" + name + "\" did not select it (window saved to " + saveWindow() + ")", e);
                }
            }
        }
    }

    private static boolean selectedIs(FxRobot robot, String name) {
        javafx.scene.control.ListView<?> list = robot.lookup("#conversation-list").queryAs(javafx.scene.control.ListView.class);
        return list.getSelectionModel().getSelectedItem() instanceof org.practicetext.desktop.cache.ConversationRow row && row.displayName().equals(name);
    }

    /** The showing message-list row of this conversation. */
    protected static org.testfx.service.query.NodeQuery conversationCell(FxRobot robot, String name) {
        // Only a cell that is showing: the list's virtual flow keeps an invisible cell (the one it
        // measures rows with) that may hold any row, and a click on where it sits hits another row.
        return robot.lookup(".pt-conversation-cell").match((javafx.scene.control.ListCell<org.practicetext.desktop.cache.ConversationRow> cell) ->
                cell.getItem() != null && cell.getItem().displayName().equals(name) && shown(cell));
    }

    /** Clicks the item with this text in the open menu (a pop-up window), not a label of the same text behind it. */
    protected static void clickMenuItem(FxRobot robot, String text) {
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.Label label && text.equals(label.getText())
                && n.getScene() != null && n.getScene().getWindow() instanceof javafx.stage.PopupWindow && n.isVisible())
                .queryAs(Node.class));
    }

    /** Whether any node matching {@code query} is showing: it and every parent visible, in a scene (cells keep hidden nodes around). */
    protected static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().anyMatch(DeskWindowUITest::shown);
    }

    /** The showing node matching {@code query} (to click it rather than a hidden one of a reused cell). */
    protected static Node shownNode(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(DeskWindowUITest::shown).findFirst()
                .orElseThrow(() -> new AssertionError("nothing showing matches " + query));
    }

    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    protected static <T extends Node> T lookup(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }
}
