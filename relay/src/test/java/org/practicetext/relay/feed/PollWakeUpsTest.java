// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * How parked polls are woken and answered (ADR 0019): the committing request never waits for the
 * polls it wakes, a desk that does not read its answer holds up no one, and a poll that waits the
 * longest wait is answered at its end, not cut by the connection's idle timeout.
 */
class PollWakeUpsTest {
    /** The shortest idle timeout the config allows: the longest wait plus five seconds. */
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create().withEnv(Map.of("PT_IDLE_TIMEOUT_SECONDS", "35"));

    @Test
    @Timeout(20)
    void aSignalReturnsWhileTheWokenPollsContinuationIsStillBlocked() throws Exception {
        FeedHub hub = new FeedHub();
        CompletableFuture<Long> poll = hub.register(7, "session", PollCaps.defaults());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        poll.thenRun(() -> {
            try {
                release.await(); // a continuation that cannot finish until the signal has returned
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answered.countDown();
        });

        hub.signal(7); // were the poll completed on this thread, it would never return (the timeout fails the test)
        release.countDown();

        assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(poll.join()).isEqualTo(1L);
        // The hub forgets the poll in its own completion action, which may run after this
        // continuation has counted down (a future runs its dependents one after another).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hub.parked() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(hub.parked()).isZero();
    }

    @Test
    void aDeskThatNeverReadsItsAnswerHoldsUpNeitherTheWebhookNorTheOtherDesks() throws Exception {
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        String other = relay.signIn(practice, "staff");
        long cursor = relay.head(token);
        try (Socket stuck = new Socket("127.0.0.1", relay.server.port())) {
            OutputStream out = stuck.getOutputStream();
            out.write(("GET /api/v1/events?after=" + cursor + "&wait=30 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush(); // and never reads what it is sent
            awaitParked(1);
            CompletableFuture<HttpResponse<String>> reading = relay.getAsync("/api/v1/events?after=" + cursor + "&wait=30", other);
            awaitParked(2);

            HttpResponse<String> webhook = relay.webhook("/twilio/sms",
                    RelayFixture.inbound(RelayFixture.newSid(), "+15557650001", practice.number(), "Running late"));
            assertThat(webhook.statusCode()).isEqualTo(200);

            HttpResponse<String> answer = reading.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode page = relay.read(answer);
            assertThat(page.get("next").asLong()).isGreaterThan(cursor);
            assertThat(page.get("events").toString()).contains("Running late");
        }
    }

    @Test
    void aPollThatWaitsTheLongestWaitIsAnsweredAtItsEndNotCutByTheIdleTimeout() throws Exception {
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        long cursor = relay.head(token);
        long start = System.nanoTime();

        HttpResponse<String> answer = relay.get("/api/v1/events?after=" + cursor + "&wait=" + FeedRoutes.MAX_WAIT_SECONDS, token);

        long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode page = relay.read(answer);
        assertThat(page.get("events")).isEmpty();
        assertThat(page.get("next").asLong()).isEqualTo(cursor);
        assertThat(waited).isGreaterThanOrEqualTo(FeedRoutes.MAX_WAIT_SECONDS - 1); // it timed out as a poll, not as a connection
    }

    private static void awaitParked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (relay.server.feed().hub().parked() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the poll never parked");
            }
            Thread.sleep(10);
        }
    }
}
