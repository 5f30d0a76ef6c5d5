// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.practicetext.protocol.Json;

/**
 * A desk's sign-in, kept across relay restarts (tokens are stored, so they outlive the process):
 * signs in when it has no token, and again after a 401.
 */
final class DeskSession {
    private final RelayWire wire;
    private final CrashPractice practice;
    private final ObjectMapper json = Json.mapper();
    private volatile String token;

    DeskSession(RelayWire wire, CrashPractice practice) {
        this.wire = wire;
        this.practice = practice;
    }

    /** The token, signing in first if needed; empty while the relay cannot be reached. */
    Optional<String> token() {
        String current = token;
        if (current != null) {
            return Optional.of(current);
        }
        String body;
        try {
            body = json.writeValueAsString(Map.of("practice", practice.slug(), "username", practice.username(), "password", practice.password()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = wire.request("/api/v1/session", Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Optional<HttpResponse<String>> answer = wire.send("POST /api/v1/session", request);
        if (answer.isEmpty() || answer.get().statusCode() != 200) {
            return Optional.empty();
        }
        try {
            token = json.readTree(answer.get().body()).get("token").asText();
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Forgets a token the relay refused, so the next call signs in again. */
    void refused(String refusedToken) {
        if (refusedToken.equals(token)) {
            token = null;
        }
    }

    CrashPractice practice() {
        return practice;
    }
}
