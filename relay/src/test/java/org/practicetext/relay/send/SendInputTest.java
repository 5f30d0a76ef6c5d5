// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.Role;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * What the sending endpoints do with the inputs that used to reach a 5xx or store garbage: names
 * at their limit in emoji, attachment lists with nulls and very long URLs, bytes that are not
 * UTF-8 and JSON escapes that are not Unicode. Each is stored whole or refused with a 400 that
 * names the field; a refused request stores nothing.
 */
class SendInputTest {
    private static final String PATIENT = "+15557654321";

    static FakeCarrier carrier = new FakeCarrier();
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create().withCarrier(server -> carrier);

    TestPractice practice;
    String token;
    String key;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        token = relay.signIn(practice, "staff");
        key = relay.server.tenancy().createApiKey(practice.slug(), "Reminder system");
    }

    private static Map<String, Object> message(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("clientId", UUID.randomUUID().toString());
        m.put("to", PATIENT);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private HttpResponse<String> campaign(Map<String, Object> body) {
        try {
            return relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/campaign-messages"))).header("X-Api-Key", key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(relay.json.writeValueAsString(body))).build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> sendBytes(byte[] body) {
        return relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/messages"))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private long messagesStored() {
        return relay.entities(token, "message").size();
    }

    private static String error(HttpResponse<String> r, String part) {
        return r.body().isEmpty() ? "" : relay.read(r).path("error").path(part).asText();
    }

    @Test
    void aCampaignNameOf100EmojiLabelsTheMessageAnd101IsABadRequest() {
        HttpResponse<String> stored = campaign(message("body", "Reminder", "campaign", "📅".repeat(100)));
        HttpResponse<String> tooLong = campaign(message("body", "Reminder", "campaign", "📅".repeat(101)));

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(202);
        assertThat(relay.read(stored).get("sender").get("name").asText()).isEqualTo("📅".repeat(100));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(error(tooLong, "message")).contains("campaign").contains("100");
    }

    @Test
    void aTeamMemberWhoseNameIs200EmojiCanSignInAndSend() {
        relay.server.tenancy().createUser(practice.slug(), "emoji", "🦷".repeat(200), Role.STAFF, RelayFixture.PASSWORD);
        String emojiToken = relay.signIn(practice, "emoji");

        HttpResponse<String> r = relay.postJson("/api/v1/messages", emojiToken, message("body", "Hello"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(relay.read(r).get("sender").get("name").asText()).isEqualTo("🦷".repeat(200));
        assertThatThrownBy(() -> relay.server.tenancy().createUser(practice.slug(), "emoji2", "🦷".repeat(201), Role.STAFF, RelayFixture.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200");
    }

    @Test
    void aBodyOf1600EmojiIsSentAnd1601IsABadRequest() {
        HttpResponse<String> stored = relay.postJson("/api/v1/messages", token, message("body", "😀".repeat(1600)));
        HttpResponse<String> tooLong = relay.postJson("/api/v1/messages", token, message("body", "😀".repeat(1601)));

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(202);
        assertThat(relay.read(stored).get("body").asText()).isEqualTo("😀".repeat(1600));
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void aNullAttachmentIsABadRequestThatNamesIt() {
        HttpResponse<String> first = relay.postRaw("/api/v1/messages", token,
                "{\"clientId\":\"n1\",\"to\":\"" + PATIENT + "\",\"mediaUrls\":[null]}");
        HttpResponse<String> second = relay.postRaw("/api/v1/messages", token,
                "{\"clientId\":\"n2\",\"to\":\"" + PATIENT + "\",\"body\":\"Hi\",\"mediaUrls\":[\"https://example.com/a.jpg\",null]}");
        HttpResponse<String> fromCampaign = campaign(message("body", "Hi", "campaign", "Forms", "mediaUrls", Arrays.asList((Object) null)));

        for (HttpResponse<String> r : List.of(first, second, fromCampaign)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(error(r, "code")).isEqualTo("bad_request");
        }
        assertThat(error(first, "message")).contains("mediaUrls[0]");
        assertThat(error(second, "message")).contains("mediaUrls[1]");
        assertThat(messagesStored()).isZero();
    }

    @Test
    void anAttachmentUrlOf2000CharactersIsKeptWholeAnd2001IsABadRequest() {
        String longest = "https://files.example.com/" + "a".repeat(2000 - 26);
        HttpResponse<String> stored = relay.postJson("/api/v1/messages", token, message("mediaUrls", List.of(longest)));
        HttpResponse<String> tooLong = relay.postJson("/api/v1/messages", token, message("mediaUrls", List.of(longest + "b")));

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(202);
        JsonNode sent = relay.entities(token, "message").get(relay.read(stored).get("id").asLong());
        assertThat(sent.get("media").get(0).get("url").asText()).isEqualTo(longest);
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(error(tooLong, "message")).contains("mediaUrls[0]").contains("2000");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotStoredAsReplacementCharacters() {
        byte[] start = ("{\"clientId\":\"u1\",\"to\":\"" + PATIENT + "\",\"body\":\"Jos").getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(start, start.length + 3);
        body[start.length] = (byte) 0xE9; // "é" in Windows-1252, not UTF-8
        body[start.length + 1] = '"';
        body[start.length + 2] = '}';

        HttpResponse<String> r = sendBytes(body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(error(r, "code")).isEqualTo("malformed_json");
        assertThat(error(r, "message")).contains("UTF-8");
        assertThat(messagesStored()).isZero();
    }

    @Test
    void theSameBytesAreReadWhenTheirCharsetIsNamed() {
        byte[] start = ("{\"clientId\":\"u2\",\"to\":\"" + PATIENT + "\",\"body\":\"Jos").getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(start, start.length + 3);
        body[start.length] = (byte) 0xE9;
        body[start.length + 1] = '"';
        body[start.length + 2] = '}';

        HttpResponse<String> r = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/messages"))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=windows-1252").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(relay.read(r).get("body").asText()).isEqualTo("José");
    }

    @Test
    void aJsonEscapeThatIsHalfAnEmojiIsABadRequestThatNamesTheField() {
        HttpResponse<String> r = relay.postRaw("/api/v1/messages", token, "{\"clientId\":\"s1\",\"to\":\"" + PATIENT + "\",\"body\":\"Hi \\ud83d\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(error(r, "message")).startsWith("body").contains("U+D83D");
        assertThat(messagesStored()).isZero();
    }

    @Test
    void aControlCharacterInABodyIsABadRequestButLineBreaksAndDirectionMarksAreKept() {
        HttpResponse<String> nul = relay.postRaw("/api/v1/messages", token, "{\"clientId\":\"c1\",\"to\":\"" + PATIENT + "\",\"body\":\"Hi\\u0000\"}");
        HttpResponse<String> kept = relay.postJson("/api/v1/messages", token, message("body", "Line one\nمرحبا\u200f\tend"));

        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(error(nul, "message")).contains("body").contains("U+0000");
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(202);
        assertThat(relay.read(kept).get("body").asText()).isEqualTo("Line one\nمرحبا\u200f\tend");
    }
}
