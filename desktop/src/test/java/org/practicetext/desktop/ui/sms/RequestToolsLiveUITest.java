// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The payment tool end to end in the real window against the embedded demo relay: the practice's
 * settings come with the feed, the dialog's Insert and Send go through the live outbox, and the
 * message comes back from the relay with its tracked link where {@code {link}} was.
 */
class RequestToolsLiveUITest extends DeskWindowUITest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aPaymentRequestSentFromTheComposerArrivesInTheThreadWithItsLink(FxRobot robot) {
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label name && name.getText().equals("Anna Smith"));
        waitUntil(() -> showing(robot, "#composer-tools"));
        TextArea text = (TextArea) shownNode(robot, "#composer-text");
        robot.clickOn(shownNode(robot, "#composer-tools"));
        waitUntil(() -> menuLabel(robot, "Payment request…") != null);
        robot.clickOn(menuLabel(robot, "Payment request…"));
        waitUntil(() -> robot.lookup("#payment-amount").tryQuery().isPresent());
        robot.clickOn("#payment-amount").write("120");
        robot.clickOn("#payment-description").write("Crown, visit of Nov 2");
        robot.clickOn("#request-insert");
        waitUntil(() -> text.getText().equals("Hi Anna, your balance of $120.00 at Bright Smile Dental can be paid here: {link}"));
        String linkBase = desk.client.requests().settings().orElseThrow().linkBase();
        long before = desk.relayCount("SELECT COUNT(*) FROM request WHERE kind = 'payment' AND amount_cents = 12000");
        robot.clickOn(shownNode(robot, "#composer-send"));
        waitUntil(() -> sentBubble(robot, linkBase) != null);
        String sent = sentBubble(robot, linkBase);
        assertThat(sent).doesNotContain("{link}");
        assertThat(sent.substring(sent.indexOf(linkBase) + linkBase.length())).matches("[A-Za-z0-9_-]{22}");
        assertThat(desk.relayCount("SELECT COUNT(*) FROM request WHERE kind = 'payment' AND amount_cents = 12000")).isEqualTo(before + 1);
    }

    /** The text of a showing bubble that holds the new payment's link; null while there is none. */
    private static String sentBubble(FxRobot robot, String linkBase) {
        return robot.lookup(".pt-bubble").queryAll().stream().filter(n -> n.isVisible() && n.getScene() != null)
                .map(n -> ((Label) n).getText())
                .filter(t -> t != null && t.startsWith("Hi Anna, your balance of $120.00") && t.contains(linkBase))
                .findFirst().orElse(null);
    }

    private static Node menuLabel(FxRobot robot, String label) {
        return robot.lookup((Node n) -> n instanceof Label l && label.equals(l.getText()) && n.getScene() != null
                && n.getScene().getWindow() instanceof PopupWindow && n.isVisible()).tryQuery().orElse(null);
    }
}
