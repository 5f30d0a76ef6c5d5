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

/** The demo's "Receive a text" dialog shows its words whole, not cut to "…", and sends the photos attached to it. */
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

    @Test
    void theSamplePhotoArrivesInThePatientsThreadWithTheText(FxRobot robot) {
        robot.clickOn("Demo");
        clickMenuItem(robot, "Receive a text from a patient…");
        waitUntil(() -> robot.lookup("#demo-from").tryQuery().isPresent());
        robot.clickOn("#demo-attach");
        robot.clickOn("Sample photo (insurance card)");
        waitUntil(() -> showing(robot, "#demo-photos .label") && robot.lookup("#demo-photos .label").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> "insurance-card.jpg".equals(l.getText())));
        robot.clickOn("Receive");

        clickConversation(robot, "Anna Smith");
        waitUntil(() -> robot.lookup(".pt-thumbnail .image-view").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((javafx.scene.image.ImageView) n).getImage() != null));
        assertThat(desk.relayCount("SELECT COUNT(*) FROM message_media WHERE state = 'ready' AND content_type = 'image/jpeg'")).isEqualTo(1);
    }
}
