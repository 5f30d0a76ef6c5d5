// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture.TestPractice;

/** The simulated carrier end to end: real relay, real signed callbacks through /twilio/status. */
class SimulatedCarrierTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    TestPractice practice;
    String token;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        token = relay.signIn(practice, "staff");
    }

    private long sendTo(String to, String body) {
        HttpResponse<String> r = relay.postJson("/api/v1/messages", token, Map.of("clientId", UUID.randomUUID().toString(), "to", to, "body", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return relay.read(r).get("id").asLong();
    }

    @Test
    void messageGoesQueuedSentDeliveredAndEachStepIsAnEvent() {
        long cursor = relay.head(token);
        long id = sendTo("+15005550006", "Your cleaning is confirmed.");

        relay.awaitEntity(token, "message", m -> m.get("id").asLong() == id && m.get("status").asText().equals("delivered"));

        List<String> seen = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        long c = cursor;
        // Walk the feed as a client would, collecting each state the message was published in.
        JsonNode page = relay.read(relay.get("/api/v1/events?after=" + c, token));
        page.get("events").forEach(events::add);
        events.stream().filter(e -> e.get("type").asText().equals("message")).forEach(e -> seen.add(e.get("data").get("status").asText()));
        assertThat(seen).containsExactly("delivered");
        long callbacks = relay.server.database().read(tx -> tx.queryOne(
                "SELECT COUNT(*) FROM status_callback s JOIN message m ON m.sid = s.sid WHERE m.id = ? AND s.applied = TRUE", rs -> rs.getLong(1), id))
                .orElseThrow();
        assertThat(callbacks).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource({"+15005550001, 21211", "+15005550002, 21612", "+15005550004, 21610", "+15005550009, 21614"})
    void magicNumbersFailWithTwiliosErrorCodes(String number, int code) {
        long id = sendTo(number, "Testing " + code);

        JsonNode failed = relay.awaitEntity(token, "message", m -> m.get("id").asLong() == id && m.get("status").asText().equals("failed"));

        assertThat(failed.get("errorCode").asInt()).isEqualTo(code);
        assertThat(failed.get("errorMessage").asText()).isNotBlank();
        assertThat(failed.get("sid").isNull()).isTrue();
    }

    @Test
    void optedOutMagicNumberMarksTheContactOptedOutSoTheNextSendIsRefused() {
        long id = sendTo("+15005550004", "First try");
        relay.awaitEntity(token, "contact", c -> c.get("phone").asText().equals("+15005550004") && c.get("optedOut").asBoolean());
        assertThat(id).isPositive();

        HttpResponse<String> again = relay.postJson("/api/v1/messages", token,
                Map.of("clientId", UUID.randomUUID().toString(), "to", "+15005550004", "body", "Second try"));

        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void notMobileMagicNumberMarksTheLineAsLandline() {
        sendTo("+15005550009", "To a landline");

        JsonNode contact = relay.awaitEntity(token, "contact", c -> c.get("phone").asText().equals("+15005550009")
                && c.get("lineType").asText().equals("landline"));

        assertThat(contact.get("optedOut").asBoolean()).isFalse();
    }

    @Test
    void simulatedPatientTextArrivesThroughTheRealWebhook() {
        HttpResponse<String> r = relay.postJson("/api/v1/simulator/inbound", token, Map.of("from", "(555) 222-3333", "body", "Running 10 min late!"));

        assertThat(r.statusCode()).isEqualTo(202);
        String sid = relay.read(r).get("sid").asText();
        JsonNode message = relay.awaitEntity(token, "message", m -> m.get("sid").asText().equals(sid));
        assertThat(message.get("body").asText()).isEqualTo("Running 10 min late!");
        assertThat(message.get("direction").asText()).isEqualTo("in");
        JsonNode conversation = relay.entities(token, "conversation").values().iterator().next();
        assertThat(conversation.get("phone").asText()).isEqualTo("+15552223333");
        assertThat(conversation.get("unreadCount").asInt()).isEqualTo(1);
    }

    /** The demo's "receive a photo": the simulated carrier keeps it behind Basic auth, as Twilio does, and the relay fetches it from there. */
    @Test
    void aSimulatedPhotoIsFetchedByTheRelayLikeTwiliosAndServedToTheDesk() throws java.io.IOException {
        byte[] png = org.practicetext.relay.media.TestImages.png(64, 32);
        HttpResponse<String> r = relay.postJson("/api/v1/simulator/inbound", token, Map.of("from", "(555) 222-4444", "body", "",
                "media", java.util.List.of(Map.of("fileName", "card.png", "contentType", "image/png", "data", java.util.Base64.getEncoder().encodeToString(png)))));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String sid = relay.read(r).get("sid").asText();
        JsonNode message = relay.awaitEntity(token, "message", m -> m.get("sid").asText().equals(sid)
                && m.get("media").get(0).get("state").asText().equals("ready"));
        assertThat(message.get("body").asText()).isEmpty();
        assertThat(message.get("media").get(0).get("width").asInt()).isEqualTo(64);
        assertThat(message.get("media").get(0).get("preview").asBoolean()).isTrue();
        String url = message.get("media").get(0).get("url").asText();
        assertThat(relay.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build()).statusCode())
                .as("the simulated carrier's media need the account's credentials").isEqualTo(404);
        assertThat(relay.entities(token, "conversation").values()).extracting(c -> c.get("lastMessagePreview").asText()).contains("Photo");

        HttpResponse<String> tooMany = relay.postJson("/api/v1/simulator/inbound", token, Map.of("from", "(555) 222-4444", "body", "x",
                "media", java.util.Collections.nCopies(11, Map.of("contentType", "image/png", "data", "AA=="))));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        HttpResponse<String> badType = relay.postJson("/api/v1/simulator/inbound", token, Map.of("from", "(555) 222-4444", "body", "x",
                "media", java.util.List.of(Map.of("contentType", "image/png\r\nX: y", "data", "AA=="))));
        assertThat(badType.statusCode()).isEqualTo(400);
    }

    @Test
    void simulatedTextFromAnInvalidNumberIsRefused() {
        HttpResponse<String> r = relay.postJson("/api/v1/simulator/inbound", token, Map.of("from", "12", "body", "Hi"));

        assertThat(r.statusCode()).isEqualTo(422);
    }
}
