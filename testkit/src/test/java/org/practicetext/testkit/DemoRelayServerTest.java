// SPDX-License-Identifier: Apache-2.0
package org.practicetext.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.protocol.Json;
import org.practicetext.relay.TestClock;
import org.practicetext.relay.demo.DemoPractice;

/** The demo relay other modules' tests use: the demo team signs in, a text arrives, a restart keeps both, close leaves nothing. */
class DemoRelayServerTest {
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-02T15:00:00Z"));

    @RegisterExtension
    static final DemoRelayServer shared = DemoRelayServer.create(CLOCK);

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String signIn(DemoRelayServer demo, String username) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(demo.uri().resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(
                        Map.of("practice", DemoPractice.SLUG, "username", username, "password", DemoPractice.PASSWORD))))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body()).get("token").asText();
    }

    /** Bodies of every message in the practice's feed. */
    private List<String> messageBodies(DemoRelayServer demo, String token) throws Exception {
        List<String> bodies = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(demo.uri().resolve("/api/v1/events?after=" + after))
                    .header("Authorization", "Bearer " + token).GET().build());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = Json.mapper().readTree(r.body());
            for (JsonNode event : page.get("events")) {
                if (event.get("type").asText().equals("message")) {
                    bodies.add(event.get("data").get("body").asText());
                }
            }
            after = page.get("next").asLong();
            if (!page.get("more").asBoolean()) {
                return bodies;
            }
        }
    }

    @Test
    void asAnExtensionItIsRunningWithTheDemoPracticeOnTheGivenClock() throws Exception {
        assertThat(shared.clock()).isSameAs(CLOCK);
        assertThat(shared.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(messageBodies(shared, signIn(shared, "jordan"))).as("the seeded demo conversations").isNotEmpty();
    }

    @Test
    void aReceivedTextReachesTheDemoPracticeAndARestartKeepsPortAndData() throws Exception {
        Path folder;
        try (DemoRelayServer demo = DemoRelayServer.start(Clock.systemUTC())) {
            folder = demo.folder();
            URI uri = demo.uri();
            String token = signIn(demo, "alex");
            demo.receiveText("(312) 555-0147", "Can I move my cleaning to Friday?");
            assertThat(messageBodies(demo, token)).contains("Can I move my cleaning to Friday?");

            demo.stop();
            assertThatThrownBy(() -> new Socket("127.0.0.1", uri.getPort()).close()).as("nothing listens while it is stopped")
                    .isInstanceOf(ConnectException.class);

            demo.restart();
            assertThat(demo.uri()).isEqualTo(uri);
            assertThat(messageBodies(demo, token)).as("the same file, and the session survived").contains("Can I move my cleaning to Friday?");
        }
        assertThat(Files.exists(folder)).as("close deletes the relay's folder").isFalse();
    }
}
