// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * "An idle relay runs no database queries": after real work (a text in, a text out and its
 * delivery reports), a real relay is left alone while real time passes and its clock moves on,
 * and every statement that reaches the database is counted below the pool.
 */
class IdleRelayTest {
    static final String PATIENT = "+15557654321";
    /** How the background jobs' statements begin (the journal's and the dispatcher's rounds). */
    static final List<String> ROUNDS = List.of("SELECT id, kind, params, received_at, attempts FROM webhook_receipt WHERE processed_at IS NULL",
            "SELECT MIN(next_attempt_at) AS due FROM webhook_receipt", "SELECT DISTINCT m.practice_id, m.id FROM status_callback",
            "UPDATE message SET dispatch_state = ?, next_attempt_at = ? WHERE dispatch_state = ? AND next_attempt_at <= ?",
            "SELECT m.practice_id, m.id FROM message m WHERE m.dispatch_state IN", "SELECT MIN(next_attempt_at) AS due FROM message",
            "SELECT MIN(m.next_attempt_at) AS due FROM message m",
            "SELECT mm.message_id, mm.position, mm.url, mm.content_type, mm.attempts, m.practice_id, m.sid FROM message_media mm",
            "SELECT MIN(next_attempt_at) AS due FROM message_media",
            "SELECT MIN(expires_at) AS due FROM request", "SELECT id, practice_id, kind, status, conversation_id");

    @TempDir
    Path dir;

    @Test
    void anIdleRelayRunsNoDatabaseStatements() throws Exception {
        StatementCount statements = new StatementCount();
        try (RelayFixture relay = new RelayFixture(dir, RelayServer::configuredCarrier, statements)) {
            TestPractice practice = relay.newPractice();
            String token = relay.signIn(practice, "staff");
            relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Hello"));
            long conversation = relay.awaitEntity(token, "conversation", c -> c.get("phone").asText().equals(PATIENT)).get("id").asLong();
            var sent = relay.postJson("/api/v1/messages", token, Map.of("clientId", UUID.randomUUID().toString(),
                    "conversationId", conversation, "body", "See you at three"));
            assertThat(sent.statusCode()).isEqualTo(202);
            long id = relay.read(sent).get("id").asLong();
            relay.awaitEntity(token, "message", m -> m.get("id").asLong() == id && m.get("status").asText().equals("delivered"));
            settle(statements);

            statements.reset();
            for (int i = 0; i < 12; i++) { // three seconds of real time, twelve minutes of the relay's clock
                Thread.sleep(250);
                relay.clock.advance(Duration.ofMinutes(1));
            }

            switch (TestStore.current()) {
                case H2 -> assertThat(statements.executed()).as("statements an idle relay ran").isEmpty();
                // On a database other nodes may share, each job looks for their work once a minute of
                // its clock (Alarm.OTHER_NODES) until nodes wake each other (LISTEN/NOTIFY): at most one
                // round of each per minute the clock moved, and nothing but those rounds.
                case POSTGRES -> {
                    List<String> executed = statements.executed();
                    long journalRounds = executed.stream().filter(sql -> sql.startsWith("SELECT MIN(next_attempt_at) AS due FROM webhook_receipt")).count();
                    long dispatchRounds = executed.stream().filter(sql -> sql.startsWith("SELECT MIN(next_attempt_at) AS due FROM message WHERE")).count();
                    long mediaRounds = executed.stream().filter(sql -> sql.startsWith("SELECT MIN(next_attempt_at) AS due FROM message_media")).count();
                    long expiryRounds = executed.stream().filter(sql -> sql.startsWith("SELECT MIN(expires_at) AS due FROM request")).count();
                    assertThat(expiryRounds).as("request expiry rounds in 12 minutes").isLessThanOrEqualTo(12);
                    assertThat(journalRounds).as("webhook journal rounds in 12 minutes").isLessThanOrEqualTo(12);
                    assertThat(dispatchRounds).as("dispatcher rounds in 12 minutes").isLessThanOrEqualTo(12);
                    assertThat(mediaRounds).as("media fetcher rounds in 12 minutes").isLessThanOrEqualTo(12);
                    assertThat(executed).as("statements an idle relay ran").allMatch(sql -> ROUNDS.stream().anyMatch(sql::startsWith));
                }
            }
        }
    }

    /** Waits (at most 10 s) until the work just done has stopped reaching the database: no statement for a second. */
    private static void settle(StatementCount statements) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int seen = -1;
        while (statements.count() != seen && System.nanoTime() < deadline) {
            seen = statements.count();
            Thread.sleep(1000);
        }
    }
}
