// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/** Sending over HTTP against a real relay whose carrier is a recording fake. */
class SendMessageTest {
    static FakeCarrier carrier = new FakeCarrier();
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create().withCarrier(server -> carrier);

    TestPractice practice;
    String token;
    static final String PATIENT = "+15557654321";

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        token = relay.signIn(practice, "staff");
    }

    private long conversationWithPatient() {
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Hello"));
        return relay.entities(token, "conversation").keySet().iterator().next();
    }

    private HttpResponse<String> send(Map<String, Object> body) {
        return relay.postJson("/api/v1/messages", token, body);
    }

    private static Map<String, Object> message(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("clientId", UUID.randomUUID().toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private long attemptsTo(String phone) {
        return carrier.attempts.stream().filter(t -> t.to().equals(phone)).count();
    }

    @Test
    void replyIsAcceptedAsQueuedLabelledWithTheTeamMemberAndHandedToTheCarrier() {
        long conversation = conversationWithPatient();

        HttpResponse<String> response = send(message("conversationId", conversation, "body", "See you at 3pm!"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode m = relay.read(response);
        assertThat(m.get("status").asText()).isEqualTo("queued");
        assertThat(m.get("direction").asText()).isEqualTo("out");
        assertThat(m.get("sender").get("kind").asText()).isEqualTo("user");
        assertThat(m.get("sender").get("name").asText()).isEqualTo("Sam Staff");
        JsonNode handed = relay.awaitEntity(token, "message", e -> e.get("id").asLong() == m.get("id").asLong() && !e.get("sid").isNull());
        assertThat(carrier.createdSids).contains(handed.get("sid").asText());
        OutboundText text = carrier.attempts.stream().filter(t -> t.body().equals("See you at 3pm!")).findFirst().orElseThrow();
        assertThat(text.to()).isEqualTo(PATIENT);
        assertThat(text.from()).isEqualTo(practice.number());
        assertThat(text.statusCallback().toString()).isEqualTo(RelayFixture.PUBLIC_URL + "/twilio/status");
    }

    @Test
    void textToANewNumberCreatesALeadAndAConversation() {
        HttpResponse<String> response = send(message("to", "(555) 987-6543", "body", "Hi, this is Bright Smile Dental."));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode contact = relay.entities(token, "contact").values().iterator().next();
        assertThat(contact.get("phone").asText()).isEqualTo("+15559876543");
        assertThat(contact.get("kind").asText()).isEqualTo("lead");
        JsonNode conversation = relay.entities(token, "conversation").values().iterator().next();
        assertThat(conversation.get("contactId").asLong()).isEqualTo(contact.get("id").asLong());
        assertThat(conversation.get("lastMessageDirection").asText()).isEqualTo("out");
        assertThat(relay.read(response).get("conversationId").asLong()).isEqualTo(conversation.get("id").asLong());
    }

    @Test
    void textToAKnownNumberJoinsItsConversation() {
        long conversation = conversationWithPatient();

        JsonNode m = relay.read(send(message("to", "555-765-4321", "body", "Following up")));

        assertThat(m.get("conversationId").asLong()).isEqualTo(conversation);
        assertThat(relay.entities(token, "conversation")).hasSize(1);
    }

    @Test
    void invalidNumberIsRefusedWithAReasonAndNothingIsCreated() {
        long head = relay.head(token);

        HttpResponse<String> response = send(message("to", "555-12", "body", "Hello"));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = relay.read(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_phone");
        assertThat(error.get("message").asText()).contains("too short");
        assertThat(relay.head(token)).isEqualTo(head);
    }

    @Test
    void optedOutContactIsRefusedAndTheCarrierIsNeverCalled() {
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "STOP"));
        long conversation = relay.entities(token, "conversation").keySet().iterator().next();
        long before = attemptsTo(PATIENT);
        long head = relay.head(token);

        HttpResponse<String> byConversation = send(message("conversationId", conversation, "body", "Are you sure?"));
        HttpResponse<String> byNumber = send(message("to", PATIENT, "body", "Are you sure?"));

        for (HttpResponse<String> r : List.of(byConversation, byNumber)) {
            assertThat(r.statusCode()).isEqualTo(409);
            JsonNode error = relay.read(r).get("error");
            assertThat(error.get("code").asText()).isEqualTo("opted_out");
            assertThat(error.get("message").asText()).contains("START");
        }
        assertThat(attemptsTo(PATIENT)).isEqualTo(before);
        assertThat(relay.head(token)).isEqualTo(head);
    }

    @Test
    void blockedContactIsRefusedAndTheCarrierIsNeverCalled() {
        long conversation = conversationWithPatient();
        relay.server.database().inTransaction(tx -> tx.update("UPDATE contact SET blocked = TRUE WHERE phone = ?", PATIENT));
        long before = attemptsTo(PATIENT);

        HttpResponse<String> r = send(message("conversationId", conversation, "body", "Hello?"));

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("blocked");
        assertThat(relay.read(r).get("error").get("message").asText()).contains("Unblock");
        assertThat(attemptsTo(PATIENT)).isEqualTo(before);
    }

    /** The desk's outbox replays a send the relay refused for an opt-out: refused again, and nothing is stored or sent. */
    @Test
    void aReplayOfASendRefusedForAnOptOutIsRefusedAgainAndStoresNothing() {
        long conversation = conversationWithPatient();
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "STOP"));
        relay.awaitEntity(token, "contact", c -> c.get("phone").asText().equals(PATIENT) && c.get("optedOut").asBoolean());
        Map<String, Object> body = message("conversationId", conversation, "body", "Are you sure?");
        long before = attemptsTo(PATIENT);
        long head = relay.head(token);

        HttpResponse<String> first = send(body);
        HttpResponse<String> replay = send(body);

        for (HttpResponse<String> r : List.of(first, replay)) {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("opted_out");
        }
        assertThat(relay.head(token)).isEqualTo(head);
        assertThat(attemptsTo(PATIENT)).isEqualTo(before);
    }

    /** A replay of a text that went out before the STOP answers the stored text: the carrier is not asked again. */
    @Test
    void aReplayAfterTheOptOutOfATextSentBeforeItAnswersTheStoredTextAndSendsNothing() {
        long conversation = conversationWithPatient();
        Map<String, Object> body = message("conversationId", conversation, "body", "Your crown is ready");
        HttpResponse<String> first = send(body);
        assertThat(first.statusCode()).isEqualTo(202);
        long id = relay.read(first).get("id").asLong();
        relay.awaitEntity(token, "message", m -> m.get("id").asLong() == id && !m.get("sid").isNull());
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "STOP"));
        relay.awaitEntity(token, "contact", c -> c.get("phone").asText().equals(PATIENT) && c.get("optedOut").asBoolean());
        long before = attemptsTo(PATIENT);

        HttpResponse<String> replay = send(body);

        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.headers().firstValue("Idempotent-Replay")).hasValue("true");
        assertThat(relay.read(replay).get("id").asLong()).isEqualTo(id);
        HttpResponse<String> fresh = send(message("conversationId", conversation, "body", "Your crown is ready"));
        assertThat(fresh.statusCode()).as("a new clientId is a new text: refused").isEqualTo(409);
        assertThat(attemptsTo(PATIENT)).isEqualTo(before);
    }

    @Test
    void sameClientIdTwiceSendsOnce() {
        long conversation = conversationWithPatient();
        Map<String, Object> body = message("conversationId", conversation, "body", "Only once please");

        HttpResponse<String> first = send(body);
        HttpResponse<String> second = send(body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.headers().firstValue("Idempotent-Replay")).hasValue("true");
        assertThat(relay.read(second).get("id").asLong()).isEqualTo(relay.read(first).get("id").asLong());
        relay.awaitEntity(token, "message", e -> e.get("body").asText().equals("Only once please") && !e.get("sid").isNull());
        assertThat(carrier.attempts.stream().filter(t -> t.body().equals("Only once please"))).hasSize(1);
    }

    @Test
    void concurrentRequestsWithOneClientIdCreateOneMessage() throws Exception {
        long conversation = conversationWithPatient();
        Map<String, Object> body = message("conversationId", conversation, "body", "Racing");
        List<Callable<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> relay.read(send(body)).get("id").asLong());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertThat(ids).containsOnly(ids.getFirst());
        }
        assertThat(relay.entities(token, "message").values().stream().filter(m -> m.get("body").asText().equals("Racing"))).hasSize(1);
    }

    @Test
    void sendingIntoAClosedConversationReopensIt() {
        long conversation = conversationWithPatient();
        relay.server.database().inTransaction(tx -> tx.update("UPDATE conversation SET status = 'closed' WHERE id = ?", conversation));

        send(message("conversationId", conversation, "body", "Reopening"));

        assertThat(relay.entities(token, "conversation").get(conversation).get("status").asText()).isEqualTo("open");
    }

    @Test
    void viewerMayNotSend() {
        long conversation = conversationWithPatient();
        String viewer = relay.signIn(practice, "viewer");

        HttpResponse<String> r = relay.postJson("/api/v1/messages", viewer, message("conversationId", conversation, "body", "Hi"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(relay.read(r).get("error").get("message").asText()).contains("sms.send");
    }

    @Test
    void anotherPracticesConversationIsNotFound() {
        long conversation = conversationWithPatient();
        TestPractice other = relay.newPractice();
        String otherToken = relay.signIn(other, "staff");

        HttpResponse<String> r = relay.postJson("/api/v1/messages", otherToken, message("conversationId", conversation, "body", "Hi"));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void malformedSendsAreBadRequests() {
        long conversation = conversationWithPatient();
        Map<String, Object> noClientId = message("conversationId", conversation, "body", "Hi");
        noClientId.remove("clientId");

        assertThat(send(noClientId).statusCode()).isEqualTo(400);
        assertThat(send(message("conversationId", conversation, "body", "  ")).statusCode()).isEqualTo(400);
        assertThat(send(message("conversationId", conversation, "to", PATIENT, "body", "Hi")).statusCode()).isEqualTo(400);
        assertThat(send(message("conversationId", conversation, "body", "x".repeat(1601))).statusCode()).isEqualTo(400);
        assertThat(relay.postRaw("/api/v1/messages", token, "{not json").statusCode()).isEqualTo(400);
    }
}
