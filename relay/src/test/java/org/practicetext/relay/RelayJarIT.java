// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, as a curl user would run it: {@code java -jar target/practicetext-relay.jar demo}. */
class RelayJarIT {
    @TempDir
    Path dir;

    @Test
    void demoJarStartsARelayThatOneCanSignInToAndLongPoll() throws Exception {
        Path jar = Path.of("target", "practicetext-relay.jar");
        assertThat(jar).exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString(), "demo").directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PT_PORT", Integer.toString(port));
        Process relay = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        seen.append(line).append('\n');
                        if (line.startsWith("PracticeText relay on port")) {
                            return true;
                        }
                    }
                    return false;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(ready.get(60, TimeUnit.SECONDS)).as(seen.toString()).isTrue();
            assertThat(seen.toString()).contains("alex").contains("practicetext");
            assertThat(Files.exists(dir.resolve("data").resolve("practicetext.mv.db"))).isTrue();

            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"practice\":\"demo\",\"username\":\"alex\",\"password\":\"practicetext\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(session.statusCode()).isEqualTo(200);
            String token = json.readTree(session.body()).get("token").asText();

            JsonNode snapshot = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events?after=0&limit=1000"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(snapshot.get("events").size()).isGreaterThan(10);
            long next = snapshot.get("next").asLong();

            long started = System.nanoTime();
            HttpResponse<String> empty = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events?after=" + next + "&wait=1"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(empty.statusCode()).isEqualTo(200);
            assertThat(json.readTree(empty.body()).get("events")).isEmpty();
            assertThat(System.nanoTime() - started).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(900));
        } finally {
            relay.destroy();
            relay.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
