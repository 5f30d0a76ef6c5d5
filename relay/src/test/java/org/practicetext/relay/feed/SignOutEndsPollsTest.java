// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.auth.Tokens;

/** A long-poll parked by a sign-in ends with that sign-in; it never serves events after it. */
class SignOutEndsPollsTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    TestPractice practice;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
    }

    /** Parks a poll and waits until {@code parkedInAll} polls are parked (the tests' polls all end before the next test). */
    private CompletableFuture<HttpResponse<String>> parkedPoll(String token, int parkedInAll) throws InterruptedException {
        CompletableFuture<HttpResponse<String>> poll = relay.getAsync("/api/v1/events?after=" + relay.head(token) + "&wait=30", token);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (relay.server.feed().hub().parked() < parkedInAll) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the poll never parked");
            }
            Thread.sleep(10);
        }
        return poll;
    }

    private void text(String body) {
        assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), body))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheTokensParkedPollAndItGetsNoEvents() throws Exception {
        String token = relay.signIn(practice, "staff");
        String otherDesk = relay.signIn(practice, "staff");
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(token, 1);
        CompletableFuture<HttpResponse<String>> otherPoll = parkedPoll(otherDesk, 2);

        HttpResponse<String> out = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/session")))
                .header("Authorization", "Bearer " + token).DELETE().build());
        assertThat(out.statusCode()).isEqualTo(204);
        text("Is my crown ready?");

        HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(relay.read(answer).get("error").get("code").asText()).isEqualTo("token_revoked");
        assertThat(answer.body()).doesNotContain("crown").doesNotContain("5557654321");
        assertThat(otherPoll.get(10, TimeUnit.SECONDS).body()).as("the other desk's sign-in stays").contains("Is my crown ready?");
    }

    @Test
    void aPollWhoseTokenWasRevokedElsewhereChecksItBeforeServing() throws Exception {
        String token = relay.signIn(practice, "staff");
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(token, 1);
        // As another relay node sharing the database would sign it out: this node's hub is not told.
        relay.server.database().inTransaction(tx -> tx.update("UPDATE session_token SET revoked_at = CURRENT_TIMESTAMP WHERE token_hash = ?",
                Tokens.hash(token)));

        text("Running ten minutes late");

        HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(relay.read(answer).get("error").get("code").asText()).isEqualTo("token_revoked");
        assertThat(answer.body()).doesNotContain("ten minutes");
    }
}
