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
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.RequestKind;
import org.practicetext.desktop.ui.testing.FakeRequests;
import org.practicetext.desktop.ui.testing.RequestsDesk;
import org.practicetext.desktop.ui.testing.RequestsWindowUITest;
import org.practicetext.protocol.PracticeSettingsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composer's tools menu and the four request dialogs in the real window: open, fill, Insert,
 * the chip, and Send handing the request to {@code sendRequest}. The requests and the sends are
 * from memory ({@link RequestsDesk}) until the live ones are on this branch.
 */
class RequestToolsUITest extends RequestsWindowUITest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private ComposerViewModel composer(FxRobot robot) {
        return ((SmsPage) robot.lookup("#sms-page").query()).model().composer();
    }

    private TextArea openAnna(FxRobot robot) {
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> lookup(robot, "#thread-name") instanceof Label name && name.getText().equals("Anna Smith"));
        waitUntil(() -> showing(robot, "#composer-tools"));
        return (TextArea) shownNode(robot, "#composer-text");
    }

    private void pick(FxRobot robot, String tool) {
        robot.clickOn(shownNode(robot, "#composer-tools"));
        waitUntil(() -> menuLabel(robot, tool) != null);
        robot.clickOn(menuLabel(robot, tool));
    }

    private static Node menuLabel(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Label label && text.equals(label.getText()) && n.getScene() != null
                && n.getScene().getWindow() instanceof PopupWindow && n.isVisible()).tryQuery().orElse(null);
    }

    private String chip(FxRobot robot) {
        return showing(robot, "#composer-request-chip") ? ((Label) shownNode(robot, "#composer-request-chip")).getText() : "";
    }

    private Button insert(FxRobot robot) {
        return robot.lookup("#request-insert").queryAs(Button.class);
    }

    private void send(FxRobot robot) {
        robot.clickOn(shownNode(robot, "#composer-send"));
        waitUntil(() -> !requests.sent.isEmpty());
    }

    @Test
    void theMenuOffersTheFourToolsAndGreysPaymentWithoutAProvider(FxRobot robot) throws Exception {
        openAnna(robot);
        robot.clickOn(shownNode(robot, "#composer-tools"));
        for (String tool : List.of("Payment request…", "Review request…", "Forms…", "Treatment plan…")) {
            waitUntil(() -> menuLabel(robot, tool) != null);
        }
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        requests.requests.settings = FakeRequests.with(FakeRequests.demoSettings(), PracticeSettingsView.Features.DEFAULT, "none",
                "https://g.page/r/x", List.of(), List.of());
        WaitForAsyncUtils.asyncFx(() -> composer(robot).tools().reload()).get();
        robot.clickOn(shownNode(robot, "#composer-tools"));
        waitUntil(() -> menuLabel(robot, "No payment provider is set up on the relay") != null);
        robot.clickOn(menuLabel(robot, "Payment request…"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#payment-dialog").tryQuery()).as("a greyed tool opens nothing").isEmpty();
    }

    @Test
    void withEveryFeatureOffThereIsNoPlusButton(FxRobot robot) throws Exception {
        openAnna(robot);
        requests.requests.settings = FakeRequests.with(FakeRequests.demoSettings(), new PracticeSettingsView.Features(true, false, false, false, false),
                "simulated", null, List.of(), List.of());
        WaitForAsyncUtils.asyncFx(() -> composer(robot).tools().reload()).get();
        waitUntil(() -> !showing(robot, "#composer-tools"));
        assertThat(showing(robot, "#composer-emoji")).isTrue();
    }

    @Test
    void aPaymentRequestIsFilledInsertedAndSentWithItsStatement(FxRobot robot) throws Exception {
        Path statement = Files.write(temp.resolve("statement.pdf"), PDF);
        TextArea text = openAnna(robot);
        WaitForAsyncUtils.asyncFx(() -> composer(robot).tools().useDocumentPicker(owner -> List.of(statement))).get();
        pick(robot, "Payment request…");
        waitUntil(() -> robot.lookup("#payment-amount").tryQuery().isPresent());
        robot.clickOn("#payment-amount").write("12.345");
        waitUntil(() -> robot.lookup(".pt-request-problem").queryAll().stream().anyMatch(n -> n.isVisible()
                && ((Label) n).getText().startsWith("Type an amount such as 120.50")));
        assertThat(insert(robot).isDisabled()).isTrue();
        robot.doubleClickOn("#payment-amount").eraseText(6).write("120");
        waitUntil(() -> ((Label) lookup(robot, "#payment-amount-shown")).getText().equals("$120.00"));
        robot.clickOn("#payment-description").write("Crown, visit of Nov 2");
        robot.clickOn("#payment-reference").write("INV-10482");
        robot.clickOn("#payment-statement-choose");
        waitUntil(() -> ((Label) lookup(robot, "#payment-statement-file")).getText().startsWith("statement.pdf · PDF"));
        assertThat(insert(robot).isDisabled()).isFalse();
        robot.clickOn(insert(robot));
        waitUntil(() -> chip(robot).equals("Payment request · $120.00"));
        assertThat(text.getText()).isEqualTo("Hi Anna, your balance of $120.00 at Bright Smile Dental can be paid here: {link}");
        assertThat(((Label) shownNode(robot, "#composer-counter")).getText()).endsWith("· includes a 57-character link");
        assertThat(((Label) shownNode(robot, "#composer-link-hint")).getText()).isEqualTo("{link} is where the patient's link goes.");
        send(robot);
        RequestsDesk.SentRequest sent = requests.sent.getFirst();
        assertThat(sent.conversationId()).isEqualTo(desk.conversationNamed("Anna Smith").id());
        assertThat(sent.body()).isEqualTo("Hi Anna, your balance of $120.00 at Bright Smile Dental can be paid here: {link}");
        assertThat(sent.draft().kind()).isEqualTo(RequestKind.PAYMENT);
        assertThat(sent.draft().amountCents()).isEqualTo(12000L);
        assertThat(sent.draft().description()).isEqualTo("Crown, visit of Nov 2");
        assertThat(sent.draft().reference()).isEqualTo("INV-10482");
        assertThat(sent.document().source()).isEqualTo(statement);
        waitUntil(() -> chip(robot).isEmpty() && text.getText().isEmpty());
    }

    @Test
    void enterInsertsACompletePaymentAndTheCrossGoesBackToThePlainText(FxRobot robot) {
        TextArea text = openAnna(robot);
        robot.clickOn(text).write("See you Friday");
        pick(robot, "Payment request…");
        waitUntil(() -> robot.lookup("#payment-amount").tryQuery().isPresent());
        robot.clickOn("#payment-amount").write("85");
        robot.press(KeyCode.TAB).release(KeyCode.TAB).write("Cleaning");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> chip(robot).equals("Payment request · $85.00"));
        robot.clickOn(shownNode(robot, "#composer-request-remove"));
        waitUntil(() -> chip(robot).isEmpty() && text.getText().equals("See you Friday"));
        assertThat(showing(robot, "#composer-link-hint")).isFalse();
    }

    @Test
    void aReviewRequestToAPatientAskedRecentlyWaitsForTheConfirmation(FxRobot robot) {
        long anna = desk.conversationNamed("Anna Smith").contactId();
        requests.requests.reviewSent(anna, desk.conversationNamed("Anna Smith").id(), desk.clock().instant().minus(java.time.Duration.ofDays(30)));
        openAnna(robot);
        pick(robot, "Review request…");
        waitUntil(() -> robot.lookup("#review-warning").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(((Label) lookup(robot, "#review-warning")).getText()).startsWith("Anna was sent a review request on Oct 3.");
        assertThat(((Label) lookup(robot, "#review-link")).getText()).isEqualTo("https://g.page/r/bright-smile/review");
        assertThat(insert(robot).isDisabled()).isTrue();
        robot.clickOn("#review-send-another");
        robot.clickOn(insert(robot));
        waitUntil(() -> chip(robot).equals("Review request"));
        send(robot);
        assertThat(requests.sent.getFirst().draft().kind()).isEqualTo(RequestKind.REVIEW);
        assertThat(requests.sent.getFirst().draft().repeatAllowed()).isTrue();
    }

    @Test
    void aFormsRequestCarriesTheFormsPicked(FxRobot robot) {
        openAnna(robot);
        pick(robot, "Forms…");
        waitUntil(() -> robot.lookup(".pt-form-cell").queryAll().stream().anyMatch(n -> n.lookup(".check-box") != null && n.isVisible()));
        assertThat(insert(robot).isDisabled()).isTrue();
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.CheckBox box && "Consent for treatment".equals(box.getText())).queryAs(Node.class));
        robot.clickOn(insert(robot));
        waitUntil(() -> chip(robot).equals("Forms · Consent for treatment"));
        send(robot);
        assertThat(requests.sent.getFirst().draft().formIds()).containsExactly(12L);
        assertThat(requests.sent.getFirst().body()).isEqualTo("Hi Anna, please fill in your forms for Bright Smile Dental here: {link}");
    }

    @Test
    void aTreatmentPlanNeedsItsPdfAndGoesWithIt(FxRobot robot) throws Exception {
        Path plan = Files.write(temp.resolve("implant-plan.pdf"), PDF);
        openAnna(robot);
        WaitForAsyncUtils.asyncFx(() -> composer(robot).tools().useDocumentPicker(owner -> List.of(plan))).get();
        pick(robot, "Treatment plan…");
        waitUntil(() -> robot.lookup("#plan-total").tryQuery().isPresent());
        robot.clickOn("#plan-total").write("2400");
        robot.clickOn("#plan-title").write("Implant, lower left");
        assertThat(insert(robot).isDisabled()).as("no plan yet").isTrue();
        robot.clickOn("#plan-document-choose");
        waitUntil(() -> !insert(robot).isDisabled());
        robot.clickOn(insert(robot));
        waitUntil(() -> chip(robot).equals("Treatment plan · $2,400.00"));
        send(robot);
        RequestsDesk.SentRequest sent = requests.sent.getFirst();
        assertThat(sent.draft().amountCents()).isEqualTo(240000L);
        assertThat(sent.draft().description()).isEqualTo("Implant, lower left");
        assertThat(sent.document().fileName()).isEqualTo("implant-plan.pdf");
    }
}
