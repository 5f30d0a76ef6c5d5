// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;

/** {@code PT_CARRIER=twilio}: the relay sends through the Twilio SDK to {@code PT_TWILIO_API_BASE}. */
class TwilioRelayWiringTest {
    @TempDir
    Path dir;
    final MockWebServer twilio = new MockWebServer();

    @AfterEach
    void stop() throws Exception {
        twilio.close();
    }

    @Test
    void replyGoesToTheConfiguredTwilioApiWithTheStatusCallbackOfThePublicUrl() throws Exception {
        twilio.enqueue(TwilioCarrierTest.json(201, TwilioCarrierTest.created("SM" + "7".repeat(32), "queued", null)));
        twilio.start();
        String base = "http://127.0.0.1:" + twilio.getPort();
        try (RelayFixture relay = new RelayFixture(dir, Map.of("PT_CARRIER", "twilio", "TWILIO_ACCOUNT_SID", TwilioCarrierTest.ACCOUNT,
                "PT_TWILIO_API_BASE", base))) {
            RelayFixture.TestPractice practice = relay.newPractice();
            String token = relay.signIn(practice, "staff");

            HttpResponse<String> r = relay.postJson("/api/v1/messages", token, Map.of("clientId", "c-1", "to", "(555) 765-4321", "body", "Hello from the desk"));
            assertThat(r.statusCode()).isEqualTo(202);

            RecordedRequest request = twilio.takeRequest(10, TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/2010-04-01/Accounts/" + TwilioCarrierTest.ACCOUNT + "/Messages.json");
            Map<String, java.util.List<String>> form = TwilioCarrierTest.form(request);
            assertThat(form.get("To")).containsExactly("+15557654321");
            assertThat(form.get("From")).containsExactly(practice.number());
            assertThat(form.get("StatusCallback")).containsExactly(RelayFixture.PUBLIC_URL + "/twilio/status");
            JsonNode handed = relay.awaitEntity(token, "message", m -> m.get("sid").asText().equals("SM" + "7".repeat(32)));
            assertThat(handed.get("status").asText()).isEqualTo("queued");
            assertThat(twilio.getRequestCount()).isEqualTo(1);
        }
    }
}
