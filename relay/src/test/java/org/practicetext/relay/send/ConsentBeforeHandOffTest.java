// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.TestStore;
import org.practicetext.relay.send.FakeCarrier.Outcome;
import org.practicetext.relay.store.Database;

/**
 * "Never texts a patient who said STOP", for messages that were accepted before the STOP and
 * were still waiting: for a retry, behind an earlier message, across a restart. Twilio is faked
 * (it records every call), the clock is in the test's hand, the rest is a real relay.
 */
class ConsentBeforeHandOffTest {
    static final String PATIENT = "+15557654321";
    static final String OPTED_OUT = "Not sent: the patient opted out before it went out";
    static final String BLOCKED = "Not sent: this number was blocked before it went out";

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

    /** The conversation a first text from {@code phone} opens. */
    private static long conversation(RelayFixture relay, TestPractice practice, String token, String phone) {
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), phone, practice.number(), "Hello"));
        return relay.awaitEntity(token, "conversation", c -> c.get("phone").asText().equals(phone)).get("id").asLong();
    }

    private static HttpResponse<String> send(Setup s, long conversation, String clientId, String body) {
        return s.relay().postJson("/api/v1/messages", s.token(), Map.of("clientId", clientId, "conversationId", conversation, "body", body));
    }

    private static long accepted(Setup s, String body) {
        HttpResponse<String> r = send(s, s.conversation(), UUID.randomUUID().toString(), body);
        assertThat(r.statusCode()).isEqualTo(202);
        return s.relay().read(r).get("id").asLong();
    }

    private static void textStop(Setup s, String phone) {
        assertThat(s.relay().webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), phone, s.practice().number(), "STOP"))
                .statusCode()).isEqualTo(200);
    }

    private static JsonNode awaitMessage(Setup s, long id, Predicate<JsonNode> condition) {
        return s.relay().awaitEntity(s.token(), "message", m -> m.get("id").asLong() == id && condition.test(m));
    }

    private static JsonNode awaitFailed(Setup s, long id) {
        return awaitMessage(s, id, m -> m.get("status").asText().equals("failed"));
    }

    private static String dispatchState(RelayFixture relay, long id) {
        return relay.server.database().read(tx -> tx.queryOne("SELECT dispatch_state FROM message WHERE id = ?", rs -> rs.getString(1), id))
                .orElseThrow();
    }

    private static void awaitState(RelayFixture relay, long id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!dispatchState(relay, id).equals(state)) {
            assertThat(System.nanoTime()).as("state of message %d stayed %s", id, dispatchState(relay, id)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitAttempts(FakeCarrier carrier, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (carrier.attempts.size() < count) {
            assertThat(System.nanoTime()).as("carrier attempts").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /**
     * Sends a text to another patient and waits until the carrier has it: the dispatcher has
     * then run its rounds after everything the test did before, so a message that was going to
     * be sent has been.
     */
    private static void dispatcherCaughtUp(Setup s, String phone) {
        long other = conversation(s.relay(), s.practice(), s.token(), phone);
        HttpResponse<String> r = send(s, other, UUID.randomUUID().toString(), "barrier");
        assertThat(r.statusCode()).isEqualTo(202);
        awaitMessage(s, s.relay().read(r).get("id").asLong(), m -> !m.get("sid").isNull());
    }

    private static List<String> bodies(FakeCarrier carrier) {
        return carrier.attempts.stream().map(OutboundText::body).toList();
    }

    @Test
    void textWaitingForARetryAfterA429IsNotSentOnceThePatientTextsStop() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.TOO_MANY_REQUESTS);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            String clientId = UUID.randomUUID().toString();
            HttpResponse<String> sent = send(s, s.conversation(), clientId, "Your crown is ready");
            assertThat(sent.statusCode()).isEqualTo(202);
            long id = relay.read(sent).get("id").asLong();
            awaitAttempts(carrier, 1);
            awaitState(relay, id, "pending"); // waiting for its retry

            textStop(s, PATIENT);
            relay.clock.advance(Duration.ofMinutes(10)); // the carrier has recovered and the retry is due
            JsonNode failed = awaitFailed(s, id);
            dispatcherCaughtUp(s, "+15550001111");

            assertThat(failed.get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(failed.get("errorCode").isNull()).isTrue();
            assertThat(failed.get("sid").isNull()).isTrue();
            assertThat(bodies(carrier)).containsExactly("Your crown is ready", "barrier"); // the 429, then the barrier only
            assertThat(dispatchState(relay, id)).isEqualTo("withheld");

            // The desk's outbox replays the same clientId: the stored, failed message comes back and nothing is sent.
            HttpResponse<String> replay = send(s, s.conversation(), clientId, "Your crown is ready");
            assertThat(replay.statusCode()).isEqualTo(202);
            assertThat(replay.headers().firstValue("Idempotent-Replay")).hasValue("true");
            assertThat(relay.read(replay).get("status").asText()).isEqualTo("failed");
            assertThat(relay.read(replay).get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(bodies(carrier)).containsExactly("Your crown is ready", "barrier");
        }
    }

    @Test
    void textWaitingForARetryIsNotSentOnceTheContactIsBlocked() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.TOO_MANY_REQUESTS);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = accepted(s, "See you Tuesday");
            awaitAttempts(carrier, 1);
            awaitState(relay, id, "pending");
            long contact = relay.entities(s.token(), "conversation").get(s.conversation()).get("contactId").asLong();

            assertThat(relay.postJson("/api/v1/contacts/" + contact + "/block", s.token(), Map.of()).statusCode()).isEqualTo(200);
            relay.clock.advance(Duration.ofMinutes(10));
            JsonNode failed = awaitFailed(s, id);
            dispatcherCaughtUp(s, "+15550001111");

            assertThat(failed.get("errorMessage").asText()).startsWith(BLOCKED);
            assertThat(bodies(carrier)).containsExactly("See you Tuesday", "barrier");
        }
    }

    /** The patient asked at the desk: staff's opt-out (ADR 0025) withholds what waits, as a STOP does. */
    @Test
    void textWaitingForARetryIsNotSentOnceStaffRecordThePatientsOptOut() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.TOO_MANY_REQUESTS);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = accepted(s, "Your cleaning is due");
            awaitAttempts(carrier, 1);
            awaitState(relay, id, "pending");
            long contact = relay.entities(s.token(), "conversation").get(s.conversation()).get("contactId").asLong();

            assertThat(relay.postJson("/api/v1/contacts/" + contact + "/opt-out", s.token(), Map.of("reason", "Asked at the front desk"))
                    .statusCode()).isEqualTo(200);
            JsonNode failed = awaitFailed(s, id); // at once: it was only waiting
            relay.clock.advance(Duration.ofMinutes(10));
            dispatcherCaughtUp(s, "+15550001111");

            assertThat(failed.get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(dispatchState(relay, id)).isEqualTo("withheld");
            assertThat(bodies(carrier)).containsExactly("Your cleaning is due", "barrier");
        }
    }

    @Test
    void campaignTextWaitingForARetryIsNotSentOnceThePatientTextsStop() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.TOO_MANY_REQUESTS);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            String key = relay.server.tenancy().createApiKey(s.practice().slug(), "Reminder system");
            HttpResponse<String> posted = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/campaign-messages")))
                    .header("Content-Type", "application/json").header("X-Api-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + PATIENT + "\",\"body\":\"Reminder: cleaning tomorrow\","
                            + "\"campaign\":\"Appointment Reminders Campaign\",\"clientId\":\"appt-1\"}")).build());
            assertThat(posted.statusCode()).isEqualTo(202);
            long id = relay.read(posted).get("id").asLong();
            awaitAttempts(carrier, 1);
            awaitState(relay, id, "pending");

            textStop(s, PATIENT);
            relay.clock.advance(Duration.ofMinutes(10));
            JsonNode failed = awaitFailed(s, id);
            dispatcherCaughtUp(s, "+15550001111");

            assertThat(failed.get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(failed.get("sender").get("name").asText()).isEqualTo("Appointment Reminders Campaign");
            assertThat(bodies(carrier)).containsExactly("Reminder: cleaning tomorrow", "barrier");
        }
    }

    @Test
    void textWaitingBehindAnEarlierOneOfItsConversationIsNotSentOnceThePatientTextsStop() throws Exception {
        FakeCarrier carrier = new FakeCarrier();
        CountDownLatch release = new CountDownLatch(1);
        carrier.onAttempt = text -> {
            if (text.body().equals("first")) {
                await(release); // the first hand-off is in flight while the STOP comes
            }
        };
        Setup s = start(carrier);
        try (RelayFixture _ = s.relay()) {
            long first = accepted(s, "first");
            long second = accepted(s, "second");
            awaitAttempts(carrier, 1);

            textStop(s, PATIENT);
            JsonNode failed = awaitFailed(s, second); // at once: it was only waiting
            release.countDown();
            awaitMessage(s, first, m -> !m.get("sid").isNull()); // claimed before the STOP: it was already on its way
            dispatcherCaughtUp(s, "+15550001111");

            assertThat(failed.get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(bodies(carrier)).containsExactly("first", "barrier");
        } finally {
            release.countDown();
        }
    }

    @Test
    void textWhoseAnswerWasLostIsLookedUpButNotSentAgainOnceThePatientTextsStop() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.LOSE_REQUEST); // a 5xx: the carrier did not create it
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long first = accepted(s, "first");
            long second = accepted(s, "second");
            awaitAttempts(carrier, 1);
            awaitState(relay, first, "checking");

            textStop(s, PATIENT);
            JsonNode secondFailed = awaitFailed(s, second);
            relay.clock.advance(Duration.ofSeconds(4)); // the look-up finds nothing; a resend would be next
            JsonNode firstFailed = awaitFailed(s, first);
            dispatcherCaughtUp(s, "+15550001111");

            assertThat(firstFailed.get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(secondFailed.get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(bodies(carrier)).containsExactly("first", "barrier");
        }
    }

    @Test
    void carrierError21610OptsOutAndWithholdsTheTextsWaitingBehind() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.REJECT_21610);
        CountDownLatch release = new CountDownLatch(1);
        carrier.onAttempt = text -> await(release); // the refusal comes once the second text is queued behind
        Setup s = start(carrier);
        try (RelayFixture _ = s.relay()) {
            long first = accepted(s, "first");
            long second = accepted(s, "second");
            release.countDown();

            JsonNode rejected = awaitFailed(s, first);
            JsonNode withheld = awaitFailed(s, second);
            dispatcherCaughtUp(s, "+15550001111");

            assertThat(rejected.get("errorCode").asInt()).isEqualTo(21610);
            assertThat(withheld.get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(bodies(carrier)).containsExactly("first", "barrier");
        } finally {
            release.countDown();
        }
    }

    @Test
    void deliveryReportWith21610WithholdsTheTextWaitingForARetry() throws Exception {
        FakeCarrier carrier = new FakeCarrier();
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long first = accepted(s, "first");
            String sid = awaitMessage(s, first, m -> !m.get("sid").isNull()).get("sid").asText();
            carrier.then(Outcome.TOO_MANY_REQUESTS);
            long second = accepted(s, "second");
            awaitAttempts(carrier, 2);
            awaitState(relay, second, "pending");

            assertThat(relay.webhook("/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "21610")).statusCode())
                    .isEqualTo(200);
            relay.clock.advance(Duration.ofMinutes(10));
            JsonNode withheld = awaitFailed(s, second);
            dispatcherCaughtUp(s, "+15550001111");

            assertThat(withheld.get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(bodies(carrier)).containsExactly("first", "second", "barrier");
        }
    }

    /**
     * Ten sends race one STOP, five times. The carrier holds the conversation's first hand-off
     * until the STOP is answered, so later texts wait behind it while the opt-out commits. Every
     * text the relay accepted either reached the carrier before the opt-out committed, or is the
     * one hand-off already claimed when it committed, or ended failed and never reached the carrier.
     */
    @Test
    void tenSendsRacingOneStopNeverReachTheCarrierAfterTheOptOutCommitted() throws Exception {
        FakeCarrier carrier = new FakeCarrier();
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay(); ExecutorService pool = Executors.newFixedThreadPool(11)) {
            for (int round = 0; round < 5; round++) {
                String phone = "+155588800" + (10 + round);
                long conversation = conversation(relay, s.practice(), s.token(), phone);
                CountDownLatch stopAnswered = new CountDownLatch(1);
                List<Boolean> optedOutWhenCalled = new CopyOnWriteArrayList<>();
                AtomicBoolean firstCall = new AtomicBoolean(true);
                carrier.onAttempt = text -> {
                    if (text.to().equals(phone)) {
                        optedOutWhenCalled.add(optedOut(relay, s.practice(), phone)); // what had committed when the call began
                        if (firstCall.getAndSet(false)) {
                            await(stopAnswered);
                        }
                    }
                };
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> sends = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String body = "round " + round + " text " + i;
                    sends.add(pool.submit(() -> {
                        go.await();
                        return send(s, conversation, UUID.randomUUID().toString(), body);
                    }));
                }
                Future<HttpResponse<String>> stop = pool.submit(() -> {
                    go.await();
                    try {
                        return relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), phone, s.practice().number(), "STOP"));
                    } finally {
                        stopAnswered.countDown();
                    }
                });
                go.countDown();
                assertThat(stop.get().statusCode()).isEqualTo(200);

                List<JsonNode> accepted = new ArrayList<>();
                for (Future<HttpResponse<String>> f : sends) {
                    HttpResponse<String> r = f.get();
                    assertThat(r.statusCode()).as(r.body()).isIn(202, 409);
                    if (r.statusCode() == 202) {
                        accepted.add(relay.read(r));
                    } else {
                        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("opted_out");
                    }
                }
                List<String> reached = new ArrayList<>();
                for (JsonNode m : accepted) {
                    JsonNode end = awaitMessage(s, m.get("id").asLong(), e -> !e.get("sid").isNull() || e.get("status").asText().equals("failed"));
                    if (end.get("sid").isNull()) {
                        assertThat(end.get("errorMessage").asText()).startsWith(OPTED_OUT);
                    } else {
                        reached.add(end.get("body").asText());
                    }
                }
                dispatcherCaughtUp(s, "+155599900" + (10 + round));

                List<String> called = carrier.attempts.stream().filter(t -> t.to().equals(phone)).map(OutboundText::body).toList();
                assertThat(called).as("round %d: the carrier was asked exactly for the texts that have a SID", round)
                        .containsExactlyInAnyOrderElementsOf(reached);
                assertThat(optedOutWhenCalled.stream().skip(1)).as("round %d: calls that began after the opt-out committed", round)
                        .doesNotContain(true);
                assertThat(called).as("round %d: texts that reached the carrier (of %d accepted)", round, accepted.size()).hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void afterARestartAQueuedTextForAContactWhoOptedOutMeanwhileIsNotSent() throws Exception {
        FakeCarrier before = new FakeCarrier().then(Outcome.TOO_MANY_REQUESTS);
        Setup s = start(before);
        long id;
        try (RelayFixture relay = s.relay()) {
            id = accepted(s, "Waiting out the restart");
            awaitAttempts(before, 1);
            awaitState(relay, id, "pending");
        }
        // The opt-out was stored while this relay was down, by a relay that left the text queued.
        try (Database db = TestStore.current().open(dir)) {
            db.inTransaction(tx -> tx.update("UPDATE contact SET opted_out = TRUE, opted_out_at = ?, opted_out_via = 'keyword' WHERE phone = ?",
                    Instant.parse("2026-11-02T15:00:30Z"), PATIENT));
        }
        FakeCarrier after = new FakeCarrier();
        try (RelayFixture relay = new RelayFixture(dir, server -> after)) {
            Setup again = new Setup(relay, s.practice(), relay.signIn(s.practice(), "staff"), s.conversation());
            relay.clock.advance(Duration.ofMinutes(10));
            JsonNode failed = awaitFailed(again, id);
            dispatcherCaughtUp(again, "+15550001111");

            assertThat(failed.get("errorMessage").asText()).startsWith(OPTED_OUT);
            assertThat(bodies(after)).containsExactly("barrier");
        }
    }

    private static boolean optedOut(RelayFixture relay, TestPractice practice, String phone) {
        return relay.server.database().read(tx -> tx.queryOne("""
                SELECT k.opted_out FROM contact k JOIN practice p ON p.id = k.practice_id WHERE p.slug = ? AND k.phone = ?""",
                rs -> rs.getBoolean(1), practice.slug(), phone)).orElseThrow();
    }

    /** Holds a carrier call; the bound only keeps a broken test from hanging the build. */
    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the carrier");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
