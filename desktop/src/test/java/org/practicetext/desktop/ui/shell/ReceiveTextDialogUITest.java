// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The demo's "Receive a text" dialog shows its words whole, not cut to "…". */
class ReceiveTextDialogUITest extends DeskWindowUITest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void everyLabelOfTheDialogIsShownWhole(FxRobot robot) throws Exception {
        robot.clickOn("Demo");
        clickMenuItem(robot, "Receive a text from a patient…");
        waitUntil(() -> robot.lookup("#demo-from").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        List<Labeled> labels = robot.from(pane).lookup((Node n) -> n instanceof Labeled l && l.isVisible() && l.getText() != null
                && !l.getText().isEmpty()).queryAllAs(Labeled.class).stream().toList();
        Map<String, String> shown = WaitForAsyncUtils.asyncFx(() -> labels.stream().collect(Collectors.toMap(Labeled::getText,
                l -> ((Text) l.lookup(".text")).getText(), (a, b) -> a))).get();

        assertThat(shown).containsKeys("From", "Text", "Receive", "Cancel");
        assertThat(shown).allSatisfy((text, rendered) -> assertThat(rendered).as("rendered text of “%s”", text).isEqualTo(text));
        robot.clickOn("Cancel");
    }
}
