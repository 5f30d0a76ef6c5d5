// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.core.HiddenPreviews;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.practicetext.protocol.PracticeSettingsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Settings → Privacy as an admin: the practice's rules saved to the relay, and this desk following them at once. */
class PrivacySettingsUITest extends DeskWindowUITest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected String username() {
        return "alex";
    }

    @Test
    void anAdminSetsThePracticesRulesAndTheDeskFollowsThem(FxRobot robot) {
        robot.clickOn("#nav-settings");
        robot.clickOn("#settings-privacy");
        Button save = lookup(robot, "#privacy-save");
        waitUntil(() -> !save.isDisabled());
        TextField minutes = lookup(robot, "#privacy-lock-minutes");
        assertThat(minutes.getText()).isEqualTo("10");

        robot.doubleClickOn(minutes).write("500");
        waitUntil(() -> save.isDisabled() && !((Label) lookup(robot, "#privacy-lock-minutes-problem")).getText().isEmpty());
        robot.doubleClickOn(minutes).write("5");
        waitUntil(() -> !save.isDisabled());
        robot.clickOn("#privacy-previews-nothing");
        robot.clickOn("#privacy-screen-for-all");
        robot.clickOn(save);

        Label message = lookup(robot, "#privacy-message");
        waitUntil(() -> message.getText().startsWith("Saved."));
        PracticeSettingsView.Privacy expected = new PracticeSettingsView.Privacy(5, true, HiddenPreviews.NOTHING, false);
        assertThat(desk.client.requests().settings().orElseThrow().privacy()).as("what the relay answered").isEqualTo(expected);
        assertThat(session.settings().practiceRules().get()).isEqualTo(expected);

        ToggleSwitch mine = lookup(robot, "#privacy-screen-switch");
        waitUntil(() -> mine.isSelected() && mine.isDisabled() && showing(robot, "#privacy-screen-forced"));
        assertThat(session.settings().privacyScreenOn().get()).isTrue();
    }
}
