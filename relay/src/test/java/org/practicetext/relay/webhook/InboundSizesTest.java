// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * A genuine text from Twilio is never refused for the size of a field the relay chose: media
 * URLs and content types of any length the 64 KiB webhook allows are stored whole and served in
 * the feed. And the conversation list's preview of a long text is cut between whole characters.
 */
class InboundSizesTest {
    private static final String PATIENT = "+15557654321";

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    TestPractice practice;
    String token;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        token = relay.signIn(practice, "staff");
    }

    private HttpResponse<String> textWithMedia(String body, List<String> urls, List<String> types) {
        Map<String, String> params = RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), body);
        params.put("NumMedia", Integer.toString(urls.size()));
        for (int i = 0; i < urls.size(); i++) {
            params.put("MediaUrl" + i, urls.get(i));
            params.put("MediaContentType" + i, types.get(i));
        }
        return relay.webhook("/twilio/sms", params);
    }

    private JsonNode onlyMessage() {
        List<JsonNode> messages = List.copyOf(relay.entities(token, "message").values());
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private String preview() {
        return relay.entities(token, "conversation").values().iterator().next().get("lastMessagePreview").asText();
    }

    @Test
    void aNulInATextIsKeptAsAReplacementCharacterWhichEveryDatabaseCanStore() {
        HttpResponse<String> r = textWithMedia("Hi\u0000there", List.of(), List.of());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(onlyMessage().get("body").asText()).isEqualTo("Hi\uFFFDthere");
    }

    @Test
    void aMediaUrlOf30000CharactersIsStoredWhole() {
        String url = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1?sig=" + "q".repeat(30_000);

        HttpResponse<String> r = textWithMedia("", List.of(url), List.of("image/jpeg"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(onlyMessage().get("media").get(0).get("url").asText()).isEqualTo(url);
    }

    @Test
    void aContentTypeOf1000CharactersIsStoredWhole() {
        String type = "image/jpeg; name=\"" + "x".repeat(1000) + ".jpg\"";

        HttpResponse<String> r = textWithMedia("Photo", List.of("https://api.twilio.com/Media/ME1"), List.of(type));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(onlyMessage().get("media").get(0).get("contentType").asText()).isEqualTo(type);
    }

    /**
     * Ten URLs whose characters JSON must escape (six characters for one) make a message event
     * of more than 100,000 characters from a body within the webhook limit.
     */
    @Test
    void tenMediaUrlsWhoseEventIsOver100000CharactersAreStoredAndServed() {
        List<String> urls = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> "https://media.example.com/" + i + "/" + "\u0001".repeat(1_900)).toList();

        HttpResponse<String> r = textWithMedia("Ten photos", urls, java.util.Collections.nCopies(10, "image/png"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode media = onlyMessage().get("media");
        assertThat(media).hasSize(10);
        assertThat(media.get(9).get("url").asText()).isEqualTo(urls.get(9));
        long eventLength = relay.server.database().read(tx -> tx.queryOne(
                "SELECT MAX(LENGTH(data)) FROM feed_event WHERE entity_type = 'message'", rs -> rs.getLong(1))).orElseThrow();
        assertThat(eventLength).isGreaterThan(100_000);
    }

    @Test
    void aPreviewOfEmojiIsCutBetweenWholeEmoji() {
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "a" + "😀".repeat(200)));

        assertThat(preview()).isEqualTo("a" + "😀".repeat(138) + "…");
    }

    @Test
    void aPreviewIsNotCutInsideAnEmojiMadeOfSeveral() {
        String family = "👨\u200d👩\u200d👧\u200d👦"; // seven code points, one character to a reader
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), family.repeat(30)));

        assertThat(preview()).isEqualTo(family.repeat(19) + "…");
    }

    @Test
    void aPreviewIsNotCutBetweenTheTwoHalvesOfAFlag() {
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "x" + "🇨🇦".repeat(100)));

        assertThat(preview()).isEqualTo("x" + "🇨🇦".repeat(69) + "…");
    }

    @Test
    void aPreviewOfPlainTextKeeps140Characters() {
        String body = "0123456789".repeat(20);
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), body));

        assertThat(preview()).isEqualTo(body.substring(0, 139) + "…");
    }
}
