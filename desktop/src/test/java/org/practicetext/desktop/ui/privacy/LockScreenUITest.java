// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.sms.IncomingText;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.practicetext.relay.TestClock;
import org.practicetext.relay.demo.DemoPractice;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lock on the real window (ADR 0026), signed in to a real relay: Ctrl+L, the idle minutes on
 * the desk's clock, PIN and password, the five tries, Switch user, and a text that arrives while
 * locked (synced behind the lock, announced naming no one).
 */
class LockScreenUITest extends DeskWindowUITest {
    private final AtomicInteger switched = new AtomicInteger();

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected SessionActions sessionActions() {
        return new SessionActions() {
            @Override
            public void signOut() {
            }

            @Override
            public void switchUser() {
                switched.incrementAndGet();
            }
        };
    }

    private boolean locked() {
        return stage.getScene().getRoot() instanceof LockScreen;
    }

    @SuppressWarnings("unchecked")
    private ListView<ConversationRow> list(FxRobot robot) {
        return (ListView<ConversationRow>) robot.lookup("#conversation-list").queryAs(ListView.class);
    }

    private void pressLock(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil(this::locked);
    }

    private void setPin(String pin) {
        desk.client.lock().setPin(pin.toCharArray());
    }

    private void typeInto(FxRobot robot, String field, String text) {
        robot.clickOn(field).write(text);
    }

