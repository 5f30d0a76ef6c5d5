// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Which conversation is open, driven by a robot: only a person's act opens one (and marks it
 * read); filters, searches and arriving texts never open another, and a thread they hide stays
 * open under a bar that says so.
 */
class SelectionUITest extends DeskWindowUITest {
    private static final String TOM = "+15557890123";
    private static final String LEAD = "+15553456789";
    private static final String NEW_LEAD = "+15553337777";
    private final List<Long> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private ListView<ConversationRow> list(FxRobot robot) {
        return (ListView<ConversationRow>) robot.lookup("#conversation-list").queryAs(ListView.class);
    }

    private List<String> names(FxRobot robot) {
        return list(robot).getItems().stream().map(ConversationRow::displayName).toList();
    }

    private SmsPageViewModel page(FxRobot robot) {
        return robot.lookup("#sms-page").queryAs(SmsPage.class).model();
    }

    /** Waits for the list, then records every change of the selection from here on. */
    private void watchSelection(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        robot.interact(() -> page(robot).list().selectedIdProperty().addListener((o, was, id) -> opened.add(id)));
    }

    /** The name the thread pane shows, or null while it shows no conversation. */
    private String threadName(FxRobot robot) {
        boolean showing = page(robot).modeProperty().get() == SmsPageViewModel.Mode.THREAD && lookup(robot, "#thread-header").isVisible();
        return showing ? robot.lookup("#thread-name").queryAs(Label.class).getText() : null;
    }

    private boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private void openRowMenu(FxRobot robot, String name) {
        robot.clickOn(conversationCell(robot, name).lookup(".pt-row-menu").queryAs(Node.class));
    }

    @Test
    void aFilterChangeOpensNothingAndKeepsAConversationMarkedUnread(FxRobot robot) {
        watchSelection(robot);
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> "Anna Smith".equals(threadName(robot)));
        openRowMenu(robot, "Tom Wilson");
        clickMenuItem(robot, "Mark as Unread");
        waitUntil(() -> desk.conversationOf(TOM).unreadCount() > 0);
        openRowMenu(robot, "Tom Wilson");
        clickMenuItem(robot, "Close Conversation");
        waitUntil(() -> !names(robot).contains("Tom Wilson"));

        robot.clickOn("#status-filter");
        clickMenuItem(robot, "All Closed");
        waitUntil(() -> names(robot).contains("Tom Wilson"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).as("selection changes").containsExactly(desk.conversationOf("+15551234567").id());
        assertThat(list(robot).getSelectionModel().getSelectedItem()).isNull();
        waitUntil(() -> visible(robot, "#outside-filter-bar"));
        assertThat(threadName(robot)).isEqualTo("Anna Smith");
        assertThat(desk.conversationOf(TOM).unreadCount()).isPositive();
    }

    @Test
    void clearingASearchWithNoResultsOpensNothingElse(FxRobot robot) {
        watchSelection(robot);
        clickConversation(robot, "Marcus Johnson");
        waitUntil(() -> "Marcus Johnson".equals(threadName(robot)));
        desk.patientTexts(NEW_LEAD, "Hi, do you see children? My son is 6.");
        waitUntil(() -> list(robot).getItems().getFirst().phone().equals(NEW_LEAD));
        robot.clickOn("#conversation-search").write("zzzz");
        waitUntil(() -> list(robot).getItems().isEmpty());
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        waitUntil(() -> !list(robot).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).as("selection changes").containsExactly(desk.conversationOf("+15552345678").id());
        assertThat(list(robot).getSelectionModel().getSelectedItem().displayName()).isEqualTo("Marcus Johnson");
        assertThat(threadName(robot)).isEqualTo("Marcus Johnson");
        assertThat(desk.conversationOf(NEW_LEAD).unreadCount()).isPositive();
    }

    @Test
    void clearingASearchWithNoResultsOpensNothingWhenNoneWasOpen(FxRobot robot) {
        watchSelection(robot);
        int leadUnread = desk.conversationOf(LEAD).unreadCount();
        assertThat(leadUnread).isPositive();
        robot.clickOn("#conversation-search").write("zzzz");
        waitUntil(() -> list(robot).getItems().isEmpty());
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        waitUntil(() -> !list(robot).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).as("selection changes").isEmpty();
        assertThat(list(robot).getSelectionModel().getSelectedItem()).isNull();
        assertThat(threadName(robot)).isNull();
        assertThat(desk.conversationOf(LEAD).unreadCount()).isEqualTo(leadUnread);
    }

