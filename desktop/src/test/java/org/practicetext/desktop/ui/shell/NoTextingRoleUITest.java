// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A team member whose role has no {@code sms.view} (the demo's billing user): no SMS tab, and in its place why. */
class NoTextingRoleUITest extends DeskWindowUITest {

    @Override
    protected String username() {
        return "casey";
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theBarHasNoSmsTabAndSaysWhyWhereItWouldBe(FxRobot robot) {
        waitUntil(() -> robot.lookup("#nav-patients").tryQuery().isPresent());
        assertThat(robot.lookup("#nav-sms").tryQuery().map(Node::isVisible).orElse(false)).isFalse();
        Label why = robot.lookup("#sms-unavailable").queryAs(Label.class);
        assertThat(why.isVisible()).isTrue();
        assertThat(why.getText()).isEqualTo("No SMS tab: your role doesn't include texting. Ask a practice admin.");
        assertThat(robot.lookup("#nav-patients").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(desk.client.conversations().conversations(org.practicetext.core.ConversationFilter.defaults()
                .withStatus(org.practicetext.core.ConversationFilter.Status.ALL), 20)).as("no texts reach this workstation").isEmpty();
        waitUntil(() -> robot.lookup("#patients-table").queryTableView().getItems().size() > 3);
    }
}
