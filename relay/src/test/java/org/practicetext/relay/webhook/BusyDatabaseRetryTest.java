// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.TestStore;
import org.practicetext.relay.store.Database;

/**
 * A text whose application failed only because the database was busy is applied within seconds
 * once the database is free again, however long it was busy. The crash suite once found 46
 * acknowledged texts still waiting in the webhook journal minutes after a start-up burst had
 * passed: every attempt during the burst had timed out on the practice's feed lock, and each
 * failure had doubled the wait before the next attempt, as if it were a processing bug, up to five
 * minutes.
 *
 * <p>Here the feed lock is really held by another transaction, past a short lock timeout, while
 * the relay's clock moves on by minutes; nothing is faked but the clock.
 */
class BusyDatabaseRetryTest {
    private static final int LOCK_TIMEOUT_MS = 200;

    @TempDir
    Path dir;
    RelayFixture relay;
    TestPractice practice;
    String token;

    @BeforeEach
    void start() {
        String url = TestStore.current().environment(dir).get("PT_DB_URL");
        url = switch (TestStore.current()) {
            case H2 -> url.replace("LOCK_TIMEOUT=10000", "LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS);
            // The relay leaves a lock_timeout that the URL sets alone (Database).
            case POSTGRES -> url + (url.contains("?") ? "&" : "?") + "options=-c%20lock_timeout=" + LOCK_TIMEOUT_MS;
        };
        assertThat(url).containsIgnoringCase("LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS);
        relay = new RelayFixture(dir, Map.of("PT_DB_URL", url));
        practice = relay.newPractice();
        token = relay.signIn(practice, "staff");
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    @Test
    void aTextThatKeptMeetingAHeldFeedLockIsAppliedWithinSecondsOnceItIsFree() throws InterruptedException {
        String sid = RelayFixture.newSid();
        try (FeedLockHolder _ = new FeedLockHolder(relay.server.database(), practiceId())) {
            // Answered 200 once recorded; the inline attempt timed out on the lock.
            assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(sid, "+15557654321", practice.number(), "Can I come at 4?"))
                    .statusCode()).isEqualTo(200);
            for (int i = 0; i < 8; i++) {
                relay.clock.advance(WebhookIntake.MAX_BACKOFF);
                relay.server.webhookIntake().retryNow();
            }
            // Enough failures that doubling the wait each time would put the next attempt minutes away.
            assertThat(attempts()).isGreaterThanOrEqualTo(5);
            assertThat(messagesWithSid(sid)).isEmpty();
        }

        // The database is free again: the next attempt is due within MAX_BUSY_BACKOFF, not minutes later.
        relay.clock.advance(WebhookIntake.MAX_BUSY_BACKOFF);
        relay.server.webhookIntake().retryNow();
        relay.awaitEntity(token, "message", m -> m.get("sid").asText().equals(sid));
        assertThat(messagesWithSid(sid)).hasSize(1);
    }

    @Test
    void aBusyDatabaseWaitsAtMostMaxBusyBackoffAndAProcessingFailureStillBacksOffToMinutes() {
        assertThat(WebhookIntake.busyBackoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(WebhookIntake.busyBackoff(30)).isEqualTo(WebhookIntake.MAX_BUSY_BACKOFF);
        assertThat(WebhookIntake.backoff(30)).isEqualTo(WebhookIntake.MAX_BACKOFF);
    }

    private long practiceId() {
        return relay.server.database().read(tx -> tx.queryOne("SELECT id FROM practice WHERE slug = ?", rs -> rs.getLong(1), practice.slug()))
                .orElseThrow();
    }

    private int attempts() {
        return relay.server.database().read(tx -> tx.queryOne("SELECT MAX(attempts) FROM webhook_receipt WHERE kind = 'sms'",
                rs -> rs.getInt(1))).orElseThrow();
    }

    private List<?> messagesWithSid(String sid) {
        return relay.entities(token, "message").values().stream().filter(m -> m.get("sid").asText().equals(sid)).toList();
    }

    /** Another transaction holding a practice's feed lock (its row, {@code FOR UPDATE}) until closed. */
    private static final class FeedLockHolder implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> done;

        FeedLockHolder(Database db, long practiceId) throws InterruptedException {
            CountDownLatch held = new CountDownLatch(1);
            done = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
                tx.queryOne("SELECT last_seq FROM practice WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), practiceId).orElseThrow();
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).as("the feed lock is held").isTrue();
        }

        @Override
        public void close() {
            release.countDown();
            done.orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
