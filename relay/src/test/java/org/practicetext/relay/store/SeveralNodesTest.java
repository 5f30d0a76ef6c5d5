// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.PostgresOnly;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.TestPostgres;
import org.practicetext.relay.send.Carrier;
import org.practicetext.relay.send.CarrierReceipt;
import org.practicetext.relay.send.OutboundText;

/**
 * Two relay nodes on one PostgreSQL database wake each other through {@code LISTEN/NOTIFY}
 * ({@link PgNotifications}): a desk's poll parked on one node answers a webhook stored by the
 * other, a message sent through one is handed to the carrier once though both dispatchers are
 * woken, and a listener whose connection was killed reconnects and re-reads what it missed.
 */
@PostgresOnly("several relay nodes share a database only on PostgreSQL, and LISTEN/NOTIFY is PostgreSQL's")
class SeveralNodesTest {
    private static final String PATIENT = "+15557654321";

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    TestPostgres.TestDatabase database;
    RelayFixture nodeA;
    RelayFixture nodeB;
    /** Every hand-off to the carrier, by either node (the one carrier at the edge of the world). */
    final List<OutboundText> handedOver = new CopyOnWriteArrayList<>();
    final AtomicInteger sids = new AtomicInteger();
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
        return new RelayFixture(dir, env, server -> new Carrier() {
            @Override
            public CarrierReceipt send(OutboundText text) {
                handedOver.add(text);
                return new CarrierReceipt("SM" + id.replace("-", "") + sids.incrementAndGet(), "queued");
            }

            @Override
            public Optional<CarrierReceipt> findSent(OutboundText text, Instant since) {
                return Optional.empty();
            }
        });
    }

    @AfterEach
    void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aPollParkedOnOneNodeAnswersAWebhookStoredByTheOther() throws Exception {
        String desk = nodeB.signIn(practice, "staff");
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(nodeB, desk);

        java.util.concurrent.atomic.AtomicLong answeredAt = new java.util.concurrent.atomic.AtomicLong();
        CompletableFuture<HttpResponse<String>> timed = poll.whenComplete((r, e) -> answeredAt.set(System.nanoTime()));
        long sent = System.nanoTime();
        text(nodeA, "Is my crown ready?");
        long acknowledged = System.nanoTime();
        HttpResponse<String> answer = timed.get(5, TimeUnit.SECONDS); // generous: the wake-up takes milliseconds

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(bodies(nodeB.read(answer))).contains("Is my crown ready?");
        System.out.printf("cross-node wake-up: webhook on node A took %.1f ms; the poll on node B answered %.1f ms after its acknowledgement%n",
                (acknowledged - sent) / 1e6, (answeredAt.get() - acknowledged) / 1e6);
    }

    @Test
    void aMessageSentThroughOneNodeIsHandedToTheCarrierOnceThoughBothDispatchersAreWoken() throws Exception {
        AtomicInteger wokenOnB = new AtomicInteger();
        nodeB.server.dispatchSignal().subscribe(wokenOnB::incrementAndGet);
        String desk = nodeA.signIn(practice, "staff");
        int messages = 10;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            HttpResponse<String> sent = nodeA.postJson("/api/v1/messages", desk,
                    Map.of("clientId", UUID.randomUUID().toString(), "to", PATIENT, "body", "Reminder " + i));
            assertThat(sent.statusCode()).isEqualTo(202);
            ids.add(nodeA.read(sent).get("id").asLong());
        }

        await("node B's dispatcher is woken by node A's sends", () -> wokenOnB.get() > 0);
        for (long id : ids) {
            nodeA.awaitEntity(desk, "message", m -> m.get("id").asLong() == id && !m.get("sid").isNull());
        }
        // Both dispatchers have had their rounds; a second hand-off would show up now (not a timing assertion).
        Thread.sleep(500);
        assertThat(handedOver).hasSize(messages);
        assertThat(handedOver.stream().map(OutboundText::body).distinct()).hasSize(messages);
    }

    @Test
    void aListenerWhoseConnectionWasKilledReconnectsAndReReadsWhatItMissed() throws Exception {
        PgNotifications listener = nodeB.server.notifications().orElseThrow();
        assertThat(ready(nodeB).get("checks").get("listener").get("ok").asBoolean()).isTrue();
        String desk = nodeB.signIn(practice, "staff");
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(nodeB, desk);

        int pid = listener.backendPid();
        // From the server's own database: a database cannot be closed to connections from inside it.
        try (Connection c = DriverManager.getConnection(System.getenv(TestPostgres.URL_ENV), database.user(), database.password())) {
            // No new connection may reach the database for a while: node B's listener stays down
            // and so misses the notice of what node A stores now (the nodes' pools keep theirs).
            allowConnections(c, false);
            try {
                try (PreparedStatement kill = c.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                    kill.setInt(1, pid);
                    try (ResultSet rs = kill.executeQuery()) {
                        assertThat(rs.next() && rs.getBoolean(1)).isTrue();
                    }
                }
                await("node B's listener sees its connection gone", () -> listener.problem().isPresent());
                JsonNode notReady = ready(nodeB);
                assertThat(notReady.get("status").asText()).isEqualTo("not_ready");
                assertThat(notReady.get("checks").get("listener").get("ok").asBoolean()).isFalse();

                text(nodeA, "Running ten minutes late");
                assertThat(poll.isDone()).as("the notice was sent while node B did not listen").isFalse();
            } finally {
                allowConnections(c, true);
            }
        }

        HttpResponse<String> answer = poll.get(20, TimeUnit.SECONDS); // the reconnect's backoff is at most 5 s
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(bodies(nodeB.read(answer))).contains("Running ten minutes late");
        assertThat(listener.backendPid()).isNotIn(0, pid);
        assertThat(ready(nodeB).get("checks").get("listener").get("ok").asBoolean()).isTrue();

        // Listening again: the next webhook on node A wakes a new poll on node B by its notice.
        CompletableFuture<HttpResponse<String>> next = parkedPoll(nodeB, desk);
        text(nodeA, "Parking is at the back");
        assertThat(bodies(nodeB.read(next.get(5, TimeUnit.SECONDS)))).contains("Parking is at the back");
    }

    private void allowConnections(Connection c, boolean allow) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS " + allow);
        }
    }

    private static JsonNode ready(RelayFixture node) {
        return node.read(node.get("/ready", null));
    }

    private void text(RelayFixture node, String body) {
        assertThat(node.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), body)).statusCode())
                .isEqualTo(200);
    }

    private static CompletableFuture<HttpResponse<String>> parkedPoll(RelayFixture node, String token) throws InterruptedException {
        int before = node.server.feed().hub().parked();
        CompletableFuture<HttpResponse<String>> poll = node.getAsync("/api/v1/events?after=" + node.head(token) + "&wait=30", token);
        await("the poll parks", () -> node.server.feed().hub().parked() > before);
        return poll;
    }

    private static List<String> bodies(JsonNode page) {
        List<String> bodies = new ArrayList<>();
        page.get("events").forEach(e -> {
            if (e.get("type").asText().equals("message")) {
                bodies.add(e.get("data").get("body").asText());
            }
        });
        return bodies;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
