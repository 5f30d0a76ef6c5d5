// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.Role;
import org.practicetext.relay.RelayFixture;

/** The feed serves texts only to roles that may read them ({@code sms.view}). */
class FeedVisibilityTest {
    @TempDir
    Path dir;

    @Test
    void aRoleWithoutSmsViewGetsTheDirectoryButNoTexts() {
        try (RelayFixture relay = new RelayFixture(dir)) {
            RelayFixture.TestPractice practice = relay.newPractice();
            relay.server.tenancy().createUser(practice.slug(), "billing", "Bea Billing", Role.BILLING, RelayFixture.PASSWORD);
            relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "My tooth hurts"));
            String staff = relay.signIn(practice, "staff");
            relay.awaitEntity(staff, "message", m -> m.get("body").asText().equals("My tooth hurts"));
            java.util.Map<String, String> stop = RelayFixture.inbound(RelayFixture.newSid(), "+15557654322", practice.number(), "Stop texting me!");
            stop.put("OptOutType", "STOP");
            relay.webhook("/twilio/sms", stop);
            relay.awaitEntity(staff, "consent", c -> c.get("keywordText").asText().equals("Stop texting me!"));

            String billing = relay.signIn(practice, "billing");
            assertThat(relay.entities(billing, "message")).isEmpty();
            assertThat(relay.entities(billing, "conversation")).isEmpty();
            assertThat(relay.entities(billing, "consent")).as("a record keeps the patient's text").isEmpty();
            assertThat(relay.get("/api/v1/consent", billing).statusCode()).isEqualTo(403);
            assertThat(relay.entities(billing, "contact").values()).extracting(c -> c.get("phone").asText()).contains("+15557654321");
            assertThat(relay.head(billing)).isEqualTo(relay.head(staff));
            assertThat(relay.events(billing, 0)).extracting(e -> e.get("type").asText()).doesNotContain("message", "conversation", "consent");
            JsonNode staffView = relay.entities(staff, "conversation").values().iterator().next();
            assertThat(staffView.get("id").asLong()).isPositive();
        }
    }
}
