// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicetext.relay.PostgresOnly;
import org.practicetext.relay.TestPostgres;

/**
 * Two nodes on one PostgreSQL database: exactly one leads, and when the leader's connection is
 * killed (as when its process dies) or it stops, the other takes over.
 */
@PostgresOnly("the leader is chosen with PostgreSQL's advisory lock; on H2 the one node always leads")
class LeadershipTest {
    private static final Duration CHECK = Duration.ofMillis(200);

    TestPostgres.TestDatabase database;
    Leadership nodeA;
    Leadership nodeB;

    @BeforeEach
    void twoNodes() {
        database = TestPostgres.require().newDatabase();
        nodeA = Leadership.onPostgres(database.url(), database.user(), database.password(), "node-a", CHECK).start();
        nodeB = Leadership.onPostgres(database.url(), database.user(), database.password(), "node-b", CHECK).start();
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        database.close();
    }

    @Test
    void exactlyOneNodeLeadsAndKeepsLeading() throws Exception {
        assertThat(nodeA.isLeader()).as("the first node to start takes the free lock").isTrue();
        assertThat(nodeB.isLeader()).isFalse();
        for (int i = 0; i < 3; i++) {
            nodeA.round();
            nodeB.round();
            assertThat(nodeA.isLeader()).isTrue();
            assertThat(nodeB.isLeader()).isFalse();
        }
    }

    @Test
    void whenTheLeadersConnectionIsKilledTheOtherNodeTakesOver() throws Exception {
        int pid = nodeA.backendPid();
        assertThat(pid).isPositive();
        try (Connection c = DriverManager.getConnection(System.getenv(TestPostgres.URL_ENV), database.user(), database.password());
             PreparedStatement kill = c.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
            kill.setInt(1, pid);
            try (ResultSet rs = kill.executeQuery()) {
                assertThat(rs.next() && rs.getBoolean(1)).isTrue();
            }
        }
        await("node B takes the lead", nodeB::isLeader);
        await("node A sees it lost its connection and stops leading", () -> !nodeA.isLeader());
        nodeA.round();
        assertThat(nodeA.isLeader()).as("node A reconnects but does not take the lock node B holds").isFalse();
        assertThat(nodeB.isLeader()).isTrue();
    }

    @Test
    void whenTheLeaderStopsTheOtherNodeTakesOver() throws Exception {
        nodeA.close();
        assertThat(nodeA.isLeader()).isFalse();
        await("node B takes the lead", nodeB::isLeader);
    }

    @Test
    void aNodeAloneOnItsDatabaseAlwaysLeads() {
        try (Leadership alone = Leadership.always("h2-node").start()) {
            assertThat(alone.isLeader()).isTrue();
        }
    }

    /** Waits for what the background check does (a bound, not a measured time: it fails only if it never happens). */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as(what).isTrue();
            Thread.sleep(20);
        }
    }
}
