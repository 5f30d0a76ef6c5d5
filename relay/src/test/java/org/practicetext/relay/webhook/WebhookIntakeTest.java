// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * Nothing Twilio was told "200" about is lost: a webhook is recorded before it is answered and
 * applied from that record, however processing fails and whenever the relay stops.
 */
class WebhookIntakeTest {
    @TempDir
    Path dir;
    RelayFixture relay;
    TestPractice practice;
    String token;

    @BeforeEach
    void start() {
        relay = new RelayFixture(dir);
        practice = relay.newPractice();
        token = relay.signIn(practice, "staff");
        FailingTrigger.install(relay.server.database());
    }

    @AfterEach
    void stop() {
        FailingTrigger.failing = false; // the PostgreSQL run's flag goes with its database
        relay.close();
    }

    private void sql(String statement) {
        relay.server.database().inTransaction(tx -> tx.update(statement));
    }

    private long practiceId() {
        return relay.server.database().read(tx -> tx.queryOne("SELECT id FROM practice WHERE slug = ?", rs -> rs.getLong(1), practice.slug()))
                .orElseThrow();
    }

    private HttpResponse<String> text(String sid, String body) {
        return relay.webhook("/twilio/sms", RelayFixture.inbound(sid, "+15557654321", practice.number(), body));
    }

    private List<JsonNode> messagesWithSid(String sid) {
        return relay.entities(token, "message").values().stream().filter(m -> m.get("sid").asText().equals(sid)).toList();
    }

    /** GET /ready: the webhook journal's backlog is read there (GET /health touches no database). */
    private JsonNode health() {
        return relay.read(relay.get("/ready", null));
    }

    @Test
    void aTextWhoseProcessingFailsIsAcknowledgedKeptAndAppliedLater() {
        FailingTrigger.fail(dir, true);
        String sid = RelayFixture.newSid();

        assertThat(text(sid, "Is Friday still free?").statusCode()).isEqualTo(200);
        assertThat(messagesWithSid(sid)).isEmpty();
        assertThat(health().get("webhooksWaiting").asLong()).isEqualTo(1);

        FailingTrigger.fail(dir, false);
        relay.clock.advance(Duration.ofSeconds(5));
        assertThat(relay.server.webhookIntake().retryNow()).isEqualTo(1);

        List<JsonNode> stored = messagesWithSid(sid);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().get("body").asText()).isEqualTo("Is Friday still free?");
        // The message keeps the time Twilio delivered it, not the time it was applied.
        assertThat(stored.getFirst().get("createdAt").asText()).isEqualTo("2026-11-02T15:00:00Z");
        assertThat(health().get("webhooksWaiting").asLong()).isZero();
    }

    @Test
    void twilioRetryingATextThatIsRecordedButNotAppliedYetGivesOneMessage() {
        FailingTrigger.fail(dir, true);
        String sid = RelayFixture.newSid();

        assertThat(text(sid, "Running late").statusCode()).isEqualTo(200);
        assertThat(text(sid, "Running late").statusCode()).isEqualTo(200);
        FailingTrigger.fail(dir, false);
        relay.clock.advance(Duration.ofSeconds(5));
        relay.server.webhookIntake().retryNow();
        assertThat(text(sid, "Running late").statusCode()).isEqualTo(200);

        assertThat(messagesWithSid(sid)).hasSize(1);
    }

    @Test
    void aTextRecordedButNotAppliedWhenTheRelayStoppedIsAppliedWhenItStarts() {
        FailingTrigger.fail(dir, true);
        String sid = RelayFixture.newSid();
        assertThat(text(sid, "Please call me back").statusCode()).isEqualTo(200);
        relay.close();
        FailingTrigger.fail(dir, false);

        relay = new RelayFixture(dir);
        token = relay.signIn(practice, "staff");
        JsonNode message = relay.awaitEntity(token, "message", m -> m.get("sid").asText().equals(sid));
        assertThat(message.get("body").asText()).isEqualTo("Please call me back");
        assertThat(messagesWithSid(sid)).hasSize(1);
    }

    @Test
    void aWebhookThatKeepsFailingIsShownInReadinessAndStillKept() {
        FailingTrigger.fail(dir, true);
        text(RelayFixture.newSid(), "Hello?");
        for (int i = 0; i < WebhookIntake.ATTENTION_AFTER; i++) {
            relay.clock.advance(WebhookIntake.MAX_BACKOFF);
            relay.server.webhookIntake().retryNow();
        }

        JsonNode health = health();
        assertThat(health.get("status").asText()).isEqualTo("attention");
        assertThat(health.get("webhooksFailing").asLong()).isEqualTo(1);
        String error = relay.server.database().read(tx -> tx.queryOne("SELECT last_error FROM webhook_receipt", rs -> rs.getString(1)))
                .orElseThrow();
        assertThat(error).contains("23505").doesNotContain("+1555").doesNotContain("Hello");

        FailingTrigger.fail(dir, false);
        relay.clock.advance(WebhookIntake.MAX_BACKOFF);
        relay.server.webhookIntake().retryNow();
        assertThat(health().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void aStatusReportWhoseProcessingFailsIsAppliedLater() {
        String sid = RelayFixture.newSid();
        text(sid, "Thanks");
        FailingTrigger.fail(dir, true);
        Map<String, String> report = Map.of("MessageSid", RelayFixture.newSid(), "MessageStatus", "delivered");

        assertThat(relay.webhook("/twilio/status", report).statusCode()).isEqualTo(200);
        long kept = relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM status_callback", rs -> rs.getLong(1))).orElseThrow();
        assertThat(kept).isZero();

        FailingTrigger.fail(dir, false);
        relay.clock.advance(Duration.ofSeconds(5));
        relay.server.webhookIntake().retryNow();
        kept = relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM status_callback", rs -> rs.getLong(1))).orElseThrow();
        assertThat(kept).isEqualTo(1);
    }

    @Test
    void aFeedCounterBehindItsEventsNeitherLosesTextsNorStrandsDesks() {
        text(RelayFixture.newSid(), "First");
        long cursor = relay.head(token);
        sql("UPDATE practice SET last_seq = last_seq - 1 WHERE id = " + practiceId());

        // A desk that saw the newest event is not told its cursor is unknown.
        assertThat(relay.get("/api/v1/events?after=" + cursor, token).statusCode()).isEqualTo(200);
        String sid = RelayFixture.newSid();
        assertThat(text(sid, "Second").statusCode()).isEqualTo(200);
        assertThat(messagesWithSid(sid)).hasSize(1);
        assertThat(relay.events(token, cursor)).anySatisfy(e -> assertThat(e.get("data").path("sid").asText()).isEqualTo(sid));
    }

    @Test
    void aRestartRaisesACounterThatIsBehindItsNewestEvent() {
        text(RelayFixture.newSid(), "First");
        long id = practiceId();
        sql("UPDATE practice SET last_seq = last_seq - 1 WHERE id = " + id);
        relay.close();

        relay = new RelayFixture(dir);
        long[] counterAndNewest = relay.server.database().read(tx -> tx.queryOne(
                "SELECT last_seq, (SELECT MAX(seq) FROM feed_event WHERE practice_id = ?) FROM practice WHERE id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, id, id)).orElseThrow();
        assertThat(counterAndNewest[0]).isEqualTo(counterAndNewest[1]);
    }
}
