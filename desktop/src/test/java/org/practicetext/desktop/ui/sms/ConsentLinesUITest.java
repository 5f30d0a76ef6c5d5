// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.practicetext.protocol.ConsentRecordView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Consent records (ADR 0025) in the real window, as front-desk staff see them: the demo's keyword
 * opt-out is a line under the patient's STOP with the header naming its source and what ends it;
 * Record opt-out… with a reason refuses texts at once and adds its line; Undo opt-out… needs a reason.
 */
class ConsentLinesUITest extends DeskWindowUITest {
    private static final String ANNA = "+15551234567";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void openThread(FxRobot robot, String name) {
        waitUntil(() -> robot.lookup(".pt-conversation-cell").tryQuery().isPresent());
        clickConversation(robot, name);
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label label && label.getText().equals(name));
    }

    /** The consent lines showing in the thread, each with the body of the message whose cell shows it. */
    private List<String> shownLines(FxRobot robot) {
        return robot.lookup("." + ConsentLines.LINE).queryAllAs(Label.class).stream().filter(ConsentLinesUITest::visible)
                .map(line -> bodyOfCell(line) + " | " + line.getText()).toList();
    }

    private static boolean visible(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static String bodyOfCell(Node node) {
        Node at = node;
        while (at != null && !(at instanceof ListCell<?>)) {
            at = at.getParent();
        }
        return at instanceof ListCell<?> cell && cell.getItem() instanceof MessageRow message ? message.body() : "?";
    }

    /** The signed-in team member's name, as the records keep it. */
    private String me() {
        return desk.session.me().name();
    }

    private String header(FxRobot robot) {
        return robot.lookup("#thread-consent").queryAs(Label.class).getText();
    }

    @Test
    void aKeywordOptOutIsALineUnderThePatientsStopAndTheHeaderSaysWhatEndsIt(FxRobot robot) {
        openThread(robot, "Robert Chen");
        waitUntil(() -> !shownLines(robot).isEmpty());

        ContactRow robert = desk.client.directory().contactByPhone("+15555678901").orElseThrow();
        ConsentRecordView stop = desk.client.directory().consentLines(robert.conversationId()).getFirst();
        assertThat(shownLines(robot)).containsExactly("Stop. | " + ConsentText.line(stop, desk.session.times()));
        assertThat(ConsentText.line(stop, desk.session.times())).startsWith("Opted out by texting 'Stop.' — Nov 1, ");
        assertThat(header(robot)).startsWith("Opted out — texted 'Stop.' on Nov 1, ").endsWith(ConsentText.PATIENT_ONLY);

        robot.clickOn("#thread-menu");
        waitUntil(() -> robot.lookup("#thread-menu").queryAs(javafx.scene.control.MenuButton.class).isShowing());
        List<MenuItem> items = robot.lookup("#thread-menu").queryAs(javafx.scene.control.MenuButton.class).getItems();
        assertThat(items).extracting(MenuItem::getText).doesNotContain("Undo opt-out…", "Record opt-out…");
        MenuItem ends = items.stream().filter(i -> "opt-out-ends".equals(i.getId())).findFirst().orElseThrow();
        assertThat(ends.getText()).isEqualTo(ConsentText.PATIENT_ONLY);
        assertThat(ends.isDisable()).isTrue();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aBlockedLeadShowsWhoBlockedItAndWhy(FxRobot robot) {
        robot.clickOn("#status-filter");
        clickMenuItemIfPresent(robot, "All Messages");
        robot.clickOn("#conversation-search").write("2009999");
        openThread(robot, "(555) 200-9999");
        waitUntil(() -> !shownLines(robot).isEmpty());
        assertThat(shownLines(robot)).singleElement().asString().contains("Blocked by Alex Rivera: Spam: a prize scam, not a patient — Oct 29, ");
        assertThat(header(robot)).startsWith("Blocked by Alex Rivera on Oct 29, ").endsWith(": Spam: a prize scam, not a patient");
    }

    private void clickMenuItemIfPresent(FxRobot robot, String text) {
        waitUntil(() -> robot.lookup((Node n) -> n instanceof Label l && text.equals(l.getText()) && n.getScene() != null
                && n.getScene().getWindow() instanceof javafx.stage.PopupWindow).tryQuery().isPresent());
        clickMenuItem(robot, text);
    }

    @Test
    void recordingAnOptOutRefusesTextsAtOnceAndUndoingItNeedsAReason(FxRobot robot) {
        openThread(robot, "Anna Smith");
        robot.clickOn("#thread-menu");
        clickMenuItem(robot, "Record opt-out…");
        waitUntil(() -> robot.lookup("#consent-reason").tryQuery().isPresent());
        robot.clickOn("#consent-reason").write("asked at the front desk");
        robot.clickOn("#confirm-yes");

        waitUntil(() -> robot.lookup("#composer-disabled-reason").queryAs(Label.class).getText().contains("asked not to be texted"));
        waitUntil(() -> shownLines(robot).stream().anyMatch(l -> l.contains("Opt-out recorded by " + me() + ": asked at the front desk — ")));
        waitUntil(() -> header(robot).startsWith("Opted out — recorded by " + me() + " on ") && header(robot).endsWith(": asked at the front desk"));
        assertThat(desk.client.directory().contactByPhone(ANNA).orElseThrow().optedOut()).isTrue();

        waitUntil(() -> robot.lookup(".pt-toast").tryQuery().isEmpty()); // the toast saying so sits over the menu button until it goes
        robot.clickOn("#thread-menu");
        clickMenuItemIfPresent(robot, "Undo opt-out…");
        waitUntil(() -> robot.lookup("#consent-reason").tryQuery().isPresent());
        Button undo = robot.lookup("#confirm-yes").queryButton();
        assertThat(undo.isDisabled()).as("a reason is required").isTrue();
        robot.clickOn("#consent-reason").write("recorded for the wrong patient");
        waitUntil(() -> !undo.isDisabled());
        robot.clickOn(undo);

        waitUntil(() -> shownLines(robot).stream().anyMatch(l -> l.contains("Opt-out undone by " + me() + ": recorded for the wrong patient — ")));
        waitUntil(() -> robot.lookup("#composer-disabled-reason").queryAs(Label.class).getText().isEmpty());
        waitUntil(() -> !robot.lookup("#thread-consent").queryAs(Label.class).isVisible());
    }
}
