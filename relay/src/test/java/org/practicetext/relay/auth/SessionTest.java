// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

class SessionTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    TestPractice practice;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
    }

    private HttpResponse<String> signIn(String slug, String username, String password) {
        return relay.postJson("/api/v1/session", null, Map.of("practice", slug, "username", username, "password", password));
    }

    private String code(HttpResponse<String> response) {
        return relay.read(response).get("error").get("code").asText();
    }

    @Test
    void signInReturnsATokenWithTheUserAndPractice() {
        HttpResponse<String> response = signIn(practice.slug(), "staff", RelayFixture.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = relay.read(response);
        assertThat(body.get("token").asText()).startsWith("pt_").hasSizeGreaterThan(40);
        assertThat(body.get("user").get("name").asText()).isEqualTo("Sam Staff");
        assertThat(body.get("user").get("role").asText()).isEqualTo("staff");
        assertThat(body.get("user").get("permissions").toString()).contains("sms.send").doesNotContain("settings.manage");
        assertThat(body.get("practice").get("slug").asText()).isEqualTo(practice.slug());
        assertThat(body.get("expiresAt").asText()).isEqualTo("2026-12-02T15:00:00Z");
    }

    @Test
    void usernameIsNotCaseSensitive() {
        assertThat(signIn(practice.slug(), "STAFF", RelayFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheTokensHashIsStored() {
        String token = relay.signIn(practice, "staff");

        long plain = relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM session_token WHERE token_hash = ?", rs -> rs.getLong(1), token))
                .orElseThrow();
        long hashed = relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM session_token WHERE token_hash = ?", rs -> rs.getLong(1),
                Tokens.hash(token))).orElseThrow();
        assertThat(plain).isZero();
        assertThat(hashed).isOne();
    }

    @Test
    void wrongPasswordUnknownUserAndUnknownPracticeAllGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = signIn(practice.slug(), "staff", "not the password");
        HttpResponse<String> unknownUser = signIn(practice.slug(), "nobody", RelayFixture.PASSWORD);
        HttpResponse<String> unknownPractice = signIn("no-such-practice", "staff", RelayFixture.PASSWORD);

        for (HttpResponse<String> r : List.of(wrongPassword, unknownUser, unknownPractice)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(code(r)).isEqualTo("bad_credentials");
        }
        assertThat(relay.read(wrongPassword).get("error").get("message").asText())
                .isEqualTo(relay.read(unknownPractice).get("error").get("message").asText());
    }

    @Test
    void repeatedBadSignInsAreSlowedDownEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(practice.slug(), "admin", "guess-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = signIn(practice.slug(), "admin", RelayFixture.PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(code(locked)).isEqualTo("too_many_attempts");
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(signIn(practice.slug(), "staff", RelayFixture.PASSWORD).statusCode()).as("another account").isEqualTo(200);

        relay.clock.advance(Duration.ofSeconds(31));
        assertThat(signIn(practice.slug(), "admin", RelayFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void missingFieldsAndMalformedJsonAreBadRequests() {
        HttpResponse<String> missing = relay.postJson("/api/v1/session", null, Map.of("practice", practice.slug()));
        HttpResponse<String> malformed = relay.postRaw("/api/v1/session", null, "{\"practice\": ");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(code(missing)).isEqualTo("bad_request");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(code(malformed)).isEqualTo("malformed_json");
    }

    @Test
    void apiCallsWithoutOrWithAnUnknownTokenAreUnauthorized() {
        HttpResponse<String> none = relay.get("/api/v1/events?after=0", null);
        HttpResponse<String> unknown = relay.get("/api/v1/events?after=0", "pt_not-a-token");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(code(none)).isEqualTo("unauthorized");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(code(unknown)).isEqualTo("invalid_token");
    }

    @Test
    void tokenExpiresAfterItsLifetime() {
        String token = relay.signIn(practice, "staff");
        relay.clock.advance(Duration.ofDays(29));
        assertThat(relay.get("/api/v1/session", token).statusCode()).isEqualTo(200);

        relay.clock.advance(Duration.ofDays(1));
        HttpResponse<String> expired = relay.get("/api/v1/events?after=0", token);

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(code(expired)).isEqualTo("token_expired");
    }

    @Test
    void signOutRevokesTheToken() {
        String token = relay.signIn(practice, "staff");
        String other = relay.signIn(practice, "staff");
        HttpResponse<String> out = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/session")))
                .header("Authorization", "Bearer " + token).DELETE().build());

        assertThat(out.statusCode()).isEqualTo(204);
        HttpResponse<String> after = relay.get("/api/v1/events?after=0", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(code(after)).isEqualTo("token_revoked");
        assertThat(relay.get("/api/v1/events?after=0", other).statusCode()).as("other sessions stay").isEqualTo(200);
    }

    @Test
    void whoAmIDescribesTheCaller() {
        String token = relay.signIn(practice, "viewer");

        JsonNode me = relay.read(relay.get("/api/v1/session", token));

        assertThat(me.get("user").get("username").asText()).isEqualTo("viewer");
        assertThat(me.get("user").get("role").asText()).isEqualTo("viewer");
        assertThat(me.get("user").get("permissions").toString()).isEqualTo("[\"sms.view\"]");
        assertThat(me.get("practice").get("slug").asText()).isEqualTo(practice.slug());
    }

    @Test
    void nullBodyAndTrailingSlashAreHandled() {
        HttpResponse<String> nullBody = relay.postRaw("/api/v1/session", null, "null");
        HttpResponse<String> slash = relay.postJson("/api/v1/session/", null,
                Map.of("practice", practice.slug(), "username", "staff", "password", RelayFixture.PASSWORD));

        assertThat(nullBody.statusCode()).isEqualTo(400);
        assertThat(slash.statusCode()).isEqualTo(200);
    }
}