    @Test
    void aSearchThatHidesTheOpenThreadSaysSoAndShowInListBringsItBack(FxRobot robot) {
        watchSelection(robot);
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> "Anna Smith".equals(threadName(robot)));
        assertThat(visible(robot, "#outside-filter-bar")).isFalse();
        robot.clickOn("#conversation-search").write("777");
        waitUntil(() -> !names(robot).contains("Anna Smith") && visible(robot, "#outside-filter-bar"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(threadName(robot)).isEqualTo("Anna Smith");
        assertThat(opened).hasSize(1);

        robot.clickOn("#outside-filter-show");
        waitUntil(() -> names(robot).contains("Anna Smith") && !visible(robot, "#outside-filter-bar"));
        assertThat(list(robot).getSelectionModel().getSelectedItem().displayName()).isEqualTo("Anna Smith");
    }

    @Test
    void closeOnTheBarLeavesTheHiddenThread(FxRobot robot) {
        watchSelection(robot);
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> "Anna Smith".equals(threadName(robot)));
        robot.clickOn("#type-filter");
        clickMenuItem(robot, "Leads");
        waitUntil(() -> visible(robot, "#outside-filter-bar"));
        robot.clickOn("#outside-filter-close");
        waitUntil(() -> threadName(robot) == null && !visible(robot, "#outside-filter-bar"));
    }

    @Test
    void markAsUnreadOnTheOpenConversationLeavesItSoItStaysUnread(FxRobot robot) {
        watchSelection(robot);
        clickConversation(robot, "Tom Wilson");
        waitUntil(() -> "Tom Wilson".equals(threadName(robot)));
        openRowMenu(robot, "Tom Wilson");
        clickMenuItem(robot, "Mark as Unread");
        waitUntil(() -> threadName(robot) == null);
        waitUntil(() -> list(robot).getItems().stream().anyMatch(r -> r.displayName().equals("Tom Wilson") && r.unreadCount() > 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list(robot).getSelectionModel().getSelectedItem()).isNull();
        assertThat(desk.conversationOf(TOM).unreadCount()).isPositive();
    }

    @Test
    void markAsUnreadInTheThreadsMenuLeavesTheThreadSoItStaysUnread(FxRobot robot) {
        watchSelection(robot);
        clickConversation(robot, "Tom Wilson");
        waitUntil(() -> "Tom Wilson".equals(threadName(robot)));
        waitUntil(() -> desk.conversationOf(TOM).unreadCount() == 0);
        robot.clickOn("#thread-menu");
        clickMenuItem(robot, "Mark as Unread");
        waitUntil(() -> threadName(robot) == null);
        waitUntil(() -> desk.conversationOf(TOM).unreadCount() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list(robot).getSelectionModel().getSelectedItem()).isNull();
        assertThat(list(robot).getItems().stream().filter(r -> r.displayName().equals("Tom Wilson")).findFirst().orElseThrow().unreadCount())
                .isPositive();
    }

    @Test
    void clickingAConversationPutsTheTypingInItsComposer(FxRobot robot) {
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> "Anna Smith".equals(threadName(robot)));
        javafx.scene.control.TextArea composer = lookup(robot, "#composer-text");
        waitUntil(composer::isFocused);
        robot.write("See you at 10");
        assertThat(composer.getText()).isEqualTo("See you at 10");

        clickConversation(robot, "Marcus Johnson");
        waitUntil(() -> "Marcus Johnson".equals(threadName(robot)));
        waitUntil(() -> composer.isFocused() && composer.getText().isEmpty());
    }

    @Test
    void cancellingNewMessageGoesBackToTheThreadThatWasOpen(FxRobot robot) {
        watchSelection(robot);
        clickConversation(robot, "Marcus Johnson");
        waitUntil(() -> "Marcus Johnson".equals(threadName(robot)));
        robot.clickOn("#new-message");
        waitUntil(() -> page(robot).modeProperty().get() == SmsPageViewModel.Mode.NEW_MESSAGE);
        robot.clickOn("#new-message-cancel");
        waitUntil(() -> "Marcus Johnson".equals(threadName(robot)));
        assertThat(list(robot).getSelectionModel().getSelectedItem().displayName()).isEqualTo("Marcus Johnson");
    }

    @Test
    void anUnnamedLeadsHeaderShowsTheNumberOnce(FxRobot robot) {
        watchSelection(robot);
        ConversationRow lead = desk.conversationOf(LEAD);
        clickConversation(robot, lead.displayName());
        waitUntil(() -> lead.displayPhone().equals(threadName(robot)));
        Label phone = lookup(robot, "#thread-phone");
        assertThat(phone.isVisible() && !phone.getText().isEmpty()).as("the number shown a second time").isFalse();
    }

    @Test
    void aTextArrivingWhileTheListIsScrolledDownShowsNewAbove(FxRobot robot) {
        watchSelection(robot);
        robot.interact(() -> stage.setHeight(520));
        ListView<ConversationRow> list = list(robot);
        robot.interact(() -> list.scrollTo(list.getItems().size() - 1));
        waitUntil(() -> list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow && flow.getPosition() > 0);
        assertThat(visible(robot, "#new-above")).isFalse();

        desk.patientTexts("+15557890123", "Is Thursday free?");
        waitUntil(() -> visible(robot, "#new-above") && robot.lookup("#new-above").queryButton().getText().equals("1 new ↑"));
        desk.patientTexts("+15556789012", "And can I pay online?");
        waitUntil(() -> robot.lookup("#new-above").queryButton().getText().equals("2 new ↑"));

        robot.clickOn("#new-above");
        waitUntil(() -> !visible(robot, "#new-above")
                && list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow && flow.getPosition() == 0);
        assertThat(opened).isEmpty();
    }
}
