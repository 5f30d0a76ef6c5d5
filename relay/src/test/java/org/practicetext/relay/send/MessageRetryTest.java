// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.send.FakeCarrier.Outcome;

/**
 * {@code POST /api/v1/messages/{id}/retry} against a real relay with Twilio faked: a retry makes
 * the failed message a new attempt, the carrier gets exactly one send per attempt however often
 * the retry is repeated, and consent holds (a blocked contact's retry never reaches the carrier).
 */
class MessageRetryTest {
    static final String PATIENT = "+15557654321";

    @TempDir
    Path dir;

    private record Setup(RelayFixture relay, TestPractice practice, String token, long conversation) {
    }

    private Setup start(FakeCarrier carrier) {
        RelayFixture relay = new RelayFixture(dir, server -> carrier);
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        return new Setup(relay, practice, token, conversation(relay, practice, token, PATIENT));
    }

    private static long conversation(RelayFixture relay, TestPractice practice, String token, String phone) {
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), phone, practice.number(), "Hello"));
        return relay.awaitEntity(token, "conversation", c -> c.get("phone").asText().equals(phone)).get("id").asLong();
    }

    private static long sent(Setup s, long conversation, String body) {
        HttpResponse<String> r = s.relay().postJson("/api/v1/messages", s.token(),
                Map.of("clientId", UUID.randomUUID().toString(), "conversationId", conversation, "body", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return s.relay().read(r).get("id").asLong();
    }

    private static HttpResponse<String> retry(Setup s, String token, long id, String clientId) {
        return s.relay().postJson("/api/v1/messages/" + id + "/retry", token, Map.of("clientId", clientId));
    }

    private static JsonNode awaitMessage(Setup s, long id, Predicate<JsonNode> condition) {
        return s.relay().awaitEntity(s.token(), "message", m -> m.get("id").asLong() == id && condition.test(m));
    }

    private static JsonNode awaitStatus(Setup s, long id, String status) {
        return awaitMessage(s, id, m -> m.get("status").asText().equals(status));
    }

    /** Sends a text to another patient and waits until the carrier has it: every send due before has been made. */
    private static void dispatcherCaughtUp(Setup s, String phone) {
        long barrier = sent(s, conversation(s.relay(), s.practice(), s.token(), phone), "barrier");
        awaitMessage(s, barrier, m -> !m.get("sid").isNull());
    }

    private static long sendsOf(FakeCarrier carrier, String body) {
        return carrier.attempts.stream().filter(t -> t.body().equals(body)).count();
    }

    private static HttpResponse<String> statusReport(Setup s, String sid, String status, String errorCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", "AC" + "0".repeat(32));
        p.put("From", s.practice().number());
        p.put("To", PATIENT);
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("MessageStatus", status);
        p.put("SmsStatus", status);
        if (errorCode != null) {
            p.put("ErrorCode", errorCode);
        }
        return s.relay().webhook("/twilio/status", p);
    }

    @Test
    void aRetryMakesTheFailedMessageANewAttemptAndRepeatingItSendsNothingMore() {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.REJECT_21211);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = sent(s, s.conversation(), "Your crown is ready");
            assertThat(awaitStatus(s, id, "failed").get("errorCode").asInt()).isEqualTo(21211);

            String attempt = UUID.randomUUID().toString();
            HttpResponse<String> first = retry(s, s.token(), id, attempt);
            HttpResponse<String> sameAgain = retry(s, s.token(), id, attempt);
            HttpResponse<String> secondClick = retry(s, s.token(), id, UUID.randomUUID().toString());

            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            JsonNode queued = relay.read(first);
            assertThat(queued.get("id").asLong()).isEqualTo(id);
            assertThat(queued.get("status").asText()).isEqualTo("queued");
            assertThat(queued.get("errorCode").isNull()).isTrue();
            assertThat(queued.get("errorMessage").isNull()).isTrue();
            assertThat(sameAgain.statusCode()).isEqualTo(202);
            assertThat(sameAgain.headers().firstValue("Idempotent-Replay")).hasValue("true");
            assertThat(relay.read(sameAgain).get("id").asLong()).isEqualTo(id);
            assertThat(secondClick.statusCode()).as(secondClick.body()).isEqualTo(409);
            assertThat(relay.read(secondClick).get("error").get("code").asText()).isEqualTo("conflict");

            awaitMessage(s, id, m -> !m.get("sid").isNull());
            dispatcherCaughtUp(s, "+15550001111");
            assertThat(sendsOf(carrier, "Your crown is ready")).isEqualTo(2);
            assertThat(retry(s, s.token(), id, UUID.randomUUID().toString()).statusCode()).isEqualTo(409);
        }
    }

    @Test
    void aLateReportAboutTheFailedAttemptDoesNotTouchTheNewOne() {
        FakeCarrier carrier = new FakeCarrier();
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = sent(s, s.conversation(), "See you at 3");
            String oldSid = awaitMessage(s, id, m -> !m.get("sid").isNull()).get("sid").asText();
            assertThat(statusReport(s, oldSid, "undelivered", "30006").statusCode()).isEqualTo(200);
            awaitStatus(s, id, "undelivered");

            assertThat(relay.read(retry(s, s.token(), id, UUID.randomUUID().toString())).get("status").asText()).isEqualTo("queued");
            String newSid = awaitMessage(s, id, m -> !m.get("sid").isNull() && !m.get("sid").asText().equals(oldSid)).get("sid").asText();
            statusReport(s, oldSid, "failed", "30006");
            assertThat(statusReport(s, newSid, "delivered", null).statusCode()).isEqualTo(200);

            JsonNode delivered = awaitStatus(s, id, "delivered");
            assertThat(delivered.get("errorCode").isNull()).isTrue();
            assertThat(sendsOf(carrier, "See you at 3")).isEqualTo(2);
        }
    }

    @Test
    void aBlockedContactsRetryIsRefusedAndNeverReachesTheCarrier() {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.REJECT_21211);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = sent(s, s.conversation(), "Your crown is ready");
            awaitStatus(s, id, "failed");
            long contact = relay.awaitEntity(s.token(), "contact", c -> c.get("phone").asText().equals(PATIENT)).get("id").asLong();
            assertThat(relay.postJson("/api/v1/contacts/" + contact + "/block", s.token(), Map.of()).statusCode()).isEqualTo(200);

            HttpResponse<String> refused = retry(s, s.token(), id, UUID.randomUUID().toString());

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(relay.read(refused).get("error").get("code").asText()).isEqualTo("blocked");
            dispatcherCaughtUp(s, "+15550001111");
            assertThat(sendsOf(carrier, "Your crown is ready")).isEqualTo(1);
            assertThat(awaitStatus(s, id, "failed").get("errorCode").asInt()).isEqualTo(21211);
        }
    }

    @Test
    void aRetryAfterThePatientOptedOutIsRefusedAndNeverReachesTheCarrier() {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.REJECT_21211);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = sent(s, s.conversation(), "Your crown is ready");
            awaitStatus(s, id, "failed");
            relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, s.practice().number(), "STOP"));
            relay.awaitEntity(s.token(), "contact", c -> c.get("phone").asText().equals(PATIENT) && c.get("optedOut").asBoolean());
            String clientId = UUID.randomUUID().toString();

            HttpResponse<String> refused = retry(s, s.token(), id, clientId);
            HttpResponse<String> again = retry(s, s.token(), id, clientId);

            for (HttpResponse<String> r : List.of(refused, again)) {
                assertThat(r.statusCode()).isEqualTo(409);
                assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("opted_out");
            }
            dispatcherCaughtUp(s, "+15550001111");
            assertThat(sendsOf(carrier, "Your crown is ready")).isEqualTo(1);
            assertThat(awaitStatus(s, id, "failed").get("errorCode").asInt()).isEqualTo(21211);
        }
    }

    @Test
    void aViewerMayNotRetryAndAnotherPracticeDoesNotFindTheMessage() {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.REJECT_21211);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = sent(s, s.conversation(), "Your crown is ready");
            awaitStatus(s, id, "failed");
            String viewer = relay.signIn(s.practice(), "viewer");
            String otherPractice = relay.signIn(relay.newPractice(), "staff");

            HttpResponse<String> asViewer = retry(s, viewer, id, UUID.randomUUID().toString());
            HttpResponse<String> fromElsewhere = retry(s, otherPractice, id, UUID.randomUUID().toString());
            HttpResponse<String> noClientId = relay.postJson("/api/v1/messages/" + id + "/retry", s.token(), Map.of());

            assertThat(asViewer.statusCode()).isEqualTo(403);
            assertThat(fromElsewhere.statusCode()).isEqualTo(404);
            assertThat(noClientId.statusCode()).isEqualTo(400);
            assertThat(relay.read(noClientId).get("error").get("message").asText()).contains("clientId");
            dispatcherCaughtUp(s, "+15550001111");
            assertThat(sendsOf(carrier, "Your crown is ready")).isEqualTo(1);
        }
    }

    @Test
    void aDeliveredMessageIsNotSentAgain() {
        FakeCarrier carrier = new FakeCarrier();
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = sent(s, s.conversation(), "See you at 3");
            awaitMessage(s, id, m -> !m.get("sid").isNull());

            HttpResponse<String> refused = retry(s, s.token(), id, UUID.randomUUID().toString());

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(relay.read(refused).get("error").get("message").asText()).contains("not failed");
        }
    }
}
