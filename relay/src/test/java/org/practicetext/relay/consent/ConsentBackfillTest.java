// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.protocol.EventTypes;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.TestStore;

/**
 * The V15 migration gives every contact opted out or blocked before consent records were kept one
 * record, from what the flags knew, and the next start puts those records in the feed. The database
 * is taken back to V14 as a V14 relay left it (no {@code consent_record}, V15 not in Flyway's
 * history, the flags as they were), on either store, and a relay then starts on it.
 */
class ConsentBackfillTest {
    static final String STOPPED = "+15554440001";
    static final String CARRIER = "+15554440002";
    static final String BLOCKED = "+15554440003";
    static final String TEXTING = "+15554440004";

    @TempDir
    Path dir;

    @Test
    void contactsOptedOutOrBlockedBeforeV15GetOneRecordEachInTheFeed() throws Exception {
        TestPractice practice;
        try (RelayFixture relay = new RelayFixture(dir)) {
            practice = relay.newPractice();
            String staff = relay.signIn(practice, "staff");
            for (String phone : List.of(STOPPED, CARRIER, BLOCKED, TEXTING)) {
                relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), phone, practice.number(), "Hello"));
            }
            long blocked = relay.awaitEntity(staff, EventTypes.CONTACT, c -> c.get("phone").asText().equals(BLOCKED)).get("id").asLong();
            assertThat(relay.postJson("/api/v1/contacts/" + blocked + "/block", staff, Map.of()).statusCode()).isEqualTo(200);
        }
        try (Connection c = TestStore.current().connect(dir); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE contact SET opted_out = TRUE, opted_out_at = TIMESTAMP WITH TIME ZONE '2026-10-01 12:00:00+00', "
                    + "opted_out_via = 'keyword' WHERE phone = '" + STOPPED + "'");
            s.executeUpdate("UPDATE contact SET opted_out = TRUE, opted_out_at = TIMESTAMP WITH TIME ZONE '2026-10-02 12:00:00+00', "
                    + "opted_out_via = 'carrier' WHERE phone = '" + CARRIER + "'");
            s.executeUpdate("DELETE FROM feed_event WHERE entity_type = 'consent'");
            s.executeUpdate("DROP TABLE consent_record");
            s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '15'");
            c.commit();
        }

        try (RelayFixture relay = new RelayFixture(dir)) {
            String admin = relay.signIn(practice, "admin");
            Map<String, Long> ids = new java.util.HashMap<>();
            relay.entities(admin, EventTypes.CONTACT).values().forEach(k -> ids.put(k.get("phone").asText(), k.get("id").asLong()));
            List<JsonNode> listed = new ArrayList<>();
            relay.read(relay.get("/api/v1/consent", admin)).forEach(listed::add);
            List<JsonNode> feed = new ArrayList<>(relay.entities(admin, EventTypes.CONSENT).values());

            assertThat(listed).extracting(r -> r.get("contactId").asLong() + " " + r.get("change").asText() + " " + r.get("source").asText())
                    .containsExactly(ids.get(STOPPED) + " opted_out keyword", ids.get(CARRIER) + " opted_out carrier",
                            ids.get(BLOCKED) + " blocked staff");
            assertThat(listed).allMatch(r -> r.get("reason").asText().equals("Recorded before consent records were kept"))
                    .allMatch(r -> !r.get("conversationId").isNull());
            assertThat(listed.get(0).get("at").asText()).isEqualTo("2026-10-01T12:00:00Z");
            assertThat(listed.get(1).get("errorCode").asInt()).isEqualTo(21610);
            assertThat(listed.get(2).get("byName").asText()).isEqualTo("Sam Staff");
            assertThat(feed).as("in the feed, announced once").containsExactlyInAnyOrderElementsOf(listed);
        }
        try (RelayFixture relay = new RelayFixture(dir)) {
            assertThat(relay.entities(relay.signIn(practice, "admin"), EventTypes.CONSENT)).as("a second start announces nothing again").hasSize(3);
        }
    }
}
