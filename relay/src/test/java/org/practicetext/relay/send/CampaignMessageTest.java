// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/** Automated texts posted by other systems with a practice API key. */
class CampaignMessageTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    TestPractice practice;
    String key;
    String token;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        key = relay.server.tenancy().createApiKey(practice.slug(), "Reminder system");
        token = relay.signIn(practice, "staff");
    }

    private HttpResponse<String> post(String apiKey, String json, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/campaign-messages")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return relay.send(b.build());
    }

    private static String body(String to, String text) {
        return "{\"to\":\"" + to + "\",\"body\":\"" + text + "\",\"campaign\":\"Appointment Reminders Campaign\"}";
    }

    @Test
    void campaignTextIsAcceptedAndLabelledWithTheCampaignsName() {
        HttpResponse<String> r = post(key, body("(555) 444-1212", "Reminder: cleaning tomorrow at 9:00 AM."), null);

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode m = relay.read(r);
        assertThat(m.get("sender").get("kind").asText()).isEqualTo("campaign");
        assertThat(m.get("sender").get("name").asText()).isEqualTo("Appointment Reminders Campaign");
        JsonNode delivered = relay.awaitEntity(token, "message", e -> e.get("id").asLong() == m.get("id").asLong()
                && e.get("status").asText().equals("delivered"));
        assertThat(delivered.get("sender").get("name").asText()).isEqualTo("Appointment Reminders Campaign");
    }

    @Test
    void retriedPostWithTheSameIdempotencyKeySendsOnce() {
        HttpResponse<String> first = post(key, body("+15554441212", "Once"), "appt-881-reminder");
        HttpResponse<String> second = post(key, body("+15554441212", "Once"), "appt-881-reminder");

        assertThat(relay.read(second).get("id").asLong()).isEqualTo(relay.read(first).get("id").asLong());
        assertThat(relay.entities(token, "message")).hasSize(1);
    }

    @Test
    void campaignsFollowTheSameOptOutAndValidationRules() {
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), "+15554441213", practice.number(), "STOP"));

        HttpResponse<String> optedOut = post(key, body("+15554441213", "Reminder"), null);
        HttpResponse<String> invalid = post(key, body("12345", "Reminder"), null);
        HttpResponse<String> noCampaign = post(key, "{\"to\":\"+15554441214\",\"body\":\"Hi\"}", null);

        assertThat(optedOut.statusCode()).isEqualTo(409);
        assertThat(relay.read(optedOut).get("error").get("code").asText()).isEqualTo("opted_out");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(noCampaign.statusCode()).isEqualTo(400);
    }

    /** A reminder system's text to a contact staff blocked, or who asked at the desk not to be texted, is refused like the desk's. */
    @Test
    void campaignsAreRefusedForABlockedContactAndForAnOptOutStaffRecorded() {
        for (String[] c : new String[][] {{"+15554441215", "block", "blocked"}, {"+15554441216", "opt-out", "opted_out"}}) {
            relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), c[0], practice.number(), "Hello"));
            long contact = relay.awaitEntity(token, "contact", k -> k.get("phone").asText().equals(c[0])).get("id").asLong();
            assertThat(relay.postJson("/api/v1/contacts/" + contact + "/" + c[1], token, java.util.Map.of()).statusCode()).isEqualTo(200);
            java.util.Set<Long> messages = relay.entities(token, "message").keySet();

            HttpResponse<String> refused = post(key, body(c[0], "Reminder: cleaning tomorrow"), "appt-" + c[1]);
            HttpResponse<String> replayed = post(key, body(c[0], "Reminder: cleaning tomorrow"), "appt-" + c[1]);

            for (HttpResponse<String> r : java.util.List.of(refused, replayed)) {
                assertThat(r.statusCode()).as(c[1]).isEqualTo(409);
                assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo(c[2]);
            }
            assertThat(relay.entities(token, "message").keySet()).as("nothing stored").isEqualTo(messages);
        }
    }

    @Test
    void missingOrUnknownApiKeyIsUnauthorized() {
        HttpResponse<String> none = post(null, body("+15554441212", "Hi"), null);
        HttpResponse<String> wrong = post("ptk_not-a-key", body("+15554441212", "Hi"), null);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(relay.read(wrong).get("error").get("code").asText()).isEqualTo("invalid_api_key");
    }

    @Test
    void aKeyOnlySendsForItsOwnPractice() {
        TestPractice other = relay.newPractice();
        String otherToken = relay.signIn(other, "staff");

        post(key, body("+15554441299", "Ours"), null);

        assertThat(relay.entities(otherToken, "message")).isEmpty();
        assertThat(relay.entities(token, "message")).hasSize(1);
    }
}
