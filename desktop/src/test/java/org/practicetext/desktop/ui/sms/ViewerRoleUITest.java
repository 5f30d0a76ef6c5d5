// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The SMS page as a viewer (Sam, who reads but cannot reply): every action the role may not
 * take is greyed with the reason in its tooltip, or not offered at all, and clicking one does nothing.
 */
class ViewerRoleUITest extends DeskWindowUITest {
    @Override
    protected String username() {
        return "sam";
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void openThread(FxRobot robot, String name) {
        waitUntil(() -> robot.lookup(".pt-conversation-cell").tryQuery().isPresent());
        clickConversation(robot, name);
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label label && label.getText().equals(name));
    }

    private static List<String> denied(List<MenuItem> items) {
        return items.stream().map(DeniedItem::reasonOf).filter(r -> !r.isEmpty()).toList();
    }

    @Test
    void closeConversationIsGreyedWithTheReasonAndDoesNothing(FxRobot robot) {
        openThread(robot, "Anna Smith");
        robot.clickOn("#thread-menu");
        MenuButton menu = robot.lookup("#thread-menu").queryAs(MenuButton.class);
        waitUntil(() -> menu.isShowing() && !menu.getItems().isEmpty());

        MenuItem close = menu.getItems().getLast();
        assertThat(DeniedItem.reasonOf(close)).isEqualTo("Your role can read conversations but not reply to, close or reopen them.");
        assertThat(denied(menu.getItems())).contains("Your role cannot block or unblock contacts.",
                "Your role cannot assign conversations or move them to another inbox.");
        assertThat(menu.getItems()).noneMatch(i -> i instanceof javafx.scene.control.Menu);
        clickMenuItem(robot, "Close Conversation");

        assertThat(desk.client.messages().outbox()).isEmpty();
        assertThat(desk.conversationOf("+15551234567").isOpen()).isTrue();
    }

    @Test
    void theRowMenuGreysCloseAndThePencilIsNotOffered(FxRobot robot) {
        waitUntil(() -> robot.lookup(".pt-conversation-cell").tryQuery().isPresent());
        MenuButton rowMenu = conversationCell(robot, "Anna Smith").lookup(".pt-row-menu").queryAs(MenuButton.class);

        assertThat(denied(rowMenu.getItems())).containsExactly("Your role can read conversations but not reply to, close or reopen them.");
        assertThat(rowMenu.getItems().getFirst().getText()).isEqualTo("Mark as Unread");
        assertThat(robot.lookup("#new-message").queryAs(Node.class).isVisible()).isFalse();
    }

    @Test
    void aFailedMessageOffersNoRetry(FxRobot robot) {
        openThread(robot, "Tom Wilson");
        waitUntil(() -> showing(robot, ".pt-failure-reason"));

        assertThat(showing(robot, "#retry-message")).isFalse();
    }
}
