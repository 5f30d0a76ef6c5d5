// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.send.FakeCarrier.Outcome;

/** The never-send-twice rules of the dispatcher, with Twilio faked and the clock in hand. */
class DispatcherTest {
    static final String PATIENT = "+15557654321";

    @TempDir
    Path dir;

    private record Setup(RelayFixture relay, TestPractice practice, String token, long conversation) {
    }

    private Setup start(FakeCarrier carrier) {
        RelayFixture relay = new RelayFixture(dir, server -> carrier);
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Hello"));
        long conversation = relay.entities(token, "conversation").keySet().iterator().next();
        return new Setup(relay, practice, token, conversation);
    }

    private long send(Setup s, String body) {
        var r = s.relay().postJson("/api/v1/messages", s.token(), Map.of("clientId", UUID.randomUUID().toString(),
                "conversationId", s.conversation(), "body", body));
        assertThat(r.statusCode()).isEqualTo(202);
        return s.relay().read(r).get("id").asLong();
    }

    private JsonNode awaitMessage(Setup s, long id, java.util.function.Predicate<JsonNode> condition) {
        return s.relay().awaitEntity(s.token(), "message", m -> m.get("id").asLong() == id && condition.test(m));
    }

    private String dispatchState(Setup s, long id) {
        return s.relay().server.database().read(tx -> tx.queryOne("SELECT dispatch_state FROM message WHERE id = ?", rs -> rs.getString(1), id))
                .orElseThrow();
    }

    private void awaitState(Setup s, long id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!dispatchState(s, id).equals(state)) {
            assertThat(System.nanoTime()).as("state of message %d stayed %s", id, dispatchState(s, id)).isLessThan(deadline);
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

    @Test
    void connectionFailureIsRetriedAfterABackoffAndSendsOnce() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.NOT_SENT);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = send(s, "Retry me");
            awaitAttempts(carrier, 1);
            awaitState(s, id, "pending");
            assertThat(carrier.attempts).hasSize(1);

            relay.clock.advance(Duration.ofSeconds(3));
            JsonNode handed = awaitMessage(s, id, m -> !m.get("sid").isNull());

