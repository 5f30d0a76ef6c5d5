// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/** A relay whose trusted proxy is elsewhere: a caller's own {@code X-Forwarded-For} counts for nothing. */
class UntrustedForwardedForTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create().withEnv(Map.of("PT_TRUSTED_PROXIES", "10.20.30.0/24"));

    @Test
    void aForgedForwardedForDoesNotEscapeTheAddressLimit() {
        TestPractice practice = relay.newPractice();
        for (int i = 0; i < 50; i++) {
            String body = "{\"practice\":\"" + practice.slug() + "\",\"username\":\"user-" + i + "\",\"password\":\"Winter2026!\"}";
            int status = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/session"))).header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "198.51.100." + i).POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
            assertThat(status).isEqualTo(401);
        }

        assertThat(relay.postJson("/api/v1/session", null, Map.of("practice", practice.slug(), "username", "staff", "password", RelayFixture.PASSWORD))
                .statusCode()).isEqualTo(429);
    }
}
