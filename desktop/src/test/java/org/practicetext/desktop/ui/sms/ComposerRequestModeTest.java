// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.RequestKind;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.testing.DemoDesk;
import org.practicetext.desktop.ui.testing.RequestsDesk;
import org.practicetext.protocol.RequestDraft;

/** The composer after a tool's Insert: the chip, the counter with the link, Send sending the request, ✕, and threads keeping their own. */
class ComposerRequestModeTest {
    @RegisterExtension
    static final DemoDesk desk = DemoDesk.forClass("jordan");
    RequestsDesk requests;
    ComposerViewModel composer;

    @BeforeEach
    void open() {
        requests = new RequestsDesk();
        UiSession session = requests.session(desk);
        composer = new ComposerViewModel(session);
    }

    private void show(String name) {
        ConversationRow row = desk.conversationNamed(name);
        composer.showConversation(row, desk.client.directory().contactByPhone(row.phone()).orElseThrow());
    }

    private static ComposedRequest payment(String body) {
        return new ComposedRequest(body, new RequestDraft(RequestKind.PAYMENT, 12000L, "Crown", "INV-1", List.of(), null, false), null,
                "Payment request · $120.00");
    }

    @Test
    void theToolsShowInAConversationAndTheTargetNamesItsInbox() {
        show("Anna Smith");
        assertThat(composer.tools().availableProperty().get()).isTrue();
        assertThat(composer.requestTarget().patientName()).isEqualTo("Anna Smith");
        assertThat(composer.requestTarget().firstName()).isEqualTo("Anna");
        assertThat(composer.requestTarget().inboxName()).isEqualTo(desk.conversationNamed("Anna Smith").inboxName());
    }

    @Test
    void theToolsHideForAnOptedOutContact() {
        show("Robert Chen");
        assertThat(composer.tools().availableProperty().get()).isFalse();
    }

    @Test
    void insertPutsTheTextAndChipInAndTheCounterCountsTheRelaysLink() {
        show("Anna Smith");
        composer.textProperty().set("Hello");
        composer.startRequest(payment("Hi Anna, your balance of $120.00 can be paid here: {link}"));
        assertThat(composer.requestProperty().get().chip()).isEqualTo("Payment request · $120.00");
        assertThat(composer.textProperty().get()).isEqualTo("Hi Anna, your balance of $120.00 can be paid here: {link}");
        // 51 characters before the link, and a link of the relay's exact length: 35 + 22.
        assertThat(composer.counterProperty().get()).isEqualTo((51 + 57) + " characters · includes a 57-character link");
        assertThat(composer.linkHintProperty().get()).isEqualTo("{link} is where the patient's link goes.");
        assertThat(composer.attachments().availableProperty().get()).as("no files with a request").isFalse();
    }

    @Test
    void withoutThePlaceholderTheLinkGoesAfterTheTextAndTheLineSaysSo() {
        show("Anna Smith");
        composer.startRequest(payment("Pay here: {link}"));
        composer.textProperty().set("Your balance can be paid online.");
        assertThat(composer.linkHintProperty().get()).isEqualTo("There is no {link} in the text: the link goes after it.");
        assertThat(composer.counterProperty().get()).isEqualTo((32 + 1 + 57) + " characters · includes a 57-character link");
    }

    @Test
    void aLongTextWithItsLinkIsCountedInTwoTexts() {
        show("Anna Smith");
        composer.startRequest(payment("x".repeat(110) + " {link}"));
        assertThat(composer.counterProperty().get()).isEqualTo((111 + 57) + " characters · 2 texts · includes a 57-character link");
    }

    @Test
    void sendSendsTheRequestWithItsDraftAndTheComposerIsPlainAgain() {
        show("Anna Smith");
        composer.startRequest(payment("Hi Anna, pay here: {link}"));
        composer.textProperty().set("Hi Anna, your crown can be paid here: {link} Thank you!");
        assertThat(composer.canSendProperty().get()).isTrue();
        composer.send();
        assertThat(requests.sent).hasSize(1);
        RequestsDesk.SentRequest sent = requests.sent.getFirst();
        assertThat(sent.conversationId()).isEqualTo(desk.conversationNamed("Anna Smith").id());
        assertThat(sent.body()).isEqualTo("Hi Anna, your crown can be paid here: {link} Thank you!");
        assertThat(sent.draft().amountCents()).isEqualTo(12000L);
        assertThat(sent.draft().reference()).isEqualTo("INV-1");
        assertThat(composer.requestProperty().get()).isNull();
        assertThat(composer.textProperty().get()).isEmpty();
        assertThat(desk.client.messages().outbox()).as("nothing went the plain way").isEmpty();
    }

    @Test
    void theCrossGoesBackToThePlainTextThatWasThere() {
        show("Anna Smith");
        composer.textProperty().set("See you Friday");
        composer.startRequest(payment("Pay here: {link}"));
        composer.cancelRequest();
        assertThat(composer.requestProperty().get()).isNull();
        assertThat(composer.textProperty().get()).isEqualTo("See you Friday");
        assertThat(composer.counterProperty().get()).isEqualTo("14 characters");
        assertThat(composer.linkHintProperty().get()).isEmpty();
    }

    @Test
    void aRequestNeverFollowsThePersonIntoAnotherThreadAndWaitsInItsOwn() {
        show("Anna Smith");
        composer.startRequest(payment("Pay here: {link}"));
        composer.textProperty().set("Anna, pay here: {link}");
        show("Marcus Johnson");
        assertThat(composer.requestProperty().get()).isNull();
        assertThat(composer.textProperty().get()).doesNotContain("{link}");
        composer.send();
        assertThat(requests.sent).isEmpty();
        show("Anna Smith");
        assertThat(composer.requestProperty().get().chip()).isEqualTo("Payment request · $120.00");
        assertThat(composer.textProperty().get()).isEqualTo("Anna, pay here: {link}");
    }

    @Test
    void theDraftOnDiskStaysThePlainText() {
        show("Anna Smith");
        composer.textProperty().set("Plain words");
        composer.startRequest(payment("Pay here: {link}"));
        composer.textProperty().set("Pay now: {link}");
        long anna = desk.conversationNamed("Anna Smith").id();
        desk.tasks.drain(java.time.Duration.ofMillis(50));
        assertThat(desk.client.messages().draft("conversation:" + anna)).contains("Plain words");
    }
}
