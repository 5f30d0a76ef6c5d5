// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The thread's ⋮ menu as front-desk staff use it: Block asks first and can be undone; only people who can reply are assignees. */
class ThreadActionsUITest extends DeskWindowUITest {
    private static final String ANNA = "+15551234567";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void openAnna(FxRobot robot) {
        waitUntil(() -> robot.lookup(".pt-conversation-cell").tryQuery().isPresent());
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label name && name.getText().equals("Anna Smith"));
    }

    private boolean annaBlocked() {
        return desk.client.directory().contactByPhone(ANNA).map(ContactRow::blocked).orElseThrow();
    }

    @Test
    void blockAsksFirstNamingTheContactAndWhatBlockingDoes(FxRobot robot) {
        openAnna(robot);
        robot.clickOn("#thread-menu");
        clickMenuItem(robot, "Block");

        waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        DialogPane question = robot.lookup("#confirm-dialog").queryAs(DialogPane.class);
        assertThat(question.getHeaderText()).isEqualTo("Block Anna Smith?");
        assertThat(robot.lookup("#consent-question").queryAs(Label.class).getText())
                .contains("No texts will be sent to Anna Smith, including any still waiting to go out").contains("won't reopen it, count as unread");
        robot.clickOn("#confirm-no");

        waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isEmpty());
        assertThat(annaBlocked()).isFalse();
        assertThat(desk.client.messages().outbox()).isEmpty();
    }

    @Test
    void blockingOffersUndoInTheToast(FxRobot robot) {
        openAnna(robot);
        robot.clickOn("#thread-menu");
        clickMenuItem(robot, "Block");
        waitUntil(() -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");

        waitUntil(() -> annaBlocked() && robot.lookup("#thread-state").queryAs(Label.class).getText().equals("Blocked"));
        waitUntil(() -> robot.lookup("#toast-action").tryQuery().map(Node::isVisible).orElse(false));
        Button undo = robot.lookup("#toast-action").queryButton();
        assertThat(undo.getText()).isEqualTo("Undo");
        robot.clickOn(undo);

        waitUntil(() -> !annaBlocked() && !robot.lookup("#thread-state").queryAs(Label.class).isVisible());
    }

    @Test
    void onlyPeopleWhoCanReplyAreOfferedAsAssignees(FxRobot robot) {
        openAnna(robot);
        robot.clickOn("#thread-menu");
        clickMenuItem(robot, "Assign to");

        waitUntil(() -> popupLabel(robot, "Jordan Lee") || popupLabel(robot, "Jordan Lee  ✓"));
        assertThat(popupLabel(robot, "Alex Rivera") || popupLabel(robot, "Alex Rivera  ✓")).isTrue();
        assertThat(popupLabel(robot, "Sam Taylor")).isFalse();
    }

    private static boolean popupLabel(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Label label && text.equals(label.getText()) && n.getScene() != null
                && n.getScene().getWindow() instanceof javafx.stage.PopupWindow && n.isVisible()).tryQuery().isPresent();
    }
}
