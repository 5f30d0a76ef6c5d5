// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;

/** Settings → Templates driven by a robot: a template created there is in the composer's picker, then edited and deleted. */
class TemplatesUITest extends DeskWindowUITest {

    @Override
    protected String username() {
        return "alex";
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private static ListView<Directory.Template> templates(FxRobot robot) {
        return (ListView<Directory.Template>) robot.lookup("#templates-list").queryAs(ListView.class);
    }

    private static boolean listed(FxRobot robot, String name) {
        return templates(robot).getItems().stream().anyMatch(t -> t.name().equals(name));
    }

    private void pickInComposer(FxRobot robot, String search) {
        robot.clickOn(robot.lookup("#composer-templates").match(NodeQueryUtils.isVisible()).queryAs(Node.class));
        waitUntil(() -> robot.lookup("#template-search").tryQuery().map(Node::isFocused).orElse(false));
        robot.write(search);
    }

    @Test
    void aTemplateCreatedInSettingsIsInTheComposerThenEditedAndDeleted(FxRobot robot) {
        robot.clickOn("#nav-settings").clickOn("#settings-templates");
        waitUntil(() -> listed(robot, "Appointment confirmation"));

        robot.clickOn("#template-new").clickOn("#template-name").write("Hygiene recall");
        robot.clickOn("#template-body").write("Hi ");
        robot.clickOn("#template-insert-first-name");
        robot.write(", time for your cleaning at ");
        robot.clickOn("#template-insert-practice-name");
        robot.write(".");
        TextArea body = robot.lookup("#template-body").queryAs(TextArea.class);
        assertThat(body.getText()).isEqualTo("Hi {first name}, time for your cleaning at {practice name}.");
        Label preview = robot.lookup("#template-preview").queryAs(Label.class);
        waitUntil(() -> preview.getText().matches("Hi [A-Z][a-z]+, time for your cleaning at Bright Smile Dental\\."));
        robot.clickOn("#template-save");
        waitUntil(() -> listed(robot, "Hygiene recall")
                && robot.lookup("#template-message").queryAs(Label.class).getText().equals("Created “Hygiene recall”."));

        robot.clickOn("#nav-sms");
        waitUntil(() -> robot.lookup(".pt-conversation-cell").tryQuery().isPresent());
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> robot.lookup("#thread-name").queryAs(Label.class).getText().equals("Anna Smith"));
        pickInComposer(robot, "Hygiene");
        robot.clickOn(robot.lookup(".pt-template-cell").match((ListCell<?> cell) -> cell.getItem() != null).queryAs(Node.class));
        TextArea composer = robot.lookup("#composer-text").match(NodeQueryUtils.isVisible()).queryAs(TextArea.class);
        waitUntil(() -> composer.getText().equals("Hi Anna, time for your cleaning at Bright Smile Dental."));

        robot.clickOn("#nav-settings");
        robot.clickOn(robot.lookup("#templates-list").lookup("Hygiene recall").queryAs(Node.class));
        waitUntil(() -> robot.lookup("#template-name").queryAs(javafx.scene.control.TextField.class).getText().equals("Hygiene recall"));
        robot.clickOn("#template-name").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write("Cleaning recall");
        robot.clickOn("#template-save");
        waitUntil(() -> listed(robot, "Cleaning recall") && !listed(robot, "Hygiene recall"));

        robot.clickOn("#template-delete");
        waitUntil(() -> robot.lookup("#template-delete-confirm").tryQuery().isPresent());
        Label question = robot.lookup("#template-delete-confirm").lookup(".content").queryAs(Label.class);
        assertThat(question.getText()).isEqualTo("Delete the template “Cleaning recall”? The team will no longer find it in the composer.");
        robot.clickOn(robot.lookup("#template-delete-confirm").lookup((Node n) -> n instanceof javafx.scene.control.Button b
                && b.getText().equals("Delete")).queryAs(Node.class));
        waitUntil(() -> !listed(robot, "Cleaning recall")
                && robot.lookup("#template-message").queryAs(Label.class).getText().equals("Deleted “Cleaning recall”."));

        robot.clickOn("#nav-sms");
        pickInComposer(robot, "Cleaning recall");
        waitUntil(() -> robot.lookup("#template-empty").tryQuery().map(n -> n.isVisible()
                && ((Label) n).getText().equals("No template matches “Cleaning recall”")).orElse(false));
    }
}