            assertThat(carrier.attempts).hasSize(2);
            assertThat(carrier.created).hasSize(1);
            assertThat(handed.get("sid").asText()).isEqualTo(carrier.lastSid());
        }
    }

    @Test
    void lostAnswerIsCheckedAndTheMessageTheCarrierHasIsAdoptedNotResent() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.ACCEPT_BUT_LOSE_ANSWER);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = send(s, "Did it go?");
            awaitAttempts(carrier, 1);
            awaitState(s, id, "checking");

            relay.clock.advance(Duration.ofSeconds(4));
            JsonNode handed = awaitMessage(s, id, m -> !m.get("sid").isNull());

            assertThat(carrier.attempts).hasSize(1);
            assertThat(handed.get("sid").asText()).isEqualTo(carrier.lastSid());
            assertThat(dispatchState(s, id)).isEqualTo("handed");
        }
    }

    @Test
    void lostRequestIsCheckedThenSentAgainExactlyOnce() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.LOSE_REQUEST);
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = send(s, "Lost on the way");
            awaitAttempts(carrier, 1);
            awaitState(s, id, "checking");

            relay.clock.advance(Duration.ofSeconds(4));
            awaitMessage(s, id, m -> !m.get("sid").isNull());

            assertThat(carrier.attempts).hasSize(2);
            assertThat(carrier.created).hasSize(1);
        }
    }

    @Test
    void carrierRefusalFailsTheMessageWithThePlainReason() {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.REJECT_21211);
        Setup s = start(carrier);
        try (RelayFixture _ = s.relay()) {
            long id = send(s, "To a bad number");

            JsonNode failed = awaitMessage(s, id, m -> m.get("status").asText().equals("failed"));

            assertThat(failed.get("errorCode").asInt()).isEqualTo(21211);
            assertThat(failed.get("errorMessage").asText()).contains("not valid");
            assertThat(carrier.attempts).hasSize(1);
        }
    }

    @Test
    void messagesOfOneConversationGoOutInOrder() {
        FakeCarrier carrier = new FakeCarrier();
        Setup s = start(carrier);
        try (RelayFixture _ = s.relay()) {
            long last = 0;
            for (int i = 1; i <= 5; i++) {
                last = send(s, "part " + i);
            }
            awaitMessage(s, last, m -> !m.get("sid").isNull());

            assertThat(carrier.attempts).extracting(OutboundText::body).containsExactly("part 1", "part 2", "part 3", "part 4", "part 5");
        }
    }

    @Test
    void statusReportThatArrivesBeforeTheSidIsKnownIsAppliedAfterwards() {
        FakeCarrier carrier = new FakeCarrier();
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            carrier.beforeAnswer = () -> relay.webhook("/twilio/status", Map.of("MessageSid", carrier.lastSid(), "MessageStatus", "delivered"));

            long id = send(s, "Fast carrier");

            JsonNode delivered = awaitMessage(s, id, m -> m.get("status").asText().equals("delivered"));
            assertThat(delivered.get("sid").asText()).isEqualTo(carrier.lastSid());
        }
    }

    @Test
    void afterARestartQueuedMessagesAreSentAndInterruptedHandOffsAreNotSentBlindly() throws Exception {
        FakeCarrier first = new FakeCarrier();
        Setup s = start(first);
        long queued;
        long interruptedButCreated;
        long interruptedNeverArrived;
        try (RelayFixture _ = s.relay()) {
            long id = send(s, "warm-up");
            awaitMessage(s, id, m -> !m.get("sid").isNull());
        }
        // Three messages left by a relay that died: one never tried, two mid hand-off.
        FakeCarrier second = new FakeCarrier();
        var db = org.practicetext.relay.TestStore.current().open(dir);
        try (db) {
            queued = insertOutbound(db, s.conversation(), "never tried", "pending");
            interruptedButCreated = insertOutbound(db, s.conversation(), "carrier got it", "handing");
            interruptedNeverArrived = insertOutbound(db, s.conversation(), "carrier never got it", "handing");
        }
        second.alreadyCreated(new OutboundText(PATIENT, s.practice().number(), null, "carrier got it", null, java.net.URI.create("https://x/")));

        try (RelayFixture relay = new RelayFixture(dir, server -> second)) {
            String token = relay.signIn(s.practice(), "staff");
            for (long id : new long[] {queued, interruptedButCreated, interruptedNeverArrived}) {
                relay.clock.advance(Duration.ofSeconds(1));
                relay.awaitEntity(token, "message", m -> m.get("id").asLong() == id && !m.get("sid").isNull());
            }
            assertThat(second.attempts).extracting(OutboundText::body).containsExactly("never tried", "carrier never got it");
            assertThat(second.created).extracting(OutboundText::body)
                    .containsExactlyInAnyOrder("carrier got it", "never tried", "carrier never got it");
        }
    }

    private static long insertOutbound(org.practicetext.relay.store.Database db, long conversation, String body, String state) {
        return db.inTransaction(tx -> {
            long practiceId = tx.queryOne("SELECT practice_id FROM conversation WHERE id = ?", rs -> rs.getLong(1), conversation).orElseThrow();
            java.time.Instant now = java.time.Instant.parse("2026-11-02T15:00:00Z");
            long id = tx.insert("""
                    INSERT INTO message (practice_id, conversation_id, client_id, direction, body, status, sender_kind, sender_name, segments,
                                         encoding, created_at, updated_at, dispatch_state, dispatch_attempts, next_attempt_at, attempt_started_at)
                    VALUES (?, ?, ?, 'out', ?, 'queued', 'user', 'Sam Staff', 1, 'GSM7', ?, ?, ?, ?, ?, ?)""",
                    practiceId, conversation, UUID.randomUUID().toString(), body, now, now, state, state.equals("pending") ? 0 : 1, now, now);
            return id;
        });
    }

    @Test
    void reportThatCommitsAfterTheHandOffLookedIsMatchedOnTheNextRound() {
        FakeCarrier carrier = new FakeCarrier();
        Setup s = start(carrier);
        try (RelayFixture relay = s.relay()) {
            long id = send(s, "Late report");
            JsonNode handed = awaitMessage(s, id, m -> !m.get("sid").isNull());
            // As if the report had been stored, unmatched, in the instant after the hand-off's check; the
            // webhook intake then raises the dispatch signal, as after every report that changed nothing.
            relay.server.database().inTransaction(tx -> tx.update("""
                    INSERT INTO status_callback (sid, status, applied, processed, received_at) VALUES (?, 'delivered', FALSE, FALSE, ?)""",
                    handed.get("sid").asText(), relay.clock.instant()));
            relay.server.dispatchSignal().raise();

            JsonNode delivered = awaitMessage(s, id, m -> m.get("status").asText().equals("delivered"));

            assertThat(delivered.get("sid").asText()).isEqualTo(handed.get("sid").asText());
        }
    }

    @Test
    void anotherNodesHandOffIsLeftAloneUntilItsLeaseRunsOut() throws Exception {
        FakeCarrier carrier = new FakeCarrier();
        Setup s = start(carrier);
        s.relay().close();
        long id;
        try (var db = org.practicetext.relay.TestStore.current().open(dir)) {
            id = insertOutbound(db, s.conversation(), "claimed elsewhere", "handing");
            db.inTransaction(tx -> tx.update("UPDATE message SET claimed_by = 'node-b', next_attempt_at = ? WHERE id = ?",
                    java.time.Instant.parse("2026-11-02T15:02:00Z"), id));
        }
        try (RelayFixture relay = new RelayFixture(dir, server -> carrier)) {
            Thread.sleep(600);
            assertThat(dispatchStateIn(relay, id)).isEqualTo("handing");
            assertThat(carrier.attempts).isEmpty();

            relay.clock.advance(Duration.ofMinutes(3));
            String token = relay.signIn(s.practice(), "staff");
            relay.awaitEntity(token, "message", m -> m.get("id").asLong() == id && !m.get("sid").isNull());

            assertThat(carrier.attempts).extracting(OutboundText::body).containsExactly("claimed elsewhere");
        }
    }

    @Test
    void ownHandOffsAndLookUpsInterruptedByAStopAreTakenUpAtOnceAnotherNodesAfterItsLease() throws Exception {
        FakeCarrier carrier = new FakeCarrier();
        Setup s = start(carrier);
        s.relay().close();
        String me = RelayFixture.config(dir).nodeId();
        java.time.Instant lease = java.time.Instant.parse("2026-11-02T15:02:00Z"); // the new relay's clock starts at 15:00
        long handing;
        long checking;
        long elsewhere;
        try (var db = org.practicetext.relay.TestStore.current().open(dir)) {
            handing = insertOutbound(db, s.conversation(), "handing here", "handing");
            checking = insertOutbound(db, s.conversation(), "checking here", "checking");
            elsewhere = insertOutbound(db, s.conversation(), "checking elsewhere", "checking");
            for (Object[] row : new Object[][] {{me, handing}, {me, checking}, {"node-b", elsewhere}}) {
                db.inTransaction(tx -> tx.update("UPDATE message SET claimed_by = ?, next_attempt_at = ?, attempt_started_at = ? WHERE id = ?",
                        row[0], lease, java.time.Instant.parse("2026-11-02T14:59:00Z"), row[1]));
            }
        }
        java.net.URI callback = java.net.URI.create("https://x/");
        String handingSid = carrier.alreadyCreated(new OutboundText(PATIENT, s.practice().number(), null, "handing here", null, callback));
        String checkingSid = carrier.alreadyCreated(new OutboundText(PATIENT, s.practice().number(), null, "checking here", null, callback));
        String elsewhereSid = carrier.alreadyCreated(new OutboundText(PATIENT, s.practice().number(), null, "checking elsewhere", null, callback));

        try (RelayFixture relay = new RelayFixture(dir, server -> carrier)) {
            String token = relay.signIn(s.practice(), "staff");
            // The clock stands still: neither lease has run out.
            assertThat(relay.awaitEntity(token, "message", m -> m.get("id").asLong() == handing && !m.get("sid").isNull())
                    .get("sid").asText()).isEqualTo(handingSid);
            assertThat(relay.awaitEntity(token, "message", m -> m.get("id").asLong() == checking && !m.get("sid").isNull())
                    .get("sid").asText()).isEqualTo(checkingSid);
            assertThat(dispatchStateIn(relay, elsewhere)).isEqualTo("checking");

            relay.clock.advance(Duration.ofMinutes(3));
            assertThat(relay.awaitEntity(token, "message", m -> m.get("id").asLong() == elsewhere && !m.get("sid").isNull())
                    .get("sid").asText()).isEqualTo(elsewhereSid);
            assertThat(carrier.attempts).isEmpty(); // all three were found with the carrier, none sent again
        }
    }

    private static String dispatchStateIn(RelayFixture relay, long id) {
        return relay.server.database().read(tx -> tx.queryOne("SELECT dispatch_state FROM message WHERE id = ?", rs -> rs.getString(1), id))
                .orElseThrow();
    }
}
