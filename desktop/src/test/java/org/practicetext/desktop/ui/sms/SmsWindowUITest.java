// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The SMS page driven by a robot, as a receptionist would use it. */
class SmsWindowUITest extends DeskWindowUITest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private ListView<ConversationRow> list(FxRobot robot) {
        return (ListView<ConversationRow>) robot.lookup("#conversation-list").queryAs(ListView.class);
    }

    private java.util.List<String> names(FxRobot robot) {
        return list(robot).getItems().stream().map(ConversationRow::displayName).toList();
    }

    private void waitForList(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
    }

    @Test
    void theSmsBadgeShowsUnreadIncomingMessagesAndRisesLive(FxRobot robot) {
        waitForList(robot);
        Label badge = robot.lookup("#sms-badge").queryAs(Label.class);
        int unread = desk.client.conversations().unreadBadge();
        waitUntil(() -> badge.getText().equals(Integer.toString(unread)) && badge.isVisible());
        desk.patientTexts("+15557890123", "Can I book that checkup for next week?");
        waitUntil(() -> badge.getText().equals(Integer.toString(unread + 1)));
    }

    @Test
    void theStatusFilterShowsClosedConversations(FxRobot robot) {
        waitForList(robot);
        assertThat(names(robot)).doesNotContain("Priya Patel");
        robot.clickOn("#status-filter");
        clickMenuItem(robot, "All Closed");
        waitUntil(() -> names(robot).contains("Priya Patel") && list(robot).getItems().stream().noneMatch(ConversationRow::isOpen));
    }

    @Test
    void theContactTypeFilterShowsLeads(FxRobot robot) {
        waitForList(robot);
        robot.clickOn("#type-filter");
        clickMenuItem(robot, "Leads");
        waitUntil(() -> !names(robot).isEmpty() && list(robot).getItems().stream().allMatch(r -> r.kind().equals("lead")));
    }

    @Test
    void theAssignmentFilterShowsUnassignedConversations(FxRobot robot) {
        waitForList(robot);
        robot.clickOn("#assignment-filter");
        clickMenuItem(robot, "Unassigned");
        waitUntil(() -> !names(robot).isEmpty() && !names(robot).contains("Marcus Johnson"));
    }

    @Test
    void theInboxFilterShowsOneInboxAndOffersToManageInboxes(FxRobot robot) {
        waitForList(robot);
        robot.clickOn("#inbox-filter");
        clickMenuItem(robot, "Billing");
        waitUntil(() -> names(robot).equals(java.util.List.of("Emily Davis")));
        robot.clickOn("#inbox-filter");
        clickMenuItem(robot, "Create or manage inboxes…");
        waitUntil(() -> robot.lookup("#inbox-list").tryQuery().isPresent());
    }

    @Test
    void searchFindsAPatientByNameAndShowsMessageHitsApart(FxRobot robot) {
        waitForList(robot);
        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("anna");
        waitUntil(() -> names(robot).equals(java.util.List.of("Anna Smith")));
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write("insurance");
        waitUntil(() -> names(robot).isEmpty() && robot.lookup("#message-hits").queryListView().getItems().size() == 1);
        assertThat(robot.lookup("#message-hits").queryListView().isVisible()).isTrue();
    }

    @Test
    void replyingWithEnterSendsAndShiftEnterAddsALine(FxRobot robot) {
        waitForList(robot);
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label name && name.getText().equals("Anna Smith"));
        robot.clickOn("#composer-text").write("Yes please");
        robot.press(KeyCode.SHIFT).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.SHIFT);
        robot.write("bring it along");
        TextArea text = robot.lookup("#composer-text").queryAs(TextArea.class);
        assertThat(text.getText()).isEqualTo("Yes please\nbring it along");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text.getText().isEmpty());
        waitUntil(() -> robot.lookup("#thread-messages").queryListView().getItems().stream()
                .anyMatch(m -> ((org.practicetext.desktop.cache.MessageRow) m).body().equals("Yes please\nbring it along")));
    }

    @Test
    void anOptedOutPatientsComposerIsDisabledWithTheReason(FxRobot robot) {
        waitForList(robot);
        clickConversation(robot, "Robert Chen");
        Label reason = robot.lookup("#composer-disabled-reason").queryAs(Label.class);
        waitUntil(() -> reason.isVisible() && reason.getText().contains("text START"));
        assertThat(robot.lookup("#composer-send").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#composer-text").queryAs(TextArea.class).isDisabled()).isTrue();
    }

    @Test
    void aFailedMessageExplainsWhyAndRetrySendsItAgain(FxRobot robot) {
        waitForList(robot);
        clickConversation(robot, "Tom Wilson");
        waitUntil(() -> robot.lookup(".pt-failure-reason").tryQuery().map(n -> ((Label) n).getText().contains("landline")).orElse(false));
        ListView<?> bubbles = robot.lookup("#thread-messages").queryListView();
        int before = bubbles.getItems().size();
        MessageRow failed = failedMessage(bubbles);
        String body = failed.body();

        robot.clickOn(shownNode(robot, "#retry-message"));
        waitUntil(() -> reasonShown(robot, ThreadViewModel.LANDLINE_WARNING));
        assertThat(desk.relayCount("SELECT COUNT(*) FROM message WHERE id = ? AND status = 'undelivered'", failed.id())).isEqualTo(1);
        Button anyway = (Button) shownNode(robot, "#retry-anyway");
        robot.interact(() -> {
            anyway.fire();
            anyway.fire(); // a double click: the second must not send again
        });

        waitUntil(() -> !showing(robot, "#retry-message") && !showing(robot, "#retry-anyway")
                && bubble(bubbles, failed.id()).map(m -> !m.failed()).orElse(false));
        waitUntil(() -> bubble(bubbles, failed.id()).map(m -> m.status().equals("delivered")).orElse(false));
        assertThat(bubbles.getItems()).hasSize(before);
        assertThat(desk.relayCount("SELECT COUNT(*) FROM message WHERE body = ?", body)).isEqualTo(1);
        assertThat(desk.relayCount("SELECT dispatch_attempts FROM message WHERE id = ?", failed.id())).isEqualTo(1);
        assertThat(desk.client.messages().outbox()).isEmpty();
    }

    @Test
    void cancellingTheLandlineQuestionSendsNothing(FxRobot robot) {
        waitForList(robot);
        clickConversation(robot, "Tom Wilson");
        waitUntil(() -> showing(robot, "#retry-message"));
        MessageRow failed = failedMessage(robot.lookup("#thread-messages").queryListView());

        robot.clickOn(shownNode(robot, "#retry-message"));
        robot.clickOn(shownNode(robot, "#retry-cancel"));

        waitUntil(() -> showing(robot, "#retry-message") && !showing(robot, "#retry-anyway"));
        assertThat(reasonShown(robot, ThreadViewModel.LANDLINE_WARNING)).isFalse();
        assertThat(desk.client.messages().outbox()).isEmpty();
        assertThat(desk.relayCount("SELECT COUNT(*) FROM message WHERE id = ? AND status = 'undelivered'", failed.id())).isEqualTo(1);
    }

    private static boolean reasonShown(FxRobot robot, String text) {
        return robot.lookup(".pt-failure-reason").queryAll().stream().anyMatch(n -> ((Label) n).getText().equals(text) && n.isVisible());
    }

    private static MessageRow failedMessage(ListView<?> bubbles) {
        return bubbles.getItems().stream().map(MessageRow.class::cast).filter(MessageRow::failed).findFirst().orElseThrow();
    }

    private static java.util.Optional<MessageRow> bubble(ListView<?> bubbles, long id) {
        return bubbles.getItems().stream().map(MessageRow.class::cast).filter(m -> m.id() == id).findFirst();
    }

    @Test
    void theRowMenuMarksAConversationUnread(FxRobot robot) {
        waitForList(robot);
        ConversationRow tom = list(robot).getItems().stream().filter(r -> r.displayName().equals("Tom Wilson")).findFirst().orElseThrow();
        assertThat(tom.unreadCount()).isZero();
        robot.clickOn(conversationCell(robot, tom.displayName()).lookup(".pt-row-menu").queryAs(javafx.scene.Node.class));
        clickMenuItem(robot, "Mark as Unread");
        waitUntil(() -> list(robot).getItems().stream().anyMatch(r -> r.id() == tom.id() && r.unreadCount() > 0));
    }

    @Test
    void theSelectedRowStaysSelectedWhenATextMovesAnotherRowToTheTop(FxRobot robot) {
        waitForList(robot);
        clickConversation(robot, "Marcus Johnson");
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label name && name.getText().equals("Marcus Johnson"));
        desk.patientTexts("+15557890123", "Hi, can I book my checkup?");
        waitUntil(() -> list(robot).getItems().getFirst().displayName().equals("Tom Wilson"));
        ConversationRow selected = list(robot).getSelectionModel().getSelectedItem();
        assertThat(selected).isNotNull();
        assertThat(selected.displayName()).isEqualTo("Marcus Johnson");
        assertThat(robot.lookup("#thread-name").queryAs(Label.class).getText()).isEqualTo("Marcus Johnson");
    }

    @Test
    void altDownMovesToTheNextConversation(FxRobot robot) {
        waitForList(robot);
        clickConversation(robot, list(robot).getItems().get(0).displayName());
        robot.press(KeyCode.ALT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.ALT);
        long second = list(robot).getItems().get(1).id();
        waitUntil(() -> list(robot).getSelectionModel().getSelectedItem() != null && list(robot).getSelectionModel().getSelectedItem().id() == second);
    }
}
