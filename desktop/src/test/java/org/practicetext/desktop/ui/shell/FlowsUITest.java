// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** New message, the thread menu, offline, and the pages reached from the navigation bar. */
class FlowsUITest extends DeskWindowUITest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private ListView<ConversationRow> list(FxRobot robot) {
        return (ListView<ConversationRow>) robot.lookup("#conversation-list").queryAs(ListView.class);
    }

    private Label threadName(FxRobot robot) {
        return robot.lookup("#thread-name").queryAs(Label.class);
    }

    @Test
    void aNewMessageToANewNumberOpensItsConversation(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        robot.write("(555) 21");
        Label error = robot.lookup("#new-message-phone-error").queryAs(Label.class);
        assertThat(error.isVisible()).as("no error while the number is still being typed").isFalse();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> error.isVisible() && error.getText().contains("too short"));
        robot.write("0-7788");
        waitUntil(() -> !error.isVisible());
        robot.clickOn("#new-message-use-number");
        waitUntil(() -> robot.lookup("#new-message-recipient").queryAs(Label.class).getText().equals("To: (555) 210-7788"));
        robot.clickOn(robot.lookup("#new-message-panel").lookup("#composer-text").queryAs(javafx.scene.Node.class))
                .write("Hi, this is Bright Smile Dental returning your call.").type(KeyCode.ENTER);
        // An unnamed lead: the name line is the number.
        waitUntil(() -> robot.lookup("#thread-name").queryAs(Label.class).getText().equals("(555) 210-7788")
                && robot.lookup("#thread-name").queryAs(Label.class).isVisible());
        waitUntil(() -> robot.lookup("#thread-messages").queryListView().getItems().stream()
                .anyMatch(m -> ((MessageRow) m).body().startsWith("Hi, this is Bright Smile Dental")));
    }

    @Test
    void theNewMessagePickerOpensAnExistingConversation(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        robot.clickOn("#new-message");
        robot.write("Marcus");
        waitUntil(() -> robot.lookup("#new-message-matches").queryListView().getItems().size() == 1);
        robot.clickOn(robot.lookup("#new-message-matches").lookup("Marcus Johnson").queryAs(javafx.scene.Node.class));
        waitUntil(() -> threadName(robot).getText().equals("Marcus Johnson"));
    }

    @Test
    void theThreadMenuAssignsToATeamMember(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> threadName(robot).getText().equals("Anna Smith"));
        robot.clickOn("#thread-menu");
        clickMenuItem(robot, "Assign to");
        clickMenuItem(robot, "Alex Rivera");
        waitUntil(() -> list(robot).getItems().stream().anyMatch(r -> r.displayName().equals("Anna Smith") && "Alex Rivera".equals(r.assigneeName())));
        robot.clickOn("#thread-menu");
        clickMenuItem(robot, "Block");
        waitUntil(() -> robot.lookup("#confirm-yes").tryQuery().isPresent()); // Block asks first
        robot.clickOn("#confirm-yes");
        waitUntil(() -> robot.lookup("#composer-disabled-reason").queryAs(Label.class).getText().endsWith("Unblock to send."));
        robot.clickOn("#composer-unblock");
        waitUntil(() -> robot.lookup("#composer-disabled-reason").queryAs(Label.class).getText().isEmpty());
    }

    @Test
    void offlineShowsTheBannerKeepsThreadsReadableAndQueuesReplies(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        desk.stopRelay();
        waitUntil(() -> robot.lookup("#offline-banner").query().isVisible());
        waitUntil(() -> robot.lookup("#status-line").queryAs(Label.class).getText().startsWith("Offline — showing cached messages, last synced"));
        clickConversation(robot, "Marcus Johnson");
        waitUntil(() -> robot.lookup("#thread-messages").queryListView().getItems().size() >= 3);
        robot.clickOn("#composer-text").write("We'll call you back shortly.").type(KeyCode.ENTER);
        // Opening the thread queued "mark read" too: both wait in the outbox.
        waitUntil(() -> robot.lookup("#status-line").queryAs(Label.class).getText().matches("Offline — .* · \\d waiting to send"));
        waitUntil(() -> robot.lookup("#thread-messages").queryListView().getItems().stream()
                .anyMatch(m -> ((MessageRow) m).body().equals("We'll call you back shortly.") && ((MessageRow) m).local()));
        desk.startRelay();
        waitUntil(() -> !robot.lookup("#offline-banner").query().isVisible());
        waitUntil(() -> robot.lookup("#status-line").queryAs(Label.class).getText().equals("Online"));
    }

    @Test
    void theDemoMenuReceivesATextFromAPatient(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        robot.clickOn("Demo");
        clickMenuItem(robot, "Receive a text from a patient…");
        javafx.scene.control.TextField from = robot.lookup("#demo-from").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> from.setText("(555) 765-4321"));
        robot.clickOn("Receive");
        waitUntil(() -> list(robot).getItems().stream().anyMatch(r -> r.displayPhone().equals("(555) 765-4321") && r.unreadCount() == 1));
    }

    @Test
    void textThisPatientFromThePatientsPageOpensTheirThread(FxRobot robot) {
        robot.clickOn("#nav-patients");
        waitUntil(() -> robot.lookup("#patients-table").queryTableView().getItems().size() > 3);
        robot.clickOn("#patient-search").write("Priya");
        waitUntil(() -> robot.lookup("#patients-table").queryTableView().getItems().size() == 1);
        robot.clickOn("Priya Patel").clickOn("#text-patient");
        waitUntil(() -> threadName(robot).isVisible() && threadName(robot).getText().equals("Priya Patel"));
    }

    @Test
    void settingsListOptedOutPatientsAndSwitchToDark(FxRobot robot) {
        robot.clickOn("#nav-settings");
        waitUntil(() -> robot.lookup("#opted-out-list").queryListView().getItems().size() == 1);
        robot.clickOn("#settings-appearance").clickOn("#appearance-dark");
        waitUntil(() -> window.sms() != null && javafx.application.Application.getUserAgentStylesheet().contains("dark"));
        robot.clickOn("#appearance-light");
    }

    @Test
    void anIncomingTextForAnotherThreadRaisesAToastThatOpensIt(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> threadName(robot).getText().equals("Anna Smith"));
        desk.patientTexts("+15556789012", "Is the card payment done?");
        waitUntil(() -> window.notifier().lastShownProperty().get() != null);
        assertThat(window.notifier().lastShownProperty().get().from()).isEqualTo("Emily Davis");
        if (stage.isFocused()) {
            waitUntil(() -> robot.lookup(".pt-toast").tryQuery().isPresent());
            robot.clickOn(".pt-toast");
            waitUntil(() -> threadName(robot).getText().equals("Emily Davis"));
        }
    }
}
