// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.protocol.ProtocolVersion;
import org.practicetext.relay.RelayFixture;

/**
 * The protocol check and {@code GET /api/v1/version} on a real relay that serves protocol 2 and
 * newer and announces desktop 1.4.2: an older desk is told 426 {@code client_too_old} with what to
 * install, on sign-in and on every other desk call, before any token check; nothing it asked for
 * happens.
 */
class VersionRoutesTest {
    static final String DOWNLOAD = "https://downloads.practicetext.test/desktop";

    @TempDir
    static Path dir;
    static RelayFixture relay;
    static RelayFixture.TestPractice practice;

    @BeforeAll
    static void start() {
        relay = new RelayFixture(dir, Map.of("PT_OLDEST_PROTOCOL", "2", "PT_DESKTOP_LATEST_VERSION", "1.4.2", "PT_DESKTOP_DOWNLOAD_URL", DOWNLOAD));
        practice = relay.newPractice();
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    private HttpResponse<String> call(String method, String path, String protocol, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.uri(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (protocol != null) {
            request.header(ProtocolVersion.HEADER, protocol);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return relay.send(request.build());
    }

    private String signInBody() {
        return "{\"practice\":\"" + practice.slug() + "\",\"username\":\"admin\",\"password\":\"" + RelayFixture.PASSWORD + "\"}";
    }

    /** Signs in as a current desk (the fixture's own helpers speak as unversioned ones, which this relay refuses). */
    private String signInAsCurrentDesk() {
        HttpResponse<String> answer = call("POST", "/api/v1/session", Integer.toString(ProtocolVersion.CURRENT), null, signInBody());
        assertThat(answer.statusCode()).isEqualTo(200);
        return relay.read(answer).get("token").asText();
    }

    private long feedHead(String token) {
        return relay.read(call("GET", "/api/v1/events?after=0&limit=1000", Integer.toString(ProtocolVersion.CURRENT), token, null)).get("next").asLong();
    }

    @Test
    void theVersionRouteAnswersEveryDeskWithoutASignIn() {
        for (String protocol : new String[] {null, "1", "2", "7"}) {
            HttpResponse<String> answer = call("GET", "/api/v1/version", protocol, null, null);

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode body = relay.read(answer);
            assertThat(body.get("protocol").asInt()).isEqualTo(ProtocolVersion.CURRENT);
            assertThat(body.get("oldestProtocol").asInt()).isEqualTo(2);
            assertThat(body.get("latestDesktop").asText()).isEqualTo("1.4.2");
            assertThat(body.get("downloadUrl").asText()).isEqualTo(DOWNLOAD);
        }
    }

    @Test
    void anUnversionedDeskIsTooOldToSignInAndIsToldWhatToInstall() {
        HttpResponse<String> answer = call("POST", "/api/v1/session", null, null, signInBody());

        assertThat(answer.statusCode()).isEqualTo(426);
        JsonNode body = relay.read(answer);
        assertThat(body.at("/error/code").asText()).isEqualTo("client_too_old");
        assertThat(body.at("/error/message").asText()).contains("protocol 1").contains("1.4.2").contains(DOWNLOAD);
        assertThat(body.at("/versions/oldestProtocol").asInt()).isEqualTo(2);
        assertThat(body.at("/versions/latestDesktop").asText()).isEqualTo("1.4.2");
        assertThat(body.at("/versions/downloadUrl").asText()).isEqualTo(DOWNLOAD);
        assertThat(answer.headers().firstValue("Upgrade")).contains("PracticeText-Protocol/2");
    }

    @Test
    void aSignedInDeskOnAnOldProtocolIsRefusedEveryCallAndNothingHappens() {
        String token = signInAsCurrentDesk();
        long head = feedHead(token);

        HttpResponse<String> feed = call("GET", "/api/v1/events?after=0", "1", token, null);
        HttpResponse<String> send = call("POST", "/api/v1/messages", "1", token,
                "{\"clientId\":\"too-old-1\",\"to\":\"+15553010001\",\"body\":\"hello\"}");

        assertThat(feed.statusCode()).isEqualTo(426);
        assertThat(send.statusCode()).isEqualTo(426);
        assertThat(relay.read(send).at("/error/code").asText()).isEqualTo("client_too_old");
        assertThat(feedHead(token)).isEqualTo(head);
    }

    @Test
    void theCheckComesBeforeTheTokenCheck() {
        HttpResponse<String> answer = call("GET", "/api/v1/session", "1", "not-a-token", null);

        assertThat(answer.statusCode()).isEqualTo(426);
    }

    @Test
    void theCurrentAndNewerProtocolsAreServed() {
        assertThat(call("POST", "/api/v1/session", "2", null, signInBody()).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/session", "3", null, signInBody()).statusCode()).isEqualTo(200);
    }

    @Test
    void aProtocolThatIsNotANumberIsA400() {
        for (String bad : new String[] {"two", "0", "-2", "2.0", "99999", ""}) {
            HttpResponse<String> answer = call("POST", "/api/v1/session", bad, null, signInBody());

            assertThat(answer.statusCode()).as("protocol \"%s\"", bad).isEqualTo(400);
            assertThat(relay.read(answer).at("/error/code").asText()).isEqualTo("bad_protocol_version");
        }
    }

    @Test
    void webhooksAndHealthCarryNoProtocolAndAreServed() {
        HttpResponse<String> health = relay.get("/health", null);
        HttpResponse<String> inbound = relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), "+15553010002", practice.number(), "Hi"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(inbound.statusCode()).isEqualTo(200);
    }
}
