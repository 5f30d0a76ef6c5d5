// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.LogCapture;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * The relay told to stop while the dispatcher is handing a message to the carrier: the stop
 * waits for the hand-off, records it, and the next start never hands that message over again.
 */
class StopDuringHandOffTest {
    static final String PATIENT = "+15557650199";

    @TempDir
    Path dir;

    @Test
    void aHandOffInFlightFinishesBeforeTheStopAndIsNeverRepeated() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        FakeCarrier carrier = new FakeCarrier();
        carrier.beforeAnswer = () -> {
            inCall.countDown();
            try {
                answer.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        RelayFixture relay = new RelayFixture(dir, server -> carrier);
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Hello"));
        long conversation = relay.entities(token, "conversation").keySet().iterator().next();
        long id = relay.read(relay.postJson("/api/v1/messages", token, Map.of("clientId", UUID.randomUUID().toString(),
                "conversationId", conversation, "body", "See you at 3"))).get("id").asLong();
        assertThat(inCall.await(10, TimeUnit.SECONDS)).as("the dispatcher called the carrier").isTrue();

        try (LogCapture log = new LogCapture()) {
            long started = System.nanoTime();
            CompletableFuture<Void> stop = CompletableFuture.runAsync(relay::close);
            Thread.sleep(300); // the stop is under way: past the server, at the dispatcher
            assertThat(stop).as("the stop waits for the hand-off in flight").isNotDone();
            answer.countDown();
            stop.get(30, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(22));
            assertThat(log.text()).doesNotContain("RejectedExecutionException").doesNotContain("were being handed");
        } finally {
            answer.countDown();
        }
        assertThat(carrier.attempts).hasSize(1);

        FakeCarrier next = new FakeCarrier();
        try (RelayFixture again = new RelayFixture(dir, server -> next)) {
            String state = again.server.database().read(tx -> tx.queryOne("SELECT dispatch_state FROM message WHERE id = ?",
                    rs -> rs.getString(1), id)).orElseThrow();
            assertThat(state).isEqualTo("handed");
            assertThat(again.awaitEntity(again.signIn(practice, "staff"), "message", m -> m.get("id").asLong() == id).get("sid").isNull()).isFalse();
            assertThat(next.attempts).isEmpty();
        }
    }
}
