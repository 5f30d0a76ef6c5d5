// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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

            assertThat(statements.executed()).as("statements an idle relay ran").isEmpty();
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
