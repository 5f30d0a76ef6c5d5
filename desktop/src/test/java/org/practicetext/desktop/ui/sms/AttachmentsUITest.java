// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.practicetext.protocol.SimulatedInbound;
import org.practicetext.relay.media.TestImages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A patient's photo on the real relay: it arrives through the simulator (the relay fetches it from
 * the simulated carrier and keeps it), shows as a thumbnail in the thread, opens in the viewer —
 * again with the relay stopped, from this workstation's copy — and a file the relay could not
 * keep shows why, with "Try again".
 */
class AttachmentsUITest extends DeskWindowUITest {
    static final String ANNA = "+15551234567";
    /** Where the feed holds the newest message with an attachment: it moves each time the relay sends that message again. */
    static final String MESSAGE_IN_FEED = "SELECT seq FROM feed_event WHERE entity_type = 'message' AND entity_id = (SELECT MAX(message_id) FROM message_media)";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aPhotoArrivesAsAThumbnailOpensInTheViewerAndStillOpensOffline(FxRobot robot) throws Exception {
        clickConversation(robot, "Anna Smith");
        desk.patientSends(ANNA, "", List.of(new SimulatedInbound.File("card.png", "image/png", TestImages.png(640, 400))));

        waitUntil(() -> thumbnailWithPicture(robot) != null);
        Node thumbnail = thumbnailWithPicture(robot);
        assertThat(thumbnail.getLayoutBounds().getWidth()).as("220 px wide, its own shape").isEqualTo(220);
        assertThat(thumbnail.getLayoutBounds().getHeight()).isEqualTo(138);
        assertThat(WaitForAsyncUtils.asyncFx(() -> photoOnlyBubbleHasNoTextLine(thumbnail)).get()).isTrue();

        robot.clickOn(thumbnail);
        waitUntil(() -> viewerImageWidth(robot) > 0);
        assertThat(viewerImageWidth(robot)).isEqualTo(640);
        robot.clickOn("#viewer-zoom-in");
        waitUntil(() -> ((Label) robot.lookup("#viewer-zoom").query()).getText().equals("125%"));
        robot.type(KeyCode.DIGIT0);
        waitUntil(() -> ((Label) robot.lookup("#viewer-zoom").query()).getText().equals("100%"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> viewerWindow() == null);

        desk.stopRelay();
        robot.clickOn(thumbnailWithPicture(robot));
        waitUntil(() -> viewerImageWidth(robot) > 0);
        assertThat(viewerImageWidth(robot)).as("this workstation's copy, the relay stopped").isEqualTo(640);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> viewerWindow() == null);
    }

    @Test
    void aFileTheRelayCouldNotKeepSaysWhyAndTryAgainAsksTheRelayAgain(FxRobot robot) {
        clickConversation(robot, "Anna Smith");
        // Not a PNG at all: the relay checks the bytes against the type and does not keep it.
        desk.patientSends(ANNA, "Here is my card", List.of(new SimulatedInbound.File("card.png", "image/png",
                "this is not a picture".getBytes(StandardCharsets.UTF_8))));

        waitUntil(() -> showing(robot, ".pt-attachment-retry"));
        assertThat(showing(robot, ".pt-attachment-problem-title")).isTrue();
        assertThat(robot.lookup(".pt-attachment-problem .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Photo not available", "The file is not the type it claims to be, so it was not kept.");
        long appended = desk.relayCount(MESSAGE_IN_FEED);

        robot.clickOn((Hyperlink) shownNode(robot, ".pt-attachment-retry"));

        // The relay took the retry (the message goes to the feed again, pending), tried, and gave up again: Try again is back.
        waitUntil(() -> desk.relayCount(MESSAGE_IN_FEED) > appended);
        waitUntil(() -> showing(robot, ".pt-attachment-retry"));
        assertThat(desk.relayCount("SELECT COUNT(*) FROM message_media WHERE state = 'unavailable' AND problem = 'type_mismatch'")).isEqualTo(1);
    }

    /** The showing thumbnail button whose picture (the relay's preview) is there. */
    private static Node thumbnailWithPicture(FxRobot robot) {
        return robot.lookup(".pt-thumbnail").queryAll().stream()
                .filter(n -> n.getScene() != null && n.isVisible() && n.lookup(".image-view") instanceof ImageView view && view.getImage() != null)
                .findFirst().orElse(null);
    }

    private static boolean photoOnlyBubbleHasNoTextLine(Node thumbnail) {
        for (Node at = thumbnail; at != null; at = at.getParent()) {
            if (at.getStyleClass().contains("pt-bubble-column")) {
                return at.lookupAll(".pt-bubble").stream().noneMatch(Node::isVisible);
            }
        }
        throw new AssertionError("the thumbnail is not in a bubble");
    }

    private static Window viewerWindow() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .filter(w -> w.getScene() != null && w.getScene().lookup("#attachment-viewer") != null).findFirst().orElse(null)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double viewerImageWidth(FxRobot robot) {
        Window viewer = viewerWindow();
        if (viewer == null) {
            return 0;
        }
        ImageView image = (ImageView) viewer.getScene().lookup("#viewer-image");
        return image.isVisible() && image.getImage() != null && image.getImage().getProgress() >= 1 ? image.getImage().getWidth() : 0;
    }
}
