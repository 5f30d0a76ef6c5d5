// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The filter bar says the help article's words, the same on each button as in its menu. */
class FilterBarUITest extends DeskWindowUITest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theAssignmentFilterUsesTheHelpArticlesWordsOnTheButtonAndInTheMenu(FxRobot robot) {
        MenuButton assignment = robot.lookup("#assignment-filter").queryAs(MenuButton.class);
        assertThat(assignment.getItems()).extracting(MenuItem::getText).containsExactly("All Messages", "Assigned to me", "Unassigned");
        waitUntil(() -> assignment.getText().equals("All Messages"));
        for (String choice : new String[] {"Assigned to me", "Unassigned", "All Messages"}) {
            robot.clickOn("#assignment-filter");
            clickMenuItem(robot, choice);
            waitUntil(() -> assignment.getText().equals(choice));
        }
    }
}
