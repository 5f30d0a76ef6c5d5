// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.demo.DemoPractice;

class DemoAndRestartTest {
    @TempDir
    Path dir;

    @Test
    void demoPracticeIsSeededOnceAndItsTeamCanSignIn() {
        try (RelayFixture relay = new RelayFixture(dir)) {
            DemoPractice demo = new DemoPractice(relay.server.database(), relay.server.feed(), relay.server.tenancy(), relay.clock, relay.server.requests());
            assertThat(demo.seedOnce()).isTrue();
            assertThat(demo.seedOnce()).isFalse();

            HttpResponse<String> session = relay.postJson("/api/v1/session", null,
                    Map.of("practice", "demo", "username", "alex", "password", DemoPractice.PASSWORD));
            assertThat(session.statusCode()).isEqualTo(200);
            String token = relay.read(session).get("token").asText();
            Map<Long, JsonNode> conversations = relay.entities(token, "conversation");
            Map<Long, JsonNode> contacts = relay.entities(token, "contact");
            assertThat(conversations).hasSizeGreaterThanOrEqualTo(6);
            assertThat(contacts.values()).anyMatch(c -> c.get("optedOut").asBoolean());
            assertThat(contacts.values()).anyMatch(c -> c.get("blocked").asBoolean());
            assertThat(contacts.values()).anyMatch(c -> c.get("kind").asText().equals("lead"));
            assertThat(conversations.values()).anyMatch(c -> c.get("status").asText().equals("closed"));
            long blockedContact = contacts.values().stream().filter(c -> c.get("blocked").asBoolean()).findFirst().orElseThrow().get("id").asLong();
            assertThat(conversations.values()).filteredOn(c -> c.get("contactId").asLong() == blockedContact)
                    .allMatch(c -> c.get("status").asText().equals("closed"));
            assertThat(relay.entities(token, "message").values())
                    .anyMatch(m -> m.get("sender").get("kind").asText().equals("campaign"))
                    .anyMatch(m -> m.get("sender").get("kind").asText().equals("user"))
                    .anyMatch(m -> m.get("status").asText().equals("undelivered") && m.get("errorCode").asInt() == 30006);
            Map<Long, JsonNode> requests = relay.entities(token, "request");
            assertThat(requests.values()).extracting(r -> r.get("status").asText()).contains("paid", "delivered", "expired", "accepted");
            for (JsonNode request : requests.values()) {
                String page = java.net.URI.create(request.get("link").asText()).getRawPath();
                int status = relay.get(page, null).statusCode();
                assertThat(status).as(request.get("status").asText() + " " + page).isEqualTo(request.get("status").asText().equals("expired") ? 410 : 200);
            }
            JsonNode settings = relay.read(relay.get("/api/v1/settings", token));
            assertThat(settings.get("displayName").asText()).isEqualTo("Bright Smile Dental");
            assertThat(settings.get("forms")).hasSize(2);
            assertThat(settings.get("reviewUrl").asText()).isEqualTo(DemoPractice.REVIEW_URL);
            for (String[] member : DemoPractice.TEAM) {
                assertThat(relay.postJson("/api/v1/session", null,
                        Map.of("practice", "demo", "username", member[0], "password", DemoPractice.PASSWORD)).statusCode()).isEqualTo(200);
            }
        }
    }

    /** Robert texted "Stop." (one word, its full stop ignored; Twilio named it STOP); Alex blocked the prize scam, saying why. */
    @Test
    void theDemosOptedOutAndBlockedContactsHaveTheRecordsThatExplainThem() {
        try (RelayFixture relay = new RelayFixture(dir)) {
            new DemoPractice(relay.server.database(), relay.server.feed(), relay.server.tenancy(), relay.clock, relay.server.requests()).seedOnce();
            String token = relay.read(relay.postJson("/api/v1/session", null, Map.of("practice", "demo", "username", "alex", "password",
                    DemoPractice.PASSWORD))).get("token").asText();
            Map<Long, JsonNode> contacts = relay.entities(token, "contact");
            List<JsonNode> records = new ArrayList<>(relay.entities(token, "consent").values());

            assertThat(records).hasSize(2);
            JsonNode stop = records.stream().filter(r -> r.get("change").asText().equals("opted_out")).findFirst().orElseThrow();
            assertThat(contacts.get(stop.get("contactId").asLong()).get("name").asText()).isEqualTo("Robert Chen");
            assertThat(stop.get("source").asText()).isEqualTo("keyword");
            assertThat(stop.get("keywordText").asText()).isEqualTo("Stop.");
            assertThat(stop.get("optOutType").asText()).isEqualTo("STOP");
            JsonNode message = relay.entities(token, "message").get(stop.get("messageId").asLong());
            assertThat(message.get("body").asText()).isEqualTo("Stop.");
            assertThat(message.get("createdAt").asText()).isEqualTo(stop.get("at").asText());
            JsonNode block = records.stream().filter(r -> r.get("change").asText().equals("blocked")).findFirst().orElseThrow();
            assertThat(contacts.get(block.get("contactId").asLong()).get("blocked").asBoolean()).isTrue();
            assertThat(block.get("source").asText()).isEqualTo("staff");
            assertThat(block.get("byName").asText()).isEqualTo("Alex Rivera");
            assertThat(block.get("reason").asText()).isNotBlank();
            assertThat(relay.read(relay.get("/api/v1/consent", token))).hasSize(2);
        }
    }

