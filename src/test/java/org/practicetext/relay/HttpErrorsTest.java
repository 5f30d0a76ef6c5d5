// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpErrorsTest {
    @TempDir
    static Path dir;
    static RelayFixture relay;

    @BeforeAll
    static void start() {
        relay = new RelayFixture(dir);
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void unknownRouteIsA404InTheErrorShape() {
        HttpResponse<String> r = relay.get("/no/such/thing", null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = relay.read(r).get("error");
        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void oversizedApiBodyIsA413() {
        HttpResponse<String> r = relay.postRaw("/api/v1/session", null, "{\"practice\":\"" + "x".repeat(300_000) + "\"}");

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("too_large");
    }

    @Test
    void healthAnswers() {
        assertThat(relay.read(relay.get("/health", null)).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void wrongMethodOnAKnownPathIsA405InTheErrorShape() {
        HttpResponse<String> r = relay.get("/twilio/sms", null);

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("method_not_allowed");
    }
}
