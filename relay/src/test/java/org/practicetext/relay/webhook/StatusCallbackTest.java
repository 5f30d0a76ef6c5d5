// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.protocol.Sender;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.Practices;

class StatusCallbackTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();

    TestPractice practice;
    String token;
    String sid;
    static final String PATIENT = "+15557654321";

    /** An outbound message handed to the carrier, as the send path leaves it. */
    @BeforeEach
    void sentMessage() {
        practice = relay.newPractice();
        token = relay.signIn(practice, "staff");
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Hi"));
        long conversationId = relay.entities(token, "conversation").keySet().iterator().next();
        sid = RelayFixture.newSid();
        relay.server.database().inTransaction(tx -> {
            long practiceId = new Practices().bySlug(tx, practice.slug()).orElseThrow().id();
            return new Messages().insert(tx, practiceId, new Messages.NewMessage(conversationId, "out", "See you at 3", "queued", sid,
                    "client-1", Sender.user(1, "Sam Staff"), List.of(), relay.clock.instant()));
        });
    }

    private HttpResponse<String> status(String status, String errorCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", "AC" + "0".repeat(32));
        p.put("From", practice.number());
        p.put("To", PATIENT);
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("MessageStatus", status);
        p.put("SmsStatus", status);
        if (errorCode != null) {
            p.put("ErrorCode", errorCode);
        }
        return relay.webhook("/twilio/status", p);
    }

    /** The message as stored (the feed carries it only once its status has changed). */
    private JsonNode message() {
        return relay.json.valueToTree(relay.server.database().read(tx -> new Messages().bySid(tx, sid)).orElseThrow().view());
    }

    @Test
    void statusMovesForwardAndEachChangeIsAnEvent() {
        assertThat(status("sent", null).statusCode()).isEqualTo(200);
        assertThat(message().get("status").asText()).isEqualTo("sent");
        long afterSent = relay.head(token);

        status("delivered", null);

        assertThat(message().get("status").asText()).isEqualTo("delivered");
        List<JsonNode> newer = relay.events(token, afterSent);
        assertThat(newer).extracting(e -> e.get("type").asText()).containsExactly("message");
        assertThat(newer.getFirst().get("data").get("sid").asText()).isEqualTo(sid);
        assertThat(newer.getFirst().get("data").get("status").asText()).isEqualTo("delivered");
    }

    @Test
    void lateAndRepeatedCallbacksChangeNothing() {
        status("delivered", null);
        long head = relay.head(token);

        status("sent", null);
        status("queued", null);
        status("delivered", null);
        status("failed", "30003");

        assertThat(message().get("status").asText()).isEqualTo("delivered");
        assertThat(message().get("errorCode").isNull()).isTrue();
        assertThat(relay.head(token)).isEqualTo(head);
        long recorded = relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM status_callback WHERE sid = ?", rs -> rs.getLong(1), sid))
                .orElseThrow();
        assertThat(recorded).isEqualTo(5);
    }

    @Test
    void readMayFollowDelivered() {
        status("delivered", null);
        status("read", null);

        assertThat(message().get("status").asText()).isEqualTo("read");
    }

    @Test
    void failureKeepsTheCodeWithAPlainExplanation() {
        status("undelivered", "30003");

        JsonNode m = message();
        assertThat(m.get("status").asText()).isEqualTo("undelivered");
        assertThat(m.get("errorCode").asInt()).isEqualTo(30003);
        assertThat(m.get("errorMessage").asText()).contains("unreachable");
    }

    @Test
    void carrierOptOutErrorMarksTheContactOptedOut() {
        status("failed", "21610");

        JsonNode contact = relay.entities(token, "contact").values().iterator().next();
        assertThat(contact.get("optedOut").asBoolean()).isTrue();
        assertThat(contact.get("optedOutVia").asText()).isEqualTo("carrier");
    }

    @Test
    void landlineErrorMarksTheContactsLineAsLandline() {
        status("undelivered", "30006");

        JsonNode contact = relay.entities(token, "contact").values().iterator().next();
        assertThat(contact.get("lineType").asText()).isEqualTo("landline");
        assertThat(contact.get("optedOut").asBoolean()).isFalse();
    }

    @Test
    void callbackForAnUnknownSidIsAcceptedAndKept() {
        sid = RelayFixture.newSid();
        HttpResponse<String> response = status("sent", null);

        assertThat(response.statusCode()).isEqualTo(200);
        boolean kept = relay.server.database().read(tx -> tx.queryOne("SELECT applied FROM status_callback WHERE sid = ?", rs -> !rs.getBoolean(1), sid))
                .orElseThrow();
        assertThat(kept).isTrue();
    }

    @Test
    void forgedStatusCallbackIsRefused() {
        Map<String, String> p = Map.of("MessageSid", sid, "MessageStatus", "delivered");
        HttpResponse<String> response = relay.webhook("/twilio/status", p, relay.sign("https://evil.example/twilio/status", p));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(message().get("status").asText()).isEqualTo("queued");
    }

    @Test
    void malformedStatusCallbackIsABadRequest() {
        HttpResponse<String> noStatus = relay.webhook("/twilio/status", Map.of("MessageSid", sid));
        HttpResponse<String> badCode = relay.webhook("/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "x1"));

        assertThat(noStatus.statusCode()).isEqualTo(400);
        assertThat(relay.read(noStatus).get("error").get("message").asText()).contains("MessageStatus");
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(message().get("status").asText()).isEqualTo("queued");
    }

    @Test
    void carrierOptOutKeepsAnEarlierKeywordOptOutAsItWas() {
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "STOP"));
        relay.clock.advance(java.time.Duration.ofHours(1));

        status("failed", "21610");

        JsonNode contact = relay.entities(token, "contact").values().iterator().next();
        assertThat(contact.get("optedOutVia").asText()).isEqualTo("keyword");
        assertThat(contact.get("optedOutAt").asText()).isEqualTo("2026-11-02T15:00:00Z");
    }
}
