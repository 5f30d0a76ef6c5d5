// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/** {@code /health}, {@code /ready} and {@code /metrics} of a real relay on a real port. */
class OperatorEndpointsTest {
    static final String TOKEN = "metrics-token-for-the-test-0123";
    static final String PATIENT = "+15557650123";

    @TempDir
    Path dir;

    private RelayFixture relay() {
        return new RelayFixture(dir, Map.of("PT_METRICS_TOKEN", TOKEN));
    }

    private static HttpResponse<String> get(RelayFixture relay, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.uri(path))).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return relay.send(request.build());
    }

    @Test
    void readyAnswers200WithEachCheckAndTheWebhookBacklog() {
        try (RelayFixture relay = relay()) {
            HttpResponse<String> r = relay.get("/ready", null);
            JsonNode ready = relay.read(r);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(ready.get("status").asText()).isEqualTo("ready");
            assertThat(ready.get("checks").get("database").get("ok").asBoolean()).isTrue();
            assertThat(ready.get("checks").get("migrations").get("ok").asBoolean()).isTrue();
            assertThat(ready.get("webhooksWaiting").asLong()).isZero();
        }
    }

    @Test
    void aRegisteredCheckThatFailsMakesReady503AndNamesIt() {
        try (RelayFixture relay = relay()) {
            // Not "listener": on PostgreSQL the relay registers that one itself (SeveralNodesTest checks it).
            relay.server.readiness().register("carrier", () -> Optional.of("the carrier's API did not answer"));

            HttpResponse<String> r = relay.get("/ready", null);
            JsonNode ready = relay.read(r);

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(ready.get("status").asText()).isEqualTo("not_ready");
            assertThat(ready.get("checks").get("database").get("ok").asBoolean()).isTrue();
            assertThat(ready.get("checks").get("carrier").get("ok").asBoolean()).isFalse();
            assertThat(ready.get("checks").get("carrier").get("detail").asText()).isEqualTo("the carrier's API did not answer");
        }
    }

    @Test
    void aRelayWhoseDatabaseIsGoneIsAliveButNotReady() {
        RelayFixture relay = relay();
        try {
            relay.server.database().close(); // the pool refuses every connection from now on

            HttpResponse<String> health = relay.get("/health", null);
            HttpResponse<String> ready = relay.get("/ready", null);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(relay.read(health).get("status").asText()).isEqualTo("ok");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode checks = relay.read(ready).get("checks");
            assertThat(checks.get("database").get("ok").asBoolean()).isFalse();
            assertThat(checks.get("database").get("detail").asText()).startsWith("no connection to the database");
            assertThat(checks.get("migrations").get("detail").asText()).isEqualTo("not checked: an earlier check failed");
        } finally {
            relay.close();
        }
    }

    @Test
    void metricsAreOffWithoutAToken(@TempDir Path other) {
        try (RelayFixture relay = new RelayFixture(other)) {
            assertThat(get(relay, "/metrics", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void metricsNeedTheBearerToken() {
        try (RelayFixture relay = relay()) {
            HttpResponse<String> none = get(relay, "/metrics", null);
            HttpResponse<String> wrong = get(relay, "/metrics", "Bearer " + TOKEN + "x");

            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(relay.read(none).get("error").get("code").asText()).isEqualTo("unauthorized");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).doesNotContain("pt_");
        }
    }

    @Test
    void metricsCountWebhooksDispatchPollsAndThePoolWithoutPatientData() throws Exception {
        try (RelayFixture relay = relay()) {
            TestPractice practice = relay.newPractice();
            String token = relay.signIn(practice, "staff");
            relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Is Tuesday free?"));
            relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "forged"), "bad-signature");
            long conversation = relay.entities(token, "conversation").keySet().iterator().next();
            relay.postJson("/api/v1/messages", token, Map.of("clientId", UUID.randomUUID().toString(), "conversationId", conversation,
                    "body", "Yes, 10:30 works"));
            // Delivered: the simulated carrier's status callbacks are over, so nothing but the next text wakes the poll.
            relay.awaitEntity(token, "message", m -> m.get("direction").asText().equals("out") && m.get("status").asText().equals("delivered"));
            long head = relay.head(token);
            var parked = relay.getAsync("/api/v1/events?after=" + head + "&wait=30", token);
            awaitParked(relay, 1);
            String whileParked = scrape(relay);
            relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Thanks!"));
            assertThat(parked.get().statusCode()).isEqualTo(200);

            String text = scrape(relay);

            assertThat(whileParked).contains("pt_feed_polls_parked 1.0");
            assertThat(text).contains("pt_webhooks_received_total{kind=\"sms\"} 2.0")
                    .contains("pt_webhooks_refused_total{kind=\"sms\",reason=\"signature\"} 1.0")
                    .contains("pt_dispatch_attempts_total{outcome=\"handed\"} 1.0")
                    .contains("pt_dispatch_backlog{state=\"pending\"} 0.0")
                    .contains("pt_feed_wakeup_seconds_count 1")
                    .contains("pt_feed_wakeup_seconds_bucket{le=")
                    .contains("hikaricp_connections_active{pool=\"relay-db\"}");
            assertThat(text).doesNotContain(PATIENT).doesNotContain(PATIENT.substring(1)).doesNotContain(practice.slug())
                    .doesNotContain(practice.number().substring(1)).doesNotContain("Tuesday").doesNotContain("10:30");
        }
    }

    private static String scrape(RelayFixture relay) {
        HttpResponse<String> r = get(relay, "/metrics", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        return r.body();
    }

    static void awaitParked(RelayFixture relay, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (relay.server.feed().hub().parked() < count) {
            assertThat(System.nanoTime()).as("polls parked").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndASaneOneIsKept() {
        try (RelayFixture relay = relay()) {
            HttpResponse<String> made = relay.get("/health", null);
            HttpResponse<String> kept = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/nope")))
                    .header("X-Request-Id", "lb-7f3a9c2e-0001").GET().build());
            HttpResponse<String> phone = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/health")))
                    .header("X-Request-Id", "15557650123").GET().build());

            assertThat(made.headers().firstValue("X-Request-Id").orElseThrow()).matches("r-[0-9a-f]{24}");
            assertThat(kept.headers().firstValue("X-Request-Id")).contains("lb-7f3a9c2e-0001");
            assertThat(phone.headers().firstValue("X-Request-Id").orElseThrow()).as("a number is never taken as an id").startsWith("r-");
        }
    }
}
