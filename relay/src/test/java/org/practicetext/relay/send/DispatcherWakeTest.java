// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.StatementCount;
import org.practicetext.relay.send.FakeCarrier.Outcome;
import org.practicetext.relay.store.Database;

/**
 * The dispatcher does not poll: it is woken when a message is stored, when a retry falls due and
 * when its signal is raised, and a wake-up that comes while a round runs is kept. Twilio is faked,
 * the clock stands still unless the test moves it, and statements are counted below the pool.
 */
class DispatcherWakeTest {
    static final String PATIENT = "+15557654321";

    @TempDir
    Path dir;

    private record Desk(TestPractice practice, String token, long conversation) {
    }

    private static Desk desk(RelayFixture relay) {
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Hello"));
        long conversation = relay.awaitEntity(token, "conversation", c -> c.get("phone").asText().equals(PATIENT)).get("id").asLong();
        return new Desk(practice, token, conversation);
    }

    private static long send(RelayFixture relay, Desk desk, String clientId, String body) {
        var r = relay.postJson("/api/v1/messages", desk.token(), Map.of("clientId", clientId, "conversationId", desk.conversation(), "body", body));
        assertThat(r.statusCode()).isEqualTo(202);
        return relay.read(r).get("id").asLong();
    }

    private static JsonNode awaitSid(RelayFixture relay, Desk desk, long id) {
        return relay.awaitEntity(desk.token(), "message", m -> m.get("id").asLong() == id && !m.get("sid").isNull());
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

    /** Waits (at most 10 s) until no statement has reached the database for a second. */
    private static void settle(StatementCount statements) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int seen = -1;
        while (statements.count() != seen && System.nanoTime() < deadline) {
            seen = statements.count();
            Thread.sleep(1000);
        }
    }

    @Test
    void aStoredMessageWakesTheDispatcherAfterItsTransactionCommitted() throws Exception {
        FakeCarrier carrier = new FakeCarrier();
        StatementCount statements = new StatementCount();
        try (RelayFixture relay = new RelayFixture(dir, server -> carrier, statements)) {
            Desk desk = desk(relay);
            String clientId = UUID.randomUUID().toString();
            List<String> seenAtRaise = new CopyOnWriteArrayList<>();
            relay.server.dispatchSignal().subscribe(() -> seenAtRaise.add(relay.server.database().read(tx -> tx.queryOne(
                    "SELECT dispatch_state FROM message WHERE client_id = ?", rs -> rs.getString(1), clientId)).orElse("not committed")));
            settle(statements);
            statements.reset();
            Thread.sleep(1500); // longer than any poll interval the relay ever had
            assertThat(statements.executed()).as("an idle dispatcher polls nothing").isEmpty();

            long id = send(relay, desk, clientId, "Your crown is ready");
            JsonNode handed = awaitSid(relay, desk, id);

            // The dispatcher subscribed first, so by the time this listener reads, it may already have
            // claimed the message: what matters is that the row was committed when the signal rose.
            assertThat(seenAtRaise).as("the message was committed when the dispatcher was woken")
                    .singleElement().isNotEqualTo("not committed");
            assertThat(handed.get("sid").asText()).isEqualTo(carrier.lastSid());
            assertThat(carrier.attempts).extracting(OutboundText::body).containsExactly("Your crown is ready");
        }
    }

    @Test
    void aRetryAfterA429GoesOutWhenItFallsDueAndNothingRunsBefore() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.TOO_MANY_REQUESTS);
        StatementCount statements = new StatementCount();
        try (RelayFixture relay = new RelayFixture(dir, server -> carrier, statements)) {
            Desk desk = desk(relay);
            long id = send(relay, desk, UUID.randomUUID().toString(), "Retry me later");
            awaitAttempts(carrier, 1);
            awaitState(relay, id, "pending");
            Instant due = relay.server.database().read(tx -> tx.queryOne("SELECT next_attempt_at FROM message WHERE id = ?",
                    rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), id)).orElseThrow();
            assertThat(due).isEqualTo(relay.clock.instant().plusSeconds(2)); // backoff after the first attempt
            settle(statements);

            statements.reset();
            Thread.sleep(1500);
            relay.clock.advance(Duration.ofSeconds(1)); // not due yet
            Thread.sleep(1500);
            assertThat(statements.executed()).as("statements while the retry was not due").isEmpty();
            assertThat(carrier.attempts).hasSize(1);

            relay.clock.advance(Duration.ofSeconds(1)); // due now; nothing else happens
            JsonNode handed = awaitSid(relay, desk, id);

            assertThat(carrier.attempts).extracting(OutboundText::body).containsExactly("Retry me later", "Retry me later");
            assertThat(handed.get("sid").asText()).isEqualTo(carrier.lastSid());
        }
    }

    /**
     * A round is held inside its claim of practice A's message (the test holds A's feed lock)
     * while practice B's message is stored and wakes the dispatcher. Nothing else happens after
     * the lock is let go, and the clock stands still: B's message still goes out.
     */
    @Test
    void aWakeUpWhileARoundRunsIsNotLost() throws Exception {
        FakeCarrier carrier = new FakeCarrier().then(Outcome.TOO_MANY_REQUESTS);
        try (RelayFixture relay = new RelayFixture(dir, server -> carrier)) {
            Database db = relay.server.database();
            Desk a = desk(relay);
            Desk b = desk(relay);
            long first = send(relay, a, UUID.randomUUID().toString(), "A, after its retry");
            awaitAttempts(carrier, 1);
            awaitState(relay, first, "pending");
            long practiceA = db.read(tx -> tx.queryOne("SELECT practice_id FROM message WHERE id = ?", rs -> rs.getLong(1), first)).orElseThrow();

            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
                relay.server.feed().lock(tx, practiceA);
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            try {
                locked.await();
                relay.clock.advance(Duration.ofSeconds(2)); // A's retry is due: the next round blocks claiming it
                awaitBlockedSession(db);

                long second = send(relay, b, UUID.randomUUID().toString(), "B, stored during the round");
                assertThat(carrier.attempts).hasSize(1);
                release.countDown();
                holder.join();

                awaitSid(relay, a, first);
                awaitSid(relay, b, second);
                assertThat(carrier.attempts).extracting(OutboundText::body)
                        .containsExactlyInAnyOrder("A, after its retry", "A, after its retry", "B, stored during the round");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aStatusReportForASidNotKnownYetRaisesTheDispatchSignal() {
        FakeCarrier carrier = new FakeCarrier();
        try (RelayFixture relay = new RelayFixture(dir, server -> carrier)) {
            AtomicInteger raised = new AtomicInteger();
            relay.server.dispatchSignal().subscribe(raised::incrementAndGet);

            var answer = relay.webhook("/twilio/status", Map.of("MessageSid", RelayFixture.newSid(), "MessageStatus", "delivered"));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(raised).hasValue(1); // raised before Twilio was answered, after the report was committed
        }
    }

    /** Waits until some session of the relay's database waits for a lock another holds (the database's own view of its sessions). */
    private static void awaitBlockedSession(Database db) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String blocked = switch (org.practicetext.relay.TestStore.current()) {
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
            case POSTGRES -> "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
        };
        while (db.read(tx -> tx.queryOne(blocked, rs -> rs.getLong(1))).orElseThrow() == 0) {
            assertThat(System.nanoTime()).as("a dispatcher round waiting for the feed lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
