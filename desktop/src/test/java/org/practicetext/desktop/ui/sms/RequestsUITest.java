// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.practicetext.protocol.RequestDraft;
import org.practicetext.protocol.RequestView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A request in the window (ADR 0024): its chip under the bubble follows the feed without a
 * refresh, its menu offers what this user may do, the thread's Requests… lists it, and the
 * "Open requests" filter keeps the conversations with one waiting.
 */
class RequestsUITest extends DeskWindowUITest {
    static final String PLAN = "Treatment plan · $1,240.00";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Anna's thread open, with a treatment plan sent to her and shown on its bubble. */
    private RequestView planSentToAnna(FxRobot robot) {
        waitUntil(() -> robot.lookup(".pt-conversation-cell").tryQuery().isPresent());
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label name && name.getText().equals("Anna Smith"));
        long anna = desk.conversationNamed("Anna Smith").id();
        desk.client.messages().sendRequest(anna, "Your treatment plan is ready: {link}",
                new RequestDraft(RequestKind.TREATMENT_PLAN, 124_000L, "Crown, tooth 14", null, List.of(), null, false),
                OutgoingFile.inMemory("plan.pdf", "application/pdf", PDF));
        desk.await("the request is cached", () -> !desk.client.requests().forConversation(anna).isEmpty());
        waitUntil(() -> planChip(robot).isPresent());
        return desk.client.requests().forConversation(anna).getFirst();
    }

    /** The chip of the plan sent here (Anna's thread also has the demo's copay request). */
    private static java.util.Optional<javafx.scene.Node> planChip(FxRobot robot) {
        return robot.lookup(".pt-request").queryAll().stream().filter(n -> n.isVisible() && n.getScene() != null)
                .filter(n -> robot.from(n).lookup(".pt-request-title").queryAll().stream().anyMatch(l -> PLAN.equals(((Label) l).getText())))
                .findFirst();
    }

    private static Label inPlanChip(FxRobot robot, String query) {
        return robot.from(planChip(robot).orElseThrow()).lookup(query).queryAs(Label.class);
    }

    @Test
    void theChipNamesThePlanAndItsStateAndItsMenuOffersWhatStaffMayDo(FxRobot robot) {
        planSentToAnna(robot);
        assertThat(inPlanChip(robot, "#request-status").getText()).isIn("Sent", "Delivered");
        assertThat(inPlanChip(robot, ".pt-request-validity").getText()).startsWith("Link works until ");

        robot.clickOn(robot.from(planChip(robot).orElseThrow()).lookup("#request-chip").queryAs(javafx.scene.Node.class));

        waitUntil(() -> !menuLabels(robot).isEmpty());
        assertThat(menuLabels(robot)).containsExactly("Cancel request…", "Send a new link", "View requests…");
    }

    @Test
    void cancellingFromTheChipAsksForANoteAndTheChipSaysCancelledWithoutARefresh(FxRobot robot) {
        RequestView plan = planSentToAnna(robot);
        robot.clickOn(robot.from(planChip(robot).orElseThrow()).lookup("#request-chip").queryAs(javafx.scene.Node.class));
        waitUntil(() -> menuLabels(robot).contains("Cancel request…"));
        clickMenuItem(robot, "Cancel request…");
        waitUntil(() -> robot.lookup("#request-note").tryQuery().isPresent());
        robot.clickOn("#request-note").write("Patient will call back");
        robot.clickOn("#request-note-confirm");

        waitUntil(() -> inPlanChip(robot, "#request-status").getText().equals("Cancelled"));
        assertThat(desk.client.requests().forMessage(plan.messageId())).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RequestStatus.CANCELLED);
            assertThat(r.note()).isEqualTo("Patient will call back");
        });
        assertThat(inPlanChip(robot, ".pt-request-validity").isVisible()).as("no link to speak of").isFalse();
    }

    @Test
    void theThreadsRequestsViewListsTheConversationsRequestsWithTheirDates(FxRobot robot) {
        planSentToAnna(robot);
        robot.clickOn("#thread-menu");
        clickMenuItem(robot, "Requests…");

        waitUntil(() -> robot.lookup("#requests-list").tryQuery().isPresent());
        ListView<?> list = robot.lookup("#requests-list").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 2);
        assertThat(list.getItems().getFirst()).as("newest first").isInstanceOfSatisfying(RequestView.class,
                r -> assertThat(r.kind()).isEqualTo(RequestKind.TREATMENT_PLAN));
        waitUntil(() -> robot.lookup("#requests-list .pt-request-row .label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().startsWith("Sent ") && l.getText().contains("Expires ")));
        assertThat(robot.lookup("#requests-list .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .contains(PLAN, "Crown, tooth 14");
    }

    @Test
    void theOpenRequestsFilterKeepsOnlyConversationsWithARequestWaitingAndTheRowHintsAtIt(FxRobot robot) {
        planSentToAnna(robot);
        ToggleButton filter = robot.lookup("#open-requests-filter").queryAs(ToggleButton.class);
        robot.clickOn(filter);

        ListView<?> rows = robot.lookup("#conversation-list").queryAs(ListView.class);
        waitUntil(() -> rows.getItems().size() == 1 && rows.getItems().getFirst() instanceof ConversationRow row && row.displayName().equals("Anna Smith"));
        waitUntil(() -> showing(robot, "#row-request-hint"));
        assertThat(((Label) shownNode(robot, "#row-request-hint")).getText()).matches("Treatment plan \\$1,240\\.00 · (Sent|Delivered)( · \\+1)?");

        robot.clickOn(filter);
        waitUntil(() -> rows.getItems().size() > 1);
    }

    /** The labels of the items of the menu showing now. */
    private static List<String> menuLabels(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .flatMap(w -> ((javafx.scene.control.ContextMenu) w).getItems().stream()).map(MenuItem::getText).toList();
    }

    /** The newest message stays on screen when its chip appears and when the patient's answer adds a line under it. */
    @Test
    void theNewestMessageStaysInViewWhenItsChipAndOutcomeAppear(FxRobot robot) {
        RequestView plan = planSentToAnna(robot);
        waitUntil(() -> newestBubbleShown(robot));
        desk.patientAnswersPlan(plan.link(), true);
        waitUntil(() -> inPlanChip(robot, "#request-status").getText().startsWith("Accepted"));
        waitUntil(() -> newestBubbleShown(robot));
    }

    private static boolean newestBubbleShown(FxRobot robot) {
        javafx.scene.control.ListView<?> bubbles = robot.lookup("#thread-messages").queryAs(javafx.scene.control.ListView.class);
        if (!(bubbles.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) || flow.getLastVisibleCell() == null) {
            return false;
        }
        javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
        javafx.geometry.Bounds cell = last.localToScene(last.getBoundsInLocal());
        javafx.geometry.Bounds view = flow.localToScene(flow.getBoundsInLocal());
        return last.getIndex() == bubbles.getItems().size() - 1 && cell.getMaxY() <= view.getMaxY() + 1;
    }
}
