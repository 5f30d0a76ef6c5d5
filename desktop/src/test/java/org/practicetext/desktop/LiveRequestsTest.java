// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestDraft;
import org.practicetext.protocol.RequestView;
import org.practicetext.relay.payments.PaymentProvider;

/**
 * Requests against a real relay (ADR 0024): sent through the outbox like a text, reaching the
 * cache with the feed; the staff actions written to the cache with the relay's answer at once.
 */
class LiveRequestsTest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final RequestDraft PAYMENT = new RequestDraft(RequestKind.PAYMENT, 12_000L, "Cleaning on Dec 1", "INV-7", List.of(), null, false);

    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    @BeforeEach
    void payments() {
        bench.relay.server.requests().provider(new PaymentProvider() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Checkout checkout(Order order) {
                throw new UnsupportedOperationException("nobody pays in these tests");
            }

            @Override
            public void expire(String sessionId) {
            }
        });
    }

    @Test
    void aTreatmentPlanQueuedOfflineGoesOutAfterARestartWithThePlanBehindItsLinkAndItsRequestReachesTheCache() throws Exception {
        bench.inbound(DeskBench.phone(21), "Could you send me the plan?");
        long conversation;
        String clientId;
        try (DesktopClient client = bench.signIn("staff")) {
            conversation = online(client);
            bench.stopRelay();
            clientId = client.messages().sendRequest(conversation, "Your treatment plan: {link}",
                    new RequestDraft(RequestKind.TREATMENT_PLAN, 124_000L, "Crown, tooth 14", null, List.of(), null, false),
                    OutgoingFile.inMemory("plan.pdf", "application/pdf", PDF));
            MessageRow local = client.messages().messages(conversation, null, 10).messages().getLast();
            assertThat(local.status()).as("shown at once, waiting to send").isEqualTo("sending");
            assertThat(local.media()).as("the plan is not an MMS file").isEmpty();
        }
        try (DesktopClient client = bench.resume("staff")) {
            bench.startRelay();
            Await.until("the outbox is empty", () -> client.messages().outbox().isEmpty());
            Await.until("the request is cached", () -> !client.requests().forConversation(conversation).isEmpty());

            RequestView request = client.requests().forConversation(conversation).getFirst();
            assertThat(request.kind()).isEqualTo(RequestKind.TREATMENT_PLAN);
            assertThat(request.fileName()).isEqualTo("plan.pdf");
            assertThat(request.amountCents()).isEqualTo(124_000L);
            assertThat(client.requests().forMessage(request.messageId())).contains(request);
            assertThat(client.requests().open()).extracting(RequestView::id).containsExactly(request.id());
        }
        JsonNode sent = bench.relayEntities(EventTypes.MESSAGE).values().stream().filter(m -> clientId.equals(m.path("clientId").asText(null)))
                .findFirst().orElseThrow();
        String body = sent.path("body").asText();
        assertThat(body).startsWith("Your treatment plan: ").doesNotContain("{link}");
        assertThat(body.split("/l/", -1)).as("one link, the request's").hasSize(2);
        assertThat(sent.path("media")).as("the plan went behind the link, not in the MMS").allSatisfy(m -> {
            assertThat(m.path("fileName").asText()).isEqualTo("plan.pdf");
            assertThat(m.path("delivery").asText()).isEqualTo("link");
        });
    }

    @Test
    void cancellingWritesTheRelaysAnswerAtOnceAndTheOpenRequestsFilterFollows() throws Exception {
        try (DesktopClient client = bench.signIn("staff")) {
            RequestView request = sentPayment(client, 22);
            long conversation = request.conversationId();
            assertThat(listed(client, true)).as("Open requests lists it").extracting(ConversationRow::id).containsExactly(conversation);

            RequestView cancelled = client.requests().cancel(request.id(), "Paid at the front desk");

            assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
            assertThat(client.requests().forMessage(request.messageId())).get().extracting(RequestView::status).isEqualTo(RequestStatus.CANCELLED);
            assertThat(client.requests().open()).isEmpty();
            assertThat(listed(client, true)).as("no longer listed under Open requests").isEmpty();
            assertThat(listed(client, false)).extracting(ConversationRow::id).contains(conversation);
        }
    }

    @Test
    void aNewLinkIsANewRequestInANewMessageAndTheOldOneNamesIt() throws Exception {
        try (DesktopClient client = bench.signIn("staff")) {
            RequestView old = sentPayment(client, 23);

            RequestView fresh = client.requests().resend(old.id());

            assertThat(fresh.id()).isNotEqualTo(old.id());
            assertThat(client.requests().forConversation(old.conversationId())).extracting(RequestView::id).containsExactly(fresh.id(), old.id());
            Optional<RequestView> replaced = client.requests().forConversation(old.conversationId()).stream().filter(r -> r.id() == old.id()).findFirst();
            assertThat(replaced).get().satisfies(r -> {
                assertThat(r.status()).isEqualTo(RequestStatus.CANCELLED);
                assertThat(r.replacedById()).isEqualTo(fresh.id());
            });
            assertThat(client.messages().messages(old.conversationId(), null, 10).messages()).extracting(MessageRow::id).contains(fresh.messageId());
        }
    }

    @Test
    void markedPaidOutsidePracticeTextAndARefusalInTheRelaysWords() throws Exception {
        try (DesktopClient client = bench.signIn("staff")) {
            RequestView request = sentPayment(client, 24);

            RequestView paid = client.requests().markPaid(request.id(), "Cash at the desk");

            assertThat(paid.status()).isEqualTo(RequestStatus.PAID);
            assertThat(paid.finishedBy()).isEqualTo("Sam Staff");
            assertThatThrownBy(() -> client.requests().cancel(request.id(), null)).isInstanceOf(RelayException.class)
                    .hasMessageContaining("already paid");
            assertThat(client.requests().forMessage(request.messageId())).get().extracting(RequestView::status).isEqualTo(RequestStatus.PAID);
        }
    }

    @Test
    void anAdminsSettingsChangeIsCachedAtOnceAndReachesTheTeamWithTheFeed() throws Exception {
        try (DesktopClient admin = bench.signIn("admin"); DesktopClient staff = bench.signIn("staff")) {
            DeskBench.awaitState(admin, Kind.ONLINE);

            PracticeSettingsView saved = admin.requests().updateSettings(
                    new PracticeSettingsUpdate("Bright Smile", null, "https://reviews.test/bright", null, null, null, null, null, null));

            assertThat(saved.displayName()).isEqualTo("Bright Smile");
            assertThat(admin.requests().settings()).as("cached with the answer").contains(saved);
            Await.until("the team has it", () -> staff.requests().settings().map(PracticeSettingsView::displayName).orElse("").equals("Bright Smile"));
            assertThat(staff.requests().settings()).get().satisfies(s -> assertThat(s.payments()).isEqualTo("test"));
            assertThatThrownBy(() -> staff.requests().updateSettings(new PracticeSettingsUpdate("Mine", null, null, null, null, null, null, null, null)))
                    .as("admins only").isInstanceOf(RelayException.class);
        }
    }

    private RequestView sentPayment(DesktopClient client, int patient) {
        bench.inbound(DeskBench.phone(patient), "How much do I owe?");
        long conversation = online(client);
        client.messages().sendRequest(conversation, "Your balance can be paid here: {link}", PAYMENT, null);
        Await.until("the request is cached", () -> !client.requests().forConversation(conversation).isEmpty());
        return client.requests().forConversation(conversation).getFirst();
    }

    private static List<ConversationRow> listed(DesktopClient client, boolean openRequests) {
        return client.conversations().conversations(ConversationFilter.defaults().withOpenRequests(openRequests), 50);
    }

    private long online(DesktopClient client) {
        DeskBench.awaitState(client, Kind.ONLINE);
        Await.until("the conversation is cached", () -> !client.conversations().conversations(ConversationFilter.defaults(), 1).isEmpty());
        return client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
    }
}
