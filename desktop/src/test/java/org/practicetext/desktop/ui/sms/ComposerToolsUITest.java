// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;

/** The composer's tools (templates, emoji) driven by a robot in the real window. */
class ComposerToolsUITest extends DeskWindowUITest {
    static final String REMINDER = "A reminder of your appointment tomorrow at 9:00.\nReply C to confirm.";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private TextArea openAnna(FxRobot robot) {
        waitUntil(() -> robot.lookup(".pt-conversation-cell").tryQuery().isPresent());
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label name && name.getText().equals("Anna Smith"));
        return robot.lookup("#composer-text").match(NodeQueryUtils.isVisible()).queryAs(TextArea.class);
    }

    private Node visible(FxRobot robot, String query) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).query();
    }

    @Test
    void aPickedTemplateIsInsertedAtTheCaret(FxRobot robot) {
        desk.adminCreatesTemplate("Appointment reminder", REMINDER);
        TextArea text = openAnna(robot);
        robot.clickOn(text).write("Hi Anna! ");
        robot.clickOn(visible(robot, "#composer-templates"));
        waitUntil(() -> robot.lookup(".pt-template-cell").match((ListCell<?> cell) -> cell.getItem() != null).tryQuery().isPresent());
        robot.write("tomorrow at 9:00");
        robot.clickOn(robot.lookup(".pt-template-cell").match((ListCell<?> cell) -> cell.getItem() != null).queryAs(Node.class));
        waitUntil(() -> text.getText().equals("Hi Anna! " + REMINDER));
        assertThat(text.getCaretPosition()).isEqualTo(text.getText().length());
    }

    @Test
    void withNoTemplatesTheMenuSaysWhoAddsThemAndWhere(FxRobot robot) {
        desk.adminDeletesEveryTemplate();
        openAnna(robot);
        robot.clickOn(visible(robot, "#composer-templates"));
        waitUntil(() -> robot.lookup("#template-empty").tryQuery().map(n -> n.isVisible()
                && ((Label) n).getText().equals("No templates yet — a practice admin adds them in Settings → Templates")).orElse(false));
    }

    @Test
    void aPickedEmojiIsInsertedAndTheCounterWarnsAboutUnicode(FxRobot robot) {
        TextArea text = openAnna(robot);
        robot.clickOn(text).write("See you soon ");
        robot.clickOn(visible(robot, "#composer-emoji"));
        waitUntil(() -> robot.lookup(".pt-emoji").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".pt-emoji").match((Node n) -> "🦷".equals(n.getUserData())).queryAs(Node.class));
        waitUntil(() -> text.getText().equals("See you soon 🦷"));
        Label unicode = robot.lookup("#composer-unicode").match(NodeQueryUtils.isVisible()).queryAs(Label.class);
        assertThat(unicode.getText()).isEqualTo("“🦷” switches this text to Unicode: 70 characters per text");
    }
}
