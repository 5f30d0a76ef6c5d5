// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.protocol.Json;

/**
 * The packaged relay as an operator runs it ({@code serve}, {@code PT_LOG_FORMAT=json}), sent
 * SIGTERM while a desk's long-poll is parked: the poll gets its page, the JVM exits within
 * {@code PT_SHUTDOWN_SECONDS}, and every line it logged is one JSON object, none of them a
 * warning or an error (the stop once logged a RejectedExecutionException from the dispatcher).
 */
class SigtermIT {
    static final int BOUND_SECONDS = 10;
    private static final String METRICS_TOKEN = "sigterm-it-metrics-token";

    @TempDir
    Path dir;

    @Test
    void sigtermAnswersTheParkedPollAndExitsWithinTheBoundLoggingJsonOnly() throws Exception {
        Path jar = Path.of("target", "practicetext-relay.jar");
        assertThat(jar).as("the relay jar; run mvn package first").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("PT_CARRIER", "simulated", "PT_HOST", "127.0.0.1", "PT_PORT", Integer.toString(port),
                "PT_DATA_DIR", dir.resolve("data").toString(), "PT_LOG_FORMAT", "json",
                "PT_SHUTDOWN_SECONDS", Integer.toString(BOUND_SECONDS), "PT_NODE_ID", "sigterm-it",
                "PT_PUBLIC_URL", "http://127.0.0.1:" + port, "PT_METRICS_TOKEN", METRICS_TOKEN);
        Path log = dir.resolve("relay.log");
        RelayProcess relay = new RelayProcess(jar, log, port, env, List.of(), null);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            relay.admin(null, "practice", "create", "--slug", "sigterm", "--name", "Sigterm Dental");
            relay.admin("a long enough password", "user", "create", "--practice", "sigterm", "--username", "desk", "--name", "Desk",
                    "--role", "staff", "--password-stdin");
            relay.start();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"practice\":\"sigterm\",\"username\":\"desk\",\"password\":\"a long enough password\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
            String token = Json.mapper().readTree(signIn.body()).get("token").asText();
            HttpRequest.Builder events = HttpRequest.newBuilder().header("Authorization", "Bearer " + token);
            long head = Json.mapper().readTree(http.send(events.copy().uri(URI.create(base + "/api/v1/events?after=0&limit=1000")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("next").asLong();
            CompletableFuture<HttpResponse<String>> poll = http.sendAsync(events.copy()
                    .uri(URI.create(base + "/api/v1/events?after=" + head + "&wait=30")).build(), HttpResponse.BodyHandlers.ofString());
            awaitParked(http, base); // nothing happens in this practice until the stop

            long started = System.nanoTime();
            int exit = relay.terminate();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            HttpResponse<String> page = poll.get(1, TimeUnit.SECONDS);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(page.body()).get("next").asLong()).isEqualTo(head);
            assertThat(exit).isEqualTo(RelayProcess.SIGTERM_EXIT);
            assertThat(took).isLessThan(Duration.ofSeconds(BOUND_SECONDS + 5));

            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("=== crash suite") && !line.startsWith("PracticeText relay on port") && !line.startsWith("Created "))
                    .toList();
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                JsonNode object = Json.mapper().readTree(line);
                assertThat(object.isObject()).as(line).isTrue();
                assertThat(object.get("level").asText()).as(line).isIn("INFO", "DEBUG");
            }
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("relay stopped in").contains("1 parked poll(s) answered"));
        } finally {
            relay.destroy();
        }
    }

    /** Waits until the relay's own gauge counts the poll as parked (a busy machine may take a while to connect it). */
    private static void awaitParked(HttpClient http, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpRequest metrics = HttpRequest.newBuilder(URI.create(base + "/metrics")).header("Authorization", "Bearer " + METRICS_TOKEN).build();
        while (!http.send(metrics, HttpResponse.BodyHandlers.ofString()).body().lines().anyMatch(l -> l.startsWith("pt_feed_polls_parked ")
                && !l.endsWith(" 0.0"))) {
            assertThat(System.nanoTime()).as("the poll is parked").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
