// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.PostgresOnly;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.TestPostgres;

/**
 * Two relay nodes on one PostgreSQL database, behind one balancer: failed sign-ins spread over
 * both lock the account as on one node, a token signed out on one is refused by the other, and
 * its long-poll parked on the other ends at once (the session notice), not at its next wake-up.
 */
@PostgresOnly("several relay nodes share a database only on PostgreSQL")
class SeveralNodesSignInTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    TestPostgres.TestDatabase database;
    RelayFixture nodeA;
    RelayFixture nodeB;
    TestPractice practice;

    @BeforeEach
    void twoNodesOnOneDatabase() {
        database = TestPostgres.require().newDatabase();
        nodeA = node(dirA, "node-a");
        nodeB = node(dirB, "node-b");
        practice = nodeA.newPractice();
    }

    private RelayFixture node(Path dir, String id) {
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("PT_NODE_ID", id);
        return new RelayFixture(dir, env);
    }

    @AfterEach
    void stop() {
        nodeB.close();
        nodeA.close();
        database.close();
    }

    private HttpResponse<String> signIn(RelayFixture node, String password) {
        return node.postJson("/api/v1/session", null, Map.of("practice", practice.slug(), "username", "staff", "password", password));
    }

    @Test
    void failuresSpreadOverTwoNodesLockTheAccountOnBoth() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(nodeA, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(signIn(nodeB, "wrong-3").statusCode()).isEqualTo(401);
        assertThat(signIn(nodeB, "wrong-4").statusCode()).as("the fifth failure, the second on node B").isEqualTo(401);

        for (RelayFixture node : new RelayFixture[] {nodeA, nodeB}) {
            HttpResponse<String> right = signIn(node, RelayFixture.PASSWORD);
            assertThat(right.statusCode()).as("locked on both nodes, even with the right password").isEqualTo(429);
            assertThat(node.read(right).get("error").get("code").asText()).isEqualTo("too_many_attempts");
            assertThat(right.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void aSuccessOnOneNodeForgivesTheAccountOnTheOther() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(nodeA, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(signIn(nodeB, RelayFixture.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(signIn(nodeB, "wrong-3").statusCode()).isEqualTo(401);
        assertThat(signIn(nodeB, "wrong-4").statusCode()).isEqualTo(401);
        assertThat(signIn(nodeB, RelayFixture.PASSWORD).statusCode()).as("two failures since the success: not locked").isEqualTo(200);
    }

    @Test
    void aTokenSignedOutOnOneNodeIsRefusedByTheOther() throws Exception {
        String token = nodeA.signIn(practice, "staff");
        assertThat(nodeB.get("/api/v1/session", token).statusCode()).isEqualTo(200);

        HttpResponse<String> out = nodeA.send(HttpRequest.newBuilder(URI.create(nodeA.uri("/api/v1/session")))
                .header("Authorization", "Bearer " + token).DELETE().build());
        assertThat(out.statusCode()).isBetween(200, 204);

        HttpResponse<String> onB = nodeB.get("/api/v1/session", token);
        assertThat(onB.statusCode()).isEqualTo(401);
        assertThat(nodeB.read(onB).get("error").get("code").asText()).isEqualTo("token_revoked");
    }

    /** A poll of {@code token} parked on node B, once B holds it. */
    private CompletableFuture<HttpResponse<String>> parkedOnB(String token) throws InterruptedException {
        long head = nodeB.head(token);
        CompletableFuture<HttpResponse<String>> poll = nodeB.getAsync("/api/v1/events?after=" + head + "&wait=30", token);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (nodeB.server.feed().hub().parked() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(nodeB.server.feed().hub().parked()).as("the poll is parked on node B").isEqualTo(1);
        return poll;
    }

    @Test
    void aPollParkedOnTheOtherNodeEndsAtOnceWhenItsTokenIsSignedOut() throws Exception {
        String token = nodeA.signIn(practice, "staff");
        CompletableFuture<HttpResponse<String>> poll = parkedOnB(token);

        HttpResponse<String> out = nodeA.send(HttpRequest.newBuilder(URI.create(nodeA.uri("/api/v1/session")))
                .header("Authorization", "Bearer " + token).DELETE().build());
        assertThat(out.statusCode()).isBetween(200, 204);

        // No event is written by a sign-out: only the session notice can end the 30-second wait this soon.
        HttpResponse<String> ended = poll.get(5, TimeUnit.SECONDS);
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(nodeB.read(ended).get("error").get("code").asText()).isEqualTo("token_revoked");
        assertThat(nodeB.server.feed().hub().parked()).isZero();
    }

    @Test
    void aPollParkedOnTheOtherNodeEndsAtOnceWhenAnAdminDeactivatesItsUser() throws Exception {
        String staff = nodeA.signIn(practice, "staff");
        String admin = nodeA.signIn(practice, "admin");
        long staffId = nodeA.read(nodeA.get("/api/v1/session", staff)).get("user").get("id").asLong();
        CompletableFuture<HttpResponse<String>> poll = parkedOnB(staff);

        assertThat(nodeA.postJson("/api/v1/team/" + staffId + "/deactivate", admin, Map.of()).statusCode()).isEqualTo(200);

        HttpResponse<String> ended = poll.get(5, TimeUnit.SECONDS);
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(nodeB.read(ended).get("error").get("code").asText()).isEqualTo("token_revoked");
    }
}