    @Test
    void theDemoTeamHasAMemberWhoseRoleDoesNotIncludeTexting() {
        try (RelayFixture relay = new RelayFixture(dir)) {
            new DemoPractice(relay.server.database(), relay.server.feed(), relay.server.tenancy(), Clock.systemUTC(), relay.server.requests()).seedOnce();
            HttpResponse<String> session = relay.postJson("/api/v1/session", null,
                    Map.of("practice", "demo", "username", "casey", "password", DemoPractice.PASSWORD));
            assertThat(session.statusCode()).isEqualTo(200);
            JsonNode user = relay.read(session).get("user");
            assertThat(user.get("role").asText()).isEqualTo("billing");
            assertThat(user.get("permissions")).extracting(JsonNode::asText).doesNotContain("sms.view").contains("contacts.manage");
        }
    }

    @Test
    void theDemoHasFrontDeskTemplatesThatUseThePlaceholders() {
        try (RelayFixture relay = new RelayFixture(dir)) {
            new DemoPractice(relay.server.database(), relay.server.feed(), relay.server.tenancy(), Clock.systemUTC(), relay.server.requests()).seedOnce();
            String token = relay.read(relay.postJson("/api/v1/session", null,
                    Map.of("practice", "demo", "username", "jordan", "password", DemoPractice.PASSWORD))).get("token").asText();
            Map<Long, JsonNode> templates = relay.entities(token, "template");
            assertThat(templates.values()).extracting(t -> t.get("name").asText())
                    .contains("Appointment confirmation", "Running late", "Insurance card request", "Post-op check-in", "Balance reminder",
                            "Directions and parking");
            assertThat(templates.values()).allMatch(t -> !t.get("deleted").asBoolean())
                    .anyMatch(t -> t.get("body").asText().contains("{first name}"))
                    .anyMatch(t -> t.get("body").asText().contains("{practice name}"));
        }
    }

    @Test
    void whatWasAnsweredSurvivesARestart() {
        RelayFixture.TestPractice practice;
        String sid = RelayFixture.newSid();
        try (RelayFixture relay = new RelayFixture(dir)) {
            practice = relay.newPractice();
            assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(sid, "+15557654321", practice.number(), "Still here?")).statusCode())
                    .isEqualTo(200);
        }
        try (RelayFixture relay = new RelayFixture(dir)) {
            String token = relay.signIn(practice, "staff");
            assertThat(relay.entities(token, "message").values()).extracting(m -> m.get("sid").asText()).containsExactly(sid);
            assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(sid, "+15557654321", practice.number(), "Still here?")).statusCode())
                    .isEqualTo(200);
            assertThat(relay.entities(token, "message")).hasSize(1);
        }
    }

    @Test
    void concurrentDeliveriesOfOneMessageStoreItOnce() throws Exception {
        try (RelayFixture relay = new RelayFixture(dir); ExecutorService pool = Executors.newFixedThreadPool(8)) {
            RelayFixture.TestPractice practice = relay.newPractice();
            String token = relay.signIn(practice, "staff");
            List<Callable<Integer>> deliveries = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                String sid = RelayFixture.newSid();
                for (int i = 0; i < 8; i++) {
                    deliveries.add(() -> relay.webhook("/twilio/sms", RelayFixture.inbound(sid, "+15557654321", practice.number(), "Twice?")).statusCode());
                }
            }
            for (Future<Integer> f : pool.invokeAll(deliveries)) {
                assertThat(f.get()).isEqualTo(200);
            }
            assertThat(relay.entities(token, "message")).hasSize(5);
            assertThat(relay.entities(token, "conversation").values().iterator().next().get("unreadCount").asInt()).isEqualTo(5);
        }
    }
}
