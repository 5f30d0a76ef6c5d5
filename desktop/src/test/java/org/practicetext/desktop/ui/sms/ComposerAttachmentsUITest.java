// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.practicetext.relay.media.TestImages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Sending files from the composer in the real window, against the real relay: the paperclip (over
 * a stubbed file chooser) and Ctrl+V of a screenshot put chips above the text; a photo goes out as
 * an MMS thumbnail, a PDF as a "Secure link" chip, and a message with a file written offline waits
 * with its file and goes out once the relay is back.
 */
class ComposerAttachmentsUITest extends DeskWindowUITest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void openAnnaChoosing(FxRobot robot, Path... files) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> ((SmsPage) robot.lookup("#sms-page").query()).model().composer().attachments()
                .usePicker(owner -> List.of(files))).get();
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label name && name.getText().equals("Anna Smith"));
    }

    private List<String> chipNames(FxRobot robot) {
        return robot.lookup(".pt-composer-chip").queryAll().stream().filter(ComposerAttachmentsUITest::onScreen)
                .map(n -> ((AttachedFile) n.getUserData()).name()).toList();
    }

    /** The thread's composer and the new-message panel's share the model: only the chips on screen count. */
    private static boolean onScreen(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static boolean sentPhoto(FxRobot robot, String name) {
        return robot.lookup(".pt-thumbnail-button").queryAll().stream()
                .anyMatch(n -> onScreen(n) && ("Photo " + name + ". Open it.").equals(((Button) n).getAccessibleText())
                        && n.lookup(".image-view") != null);
    }

    private static boolean secureLinkChip(FxRobot robot, String name) {
        return robot.lookup(".pt-secure-link-chip").queryAll().stream().filter(ComposerAttachmentsUITest::onScreen)
                .anyMatch(n -> n.lookupAll(".label").stream().map(l -> ((Label) l).getText()).toList().containsAll(List.of(name, "Secure link")));
    }

    @Test
    void aPhotoAttachedWithThePaperclipGoesOutAsAnMmsThumbnail(FxRobot robot) throws Exception {
        Path photo = Files.write(temp.resolve("x-ray.png"), TestImages.png(320, 240));
        openAnnaChoosing(robot, photo);

        robot.clickOn(shownNode(robot, "#composer-attach"));
        waitUntil(() -> chipNames(robot).equals(List.of("x-ray.png")));
        assertThat(((Label) shownNode(robot, "#composer-counter")).getText()).isEqualTo("MMS · 1 photo");
        assertThat(shownNode(robot, "#composer-send").isDisabled()).as("a photo alone may be sent").isFalse();

        robot.clickOn(shownNode(robot, "#composer-send"));

        waitUntil(() -> chipNames(robot).isEmpty());
        waitUntil(() -> sentPhoto(robot, "x-ray.png"));
    }

    @Test
    void aRemovedChipIsNotSentAndAPdfGoesBehindASecureLink(FxRobot robot) throws Exception {
        Path form = Files.write(temp.resolve("intake-form.pdf"), PDF);
        Path photo = Files.write(temp.resolve("x-ray.png"), TestImages.png(320, 240));
        openAnnaChoosing(robot, form, photo);
        robot.clickOn(shownNode(robot, "#composer-attach"));
        waitUntil(() -> chipNames(robot).equals(List.of("intake-form.pdf", "x-ray.png")));

        robot.clickOn(robot.lookup(".pt-chip-remove").match((Button b) -> "Remove x-ray.png".equals(b.getAccessibleText()) && onScreen(b)).queryAs(Button.class));
        waitUntil(() -> chipNames(robot).equals(List.of("intake-form.pdf")));
        robot.clickOn(shownNode(robot, "#composer-text")).write("Here is the form");
        assertThat(((Label) shownNode(robot, "#composer-counter")).getText()).isEqualTo("16 characters + secure link · 1 text");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> secureLinkChip(robot, "intake-form.pdf"));
        assertThat(sentPhoto(robot, "x-ray.png")).as("the removed photo was not sent").isFalse();
    }

    @Test
    void aPastedScreenshotIsAttachedAsAPngPhoto(FxRobot robot) throws Exception {
        openAnnaChoosing(robot);
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage screenshot = new WritableImage(40, 30);
            for (int x = 0; x < 40; x++) {
                screenshot.getPixelWriter().setColor(x, 10, Color.CRIMSON);
            }
            ClipboardContent content = new ClipboardContent();
            content.putImage(screenshot);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }).get();

        robot.clickOn(shownNode(robot, "#composer-text"));
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);

        waitUntil(() -> chipNames(robot).equals(List.of("pasted-image.png")));
        assertThat(((javafx.scene.control.TextArea) shownNode(robot, "#composer-text")).getText()).as("nothing was pasted as text").isEmpty();
    }

    @Test
    void aMessageWithAFileWrittenOfflineWaitsWithItsFileAndGoesOutWhenTheRelayIsBack(FxRobot robot) throws Exception {
        Path form = Files.write(temp.resolve("consent.pdf"), PDF);
        openAnnaChoosing(robot, form);
        desk.stopRelay();

        robot.clickOn(shownNode(robot, "#composer-attach"));
        waitUntil(() -> chipNames(robot).equals(List.of("consent.pdf")));
        robot.clickOn(shownNode(robot, "#composer-send"));
        waitUntil(() -> showing(robot, ".pt-attachment-waiting"));
        Files.delete(form); // the outbox keeps its own copy

        desk.startRelay();
        waitUntil(() -> secureLinkChip(robot, "consent.pdf"));
        assertThat(showing(robot, ".pt-attachment-waiting")).isFalse();
    }
}
