// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

class InboundWebhookTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();

    TestPractice practice;
    String token;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        token = relay.signIn(practice, "staff");
    }

    private HttpResponse<String> text(String sid, String from, String body) {
        return relay.webhook("/twilio/sms", RelayFixture.inbound(sid, from, practice.number(), body));
    }

    private List<JsonNode> messages() {
        return List.copyOf(relay.entities(token, "message").values());
    }

    private JsonNode contact(String phone) {
        return relay.entities(token, "contact").values().stream().filter(c -> c.get("phone").asText().equals(phone)).findFirst().orElseThrow();
    }

    private JsonNode conversationWith(String phone) {
        return relay.entities(token, "conversation").values().stream().filter(c -> c.get("phone").asText().equals(phone)).findFirst().orElseThrow();
    }

    @Test
    void inboundTextIsStoredAndAnsweredWithEmptyTwiml() {
        String sid = RelayFixture.newSid();
        HttpResponse<String> response = text(sid, "+15557654321", "Can I move my appointment to Friday?");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        assertThat(response.body()).contains("<Response/>");
        JsonNode message = messages().getFirst();
        assertThat(message.get("sid").asText()).isEqualTo(sid);
        assertThat(message.get("direction").asText()).isEqualTo("in");
        assertThat(message.get("body").asText()).isEqualTo("Can I move my appointment to Friday?");
        assertThat(message.get("status").asText()).isEqualTo("received");
        assertThat(message.get("sender").get("kind").asText()).isEqualTo("contact");
        assertThat(message.get("createdAt").asText()).isEqualTo("2026-11-02T15:00:00Z");
    }

    @Test
    void unknownSenderBecomesALeadWithAnOpenUnreadConversation() {
        text(RelayFixture.newSid(), "+15557654321", "Do you take new patients?");

        JsonNode contact = contact("+15557654321");
        assertThat(contact.get("kind").asText()).isEqualTo("lead");
        JsonNode conversation = conversationWith("+15557654321");
        assertThat(conversation.get("status").asText()).isEqualTo("open");
        assertThat(conversation.get("unreadCount").asInt()).isEqualTo(1);
        assertThat(conversation.get("contactId").asLong()).isEqualTo(contact.get("id").asLong());
        assertThat(conversation.get("lastMessageAt").asText()).isEqualTo("2026-11-02T15:00:00Z");
    }

    @Test
    void repeatedMessageSidStoresNothingNew() {
        String sid = RelayFixture.newSid();
        text(sid, "+15557654321", "Hello");
        long head = relay.head(token);

        HttpResponse<String> again = text(sid, "+15557654321", "Hello");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("<Response/>");
        assertThat(relay.head(token)).isEqualTo(head);
        assertThat(messages()).hasSize(1);
        assertThat(conversationWith("+15557654321").get("unreadCount").asInt()).isEqualTo(1);
    }

    @Test
    void secondTextFromTheSameNumberJoinsTheSameConversation() {
        text(RelayFixture.newSid(), "+15557654321", "Hi");
        text(RelayFixture.newSid(), "+15557654321", "Are you open Saturday?");

        assertThat(relay.entities(token, "conversation")).hasSize(1);
        assertThat(conversationWith("+15557654321").get("unreadCount").asInt()).isEqualTo(2);
        assertThat(conversationWith("+15557654321").get("lastMessagePreview").asText()).isEqualTo("Are you open Saturday?");
    }

    @Test
    void textOnAClosedConversationReopensIt() {
        text(RelayFixture.newSid(), "+15557654321", "Thanks!");
        long id = conversationWith("+15557654321").get("id").asLong();
        relay.server.database().inTransaction(tx -> tx.update("UPDATE conversation SET status = 'closed', unread_count = 0 WHERE id = ?", id));

        text(RelayFixture.newSid(), "+15557654321", "One more question");

        JsonNode conversation = conversationWith("+15557654321");
        assertThat(conversation.get("status").asText()).isEqualTo("open");
        assertThat(conversation.get("unreadCount").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", "  Stop  ", "STOPALL", "unsubscribe", "Cancel", "END", "quit", "REVOKE", "optout", "Stop!"})
    void optOutWordsOptTheContactOut(String word) {
        text(RelayFixture.newSid(), "+15557654321", word);

        JsonNode contact = contact("+15557654321");
        assertThat(contact.get("optedOut").asBoolean()).isTrue();
        assertThat(contact.get("optedOutVia").asText()).isEqualTo("keyword");
    }

    @Test
    void stopInsideASentenceDoesNotOptOut() {
        text(RelayFixture.newSid(), "+15557654321", "Please stop by at 3");

        assertThat(contact("+15557654321").get("optedOut").asBoolean()).isFalse();
    }

    @Test
    void optOutTypeFromTwilioOptsOutWhateverTheBody() {
        var params = RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "Arrêtez");
        params.put("OptOutType", "STOP");
        relay.webhook("/twilio/sms", params);

        assertThat(contact("+15557654321").get("optedOut").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "yes", " Unstop "})
    void optInWordsOptTheContactBackIn(String word) {
        text(RelayFixture.newSid(), "+15557654321", "STOP");
        text(RelayFixture.newSid(), "+15557654321", word);

        JsonNode contact = contact("+15557654321");
        assertThat(contact.get("optedOut").asBoolean()).isFalse();
        assertThat(messages()).hasSize(2);
    }

    @Test
    void blockedContactsTextIsStoredButDoesNotReopenOrCountUnread() {
        text(RelayFixture.newSid(), "+15557654321", "spam 1");
        JsonNode before = conversationWith("+15557654321");
        long contactId = before.get("contactId").asLong();
        relay.server.database().inTransaction(tx -> {
            tx.update("UPDATE contact SET blocked = TRUE WHERE id = ?", contactId);
            return tx.update("UPDATE conversation SET status = 'closed', unread_count = 0 WHERE id = ?", before.get("id").asLong());
        });

        HttpResponse<String> response = text(RelayFixture.newSid(), "+15557654321", "spam 2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(messages()).extracting(m -> m.get("body").asText()).contains("spam 1", "spam 2");
        var db = relay.server.database();
        var state = db.read(tx -> tx.queryOne("SELECT status, unread_count FROM conversation WHERE id = ?",
                rs -> rs.getString(1) + "/" + rs.getInt(2), before.get("id").asLong())).orElseThrow();
        assertThat(state).isEqualTo("closed/0");
    }

    @Test
    void textToANumberNoPracticeOwnsIsKeptForAnAdministrator() {
        String sid = RelayFixture.newSid();
        long head = relay.head(token);
        HttpResponse<String> response = relay.webhook("/twilio/sms", RelayFixture.inbound(sid, "+15557654321", "+15550000001", "Hello?"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relay.head(token)).isEqualTo(head);
        String kept = relay.server.database().read(tx -> tx.queryOne("SELECT body FROM unrouted_message WHERE sid = ?", rs -> rs.getString(1), sid))
                .orElseThrow();
        assertThat(kept).isEqualTo("Hello?");
        assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(sid, "+15557654321", "+15550000001", "Hello?")).statusCode()).isEqualTo(200);
    }

    @Test
    void mediaUrlsAndContentTypesAreRecorded() {
        var params = RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "");
        params.put("NumMedia", "2");
        params.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
        params.put("MediaContentType0", "image/jpeg");
        params.put("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2");
        params.put("MediaContentType1", "application/pdf");
        relay.webhook("/twilio/sms", params);

        JsonNode media = messages().getFirst().get("media");
        assertThat(StreamSupport.stream(media.spliterator(), false).map(m -> m.get("contentType").asText()))
                .containsExactly("image/jpeg", "application/pdf");
        assertThat(media.get(0).get("url").asText()).endsWith("/Media/ME1");
        assertThat(conversationWith("+15557654321").get("lastMessagePreview").asText()).isEqualTo("2 attachments");
    }

    @Test
    void forgedSignatureIsRefusedAndNothingIsStored() {
        long head = relay.head(token);
        var params = RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "Hello");

        HttpResponse<String> forged = relay.webhook("/twilio/sms", params, "bm90LWEtcmVhbC1zaWduYXR1cmU=");
        HttpResponse<String> unsigned = relay.webhook("/twilio/sms", params, null);
        HttpResponse<String> internalUrl = relay.webhook("/twilio/sms", params, relay.sign(relay.uri("/twilio/sms"), params));
        params.put("Body", "Hello, changed in transit");
        HttpResponse<String> tampered = relay.webhook("/twilio/sms", params,
                relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms", RelayFixture.inbound(params.get("MessageSid"), "+15557654321", practice.number(), "Hello")));

        for (HttpResponse<String> response : List.of(forged, unsigned, internalUrl, tampered)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(relay.read(response).get("error").get("code").asText()).isEqualTo("bad_signature");
        }
        assertThat(relay.head(token)).isEqualTo(head);
        long stored = relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM message WHERE sid = ?",
                rs -> rs.getLong(1), params.get("MessageSid"))).orElseThrow();
        assertThat(stored).isZero();
    }

    @Test
    void signatureCoversTheRawQueryString() {
        var params = RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "Hi");
        String signed = relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms?practice=a&x=1", params);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.uri("/twilio/sms?practice=a&x=1")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signed)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(RelayFixture.form(params))).build();
        var reordered = java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.uri("/twilio/sms?x=1&practice=a")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signed)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(RelayFixture.form(params))).build();

        assertThat(relay.send(reordered).statusCode()).isEqualTo(403);
        assertThat(relay.send(request).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedWebhooksAreRefusedWithAReasonAndStoreNothing() {
        long head = relay.head(token);
        String sid = RelayFixture.newSid();
        Map<String, Map<String, String>> cases = new java.util.LinkedHashMap<>();
        var noFrom = RelayFixture.inbound(sid, "+15557654321", practice.number(), "Hi");
        noFrom.remove("From");
        cases.put("From", noFrom);
        var badSid = RelayFixture.inbound("SM123", "+15557654321", practice.number(), "Hi");
        cases.put("MessageSid", badSid);
        var badTo = RelayFixture.inbound(sid, "+15557654321", "555-1234", "Hi");
        cases.put("To", badTo);
        var badMedia = RelayFixture.inbound(sid, "+15557654321", practice.number(), "Hi");
        badMedia.put("NumMedia", "two");
        cases.put("NumMedia", badMedia);
        var missingMediaUrl = RelayFixture.inbound(sid, "+15557654321", practice.number(), "Hi");
        missingMediaUrl.put("NumMedia", "1");
        cases.put("MediaUrl0", missingMediaUrl);

        cases.forEach((field, params) -> {
            HttpResponse<String> response = relay.webhook("/twilio/sms", params);
            assertThat(response.statusCode()).as(field).isEqualTo(400);
            JsonNode error = relay.read(response).get("error");
            assertThat(error.get("code").asText()).isEqualTo("bad_request");
            assertThat(error.get("message").asText()).as(field).contains(field);
        });
        assertThat(relay.head(token)).isEqualTo(head);
    }

    @Test
    void oversizedWebhookIsRefusedWith413() {
        var params = RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "x".repeat(70_000));
        HttpResponse<String> response = relay.webhook("/twilio/sms", params);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(relay.read(response).get("error").get("code").asText()).isEqualTo("too_large");
    }

    @Test
    void textFromAnAlphanumericSenderIsKeptAsideNotLost() {
        String sid = RelayFixture.newSid();
        long head = relay.head(token);

        HttpResponse<String> response = relay.webhook("/twilio/sms", RelayFixture.inbound(sid, "VERIFY", practice.number(), "Your code is 1234"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relay.head(token)).isEqualTo(head);
        String reason = relay.server.database().read(tx -> tx.queryOne("SELECT reason FROM unrouted_message WHERE sid = ?", rs -> rs.getString(1), sid))
                .orElseThrow();
        assertThat(reason).isEqualTo("sender cannot be replied to");
    }

    @Test
    void firstTextFromABlockedContactOpensNoConversation() {
        relay.server.database().inTransaction(tx -> tx.update("""
                INSERT INTO contact (practice_id, phone, kind, blocked, created_at)
                SELECT practice_id, '+15557650000', 'lead', TRUE, CURRENT_TIMESTAMP FROM practice_number WHERE phone = ?""", practice.number()));

        text(RelayFixture.newSid(), "+15557650000", "Buy cheap watches");

        JsonNode conversation = conversationWith("+15557650000");
        assertThat(conversation.get("status").asText()).isEqualTo("closed");
        assertThat(conversation.get("unreadCount").asInt()).isZero();
    }

    @Test
    void bodyOf1600CharactersWithEmojiIsAccepted() {
        String body = "😀".repeat(800) + "a".repeat(800);

        assertThat(text(RelayFixture.newSid(), "+15557654321", body).statusCode()).isEqualTo(200);
        assertThat(text(RelayFixture.newSid(), "+15557654321", body + "b").statusCode()).isEqualTo(400);
    }

    @Test
    void unparseableQueryStringIsAForbiddenSignatureNotACrash() {
        var params = RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "Hi");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.uri("/twilio/sms?x=a%7Cc")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", "bad")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(RelayFixture.form(params))).build();
        var raw = java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.uri("/twilio/sms?x=a%7Cc")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms?x=a%7Cc", params))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(RelayFixture.form(params))).build();

        assertThat(relay.send(request).statusCode()).isEqualTo(403);
        assertThat(relay.send(raw).statusCode()).isEqualTo(200);
    }
}