    @Test
    void ctrlLLocksAndTheWindowsContentLeavesTheScene(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        int unread = window.navigation().unreadBadgeProperty().get();
        pressLock(robot);

        assertThat(window.content().getScene()).as("the window's content is out of the scene graph, not covered").isNull();
        assertThat(robot.lookup("#conversation-list").tryQuery()).isEmpty();
        assertThat(lookup(robot, "#lock-practice") instanceof Label l ? l.getText() : "").isEqualTo(desk.session.practice().name());
        assertThat(((Label) lookup(robot, "#lock-person")).getText()).isEqualTo("Locked · " + desk.session.me().name());
        assertThat(((Label) lookup(robot, "#lock-unread")).getText()).isEqualTo(LockScreen.unreadText(unread));
        // Nothing else: no patient's name or text is anywhere in the locked scene.
        String shown = stage.getScene().getRoot().lookupAll("*").stream().filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText())
                .filter(t -> t != null).reduce("", (a, b) -> a + "\n" + b);
        assertThat(shown).doesNotContain("Anna").doesNotContain("Emily").doesNotContain("insurance");
        assertThat(showing(robot, "#lock-password")).as("no PIN yet: the password").isTrue();

        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        assertThat(locked()).as("the window's shortcuts do nothing behind the lock").isTrue();
    }

    @Test
    void thePasswordUnlocksAndSetsAPinThatUnlocksNextTime(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        pressLock(robot);
        typeInto(robot, "#lock-password", DemoPractice.PASSWORD);
        typeInto(robot, "#lock-new-pin", "2468");
        robot.clickOn("#lock-unlock-password");
        waitUntil(() -> !locked());
        assertThat(stage.getScene().getRoot()).isSameAs(window.content());
        assertThat(desk.client.lock().hasPin()).isTrue();

        pressLock(robot);
        waitUntil(() -> showing(robot, "#lock-pin"));
        typeInto(robot, "#lock-pin", "2468");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !locked());
        assertThat(list(robot).getItems()).as("the list is as it was").isNotEmpty();
    }

    @Test
    void aWrongPinSaysSoAndFiveLeaveOnlyThePassword(FxRobot robot) {
        setPin("1357");
        waitUntil(() -> !list(robot).getItems().isEmpty());
        pressLock(robot);
        waitUntil(() -> showing(robot, "#lock-pin"));
        Label message = lookup(robot, "#lock-message");
        typeInto(robot, "#lock-pin", "0000");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> message.getText().equals("That PIN isn't right. 4 tries left before only your password unlocks."));
        for (int left = 3; left >= 1; left--) {
            String expected = "That PIN isn't right. " + (left == 1 ? "1 try left" : left + " tries left") + " before only your password unlocks.";
            typeInto(robot, "#lock-pin", "0000");
            robot.type(KeyCode.ENTER);
            waitUntil(() -> message.getText().equals(expected));
        }
        typeInto(robot, "#lock-pin", "0000");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> showing(robot, "#lock-password") && message.getText().equals("Too many wrong PINs: only your password unlocks now."));
        assertThat(showing(robot, "#lock-use-pin")).isTrue();
        robot.clickOn("#lock-use-pin");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(robot, "#lock-pin")).as("the PIN stays refused").isFalse();

        typeInto(robot, "#lock-password", "not the password");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> message.getText().equals("That password isn't right."));
        typeInto(robot, "#lock-password", DemoPractice.PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !locked());
        assertThat(desk.client.lock().failedPins()).isZero();
    }

    @Test
    void theWindowLocksAfterThePracticesMinutesWithoutInput(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        assertThat(session.settings().practiceRules().get().lockAfterMinutes()).as("the demo practice keeps the default").isEqualTo(10);
        TestClock clock = (TestClock) desk.clock();
        robot.moveTo("#conversation-list");
        clock.advance(Duration.ofMinutes(9));
        robot.interact(window::checkIdle);
        assertThat(locked()).isFalse();

        robot.moveBy(5, 5);
        clock.advance(Duration.ofMinutes(9));
        robot.interact(window::checkIdle);
        assertThat(locked()).as("the pointer moved: the minutes started again").isFalse();

        clock.advance(Duration.ofMinutes(1));
        robot.interact(window::checkIdle);
        waitUntil(this::locked);
    }

    @Test
    void aPracticeThatSetsZeroMinutesNeverLocksByItself(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        robot.interact(() -> session.settings().practiceRules().set(new org.practicetext.protocol.PracticeSettingsView.Privacy(0, false,
                org.practicetext.core.HiddenPreviews.NAMES, false)));
        ((TestClock) desk.clock()).advance(Duration.ofHours(5));
        robot.interact(window::checkIdle);
        assertThat(locked()).isFalse();
    }

    @Test
    void aTextArrivingWhileLockedIsAnnouncedNamingNoOneAndIsInTheListAfterUnlock(FxRobot robot) {
        setPin("8642");
        waitUntil(() -> !list(robot).getItems().isEmpty());
        clickConversation(robot, "Emily Davis");
        pressLock(robot);

        desk.patientTexts("+15556789012", "Is the card payment done now?");
        waitUntil(() -> window.notifier().lastShownProperty().get() != null);
        IncomingText shown = window.notifier().lastShownProperty().get();
        assertThat(shown.title()).isEqualTo("New message");
        assertThat(shown.from()).isNull();
        assertThat(shown.body()).doesNotContain("card payment");
        assertThat(locked()).isTrue();

        waitUntil(() -> showing(robot, "#lock-pin"));
        typeInto(robot, "#lock-pin", "8642");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !locked());
        waitUntil(() -> robot.lookup("#thread-messages").queryListView().getItems().stream()
                .anyMatch(m -> "Is the card payment done now?".equals(((org.practicetext.desktop.cache.MessageRow) m).body())));
    }

    @Test
    void lockingClosesTheWindowsMenusAndDialogs(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        robot.clickOn("#account-menu");
        waitUntil(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof javafx.stage.PopupWindow && w.isShowing()));
        javafx.stage.Stage[] dialog = new javafx.stage.Stage[1];
        robot.interact(() -> {
            dialog[0] = new javafx.stage.Stage();
            dialog[0].initOwner(stage);
            dialog[0].setScene(new javafx.scene.Scene(new Label("Anna Smith's request"), 200, 100));
            dialog[0].show();
            window.lock().lock();
        });
        waitUntil(this::locked);
        assertThat(dialog[0].isShowing()).isFalse();
        assertThat(javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow).noneMatch(javafx.stage.Window::isShowing))
                .isTrue();
    }

    @Test
    void switchUserLeavesFromTheLockScreen(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        pressLock(robot);
        robot.clickOn("#lock-switch-user");
        waitUntil(() -> switched.get() == 1);
    }

    @Test
    void theAccountMenuLocks(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        robot.clickOn("#account-menu");
        clickMenuItem(robot, "Lock");
        waitUntil(this::locked);
        Node pin = lookup(robot, "#lock-password");
        assertThat(pin.isFocused()).as("the keyboard is in the field the screen asks for").isTrue();
    }
}
