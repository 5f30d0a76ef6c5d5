// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.LogCapture;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * The sign-in throttle over HTTP, behind a reverse proxy: the relay trusts its loopback peer as
 * a proxy ({@code PT_TRUSTED_PROXIES}), so each test speaks for clients at addresses of its own
 * through {@code X-Forwarded-For}.
 */
class SignInThrottleTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create().withEnv(Map.of("PT_TRUSTED_PROXIES", "127.0.0.1, ::1"));
    TestPractice practice;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
    }

    private static HttpRequest signInRequest(String forwardedFor, String slug, String username, String password) {
        String body = "{\"practice\":\"" + slug + "\",\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        return HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/session"))).header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> signIn(String forwardedFor, String username, String password) {
        return relay.send(signInRequest(forwardedFor, practice.slug(), username, password));
    }

    private static String uniqueAddress() {
        int n = UUID.randomUUID().hashCode();
        return "203." + (n >>> 24 & 0x7F) + "." + (n >>> 16 & 0xFF) + "." + (n & 0xFF);
    }

    @Test
    void sixtyConcurrentWrongPasswordsGetFiveChecks() throws Exception {
        String address = uniqueAddress();
        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            guesses.add(relay.http.sendAsync(signInRequest(address, practice.slug(), "admin", "guess-" + i), HttpResponse.BodyHandlers.ofString()));
        }
        int checked = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> guess : guesses) {
            HttpResponse<String> r = guess.get();
            if (r.statusCode() == 401) {
                checked++;
            } else {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("too_many_attempts");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                refused++;
            }
        }

        assertThat(checked).isEqualTo(5);
        assertThat(refused).isEqualTo(55);
    }

    @Test
    void twentyFailuresFromOneAddressDoNotLockOutTheRestOfTheDesk() {
        String desk = uniqueAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(signIn(desk, "temp-" + i, "typo").statusCode()).isEqualTo(401);
        }

        assertThat(signIn(desk, "staff", RelayFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void fiftyFailuresFromOneAddressLockItForEveryAccountEvenWithTheRightPassword() {
        String sprayer = uniqueAddress();
        for (int i = 0; i < 50; i++) {
            assertThat(signIn(sprayer, "user-" + i, "Winter2026!").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = signIn(sprayer, "staff", RelayFixture.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(signIn(uniqueAddress(), "staff", RelayFixture.PASSWORD).statusCode()).as("the account from elsewhere").isEqualTo(200);
    }

    @Test
    void whatAClientWritesLeftOfTheProxysEntryDoesNotMakeItSomeoneElse() {
        String sprayer = uniqueAddress();
        for (int i = 0; i < 50; i++) {
            assertThat(signIn(uniqueAddress() + ", " + sprayer, "user-" + i, "Winter2026!").statusCode()).isEqualTo(401);
        }

        assertThat(signIn(uniqueAddress() + ", " + sprayer, "staff", RelayFixture.PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void aRejectedWebhookIsLoggedWithTheClientAddressBehindTheProxy() {
        Map<String, String> params = RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "hello");
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> r = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/twilio/sms")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                    .header("X-Forwarded-For", "198.51.100.77").POST(HttpRequest.BodyPublishers.ofString(RelayFixture.form(params))).build());

            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(log.text()).contains("X-Twilio-Signature from 198.51.100.77");
        }
    }
}
