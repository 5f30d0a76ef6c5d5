// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.TestStore;

/**
 * After a kill on H2 the newest commits may be gone, so the desks are sent back to a snapshot; a clean stop keeps the feed, and
 * on PostgreSQL an unclean stop keeps it too.
 */
class UncleanStopTest {
    @TempDir
    Path dir;

    private static String feedId(RelayFixture relay, String token) {
        return relay.read(relay.get("/api/v1/events?after=0&limit=1", token)).get("feedId").asText();
    }

    @Test
    void aCleanStopKeepsTheFeedAndAnUncleanOneStartsItAgain() throws Exception {
        TestPractice practice;
        String before;
        try (RelayFixture relay = new RelayFixture(dir)) {
            practice = relay.newPractice();
            before = feedId(relay, relay.signIn(practice, "staff"));
        }
        String afterCleanStop;
        try (RelayFixture relay = new RelayFixture(dir)) {
            afterCleanStop = feedId(relay, relay.signIn(practice, "staff"));
        }
        assertThat(afterCleanStop).isEqualTo(before);

        // What a kill -9 leaves: the node still marked running.
        try (Connection c = TestStore.current().connect(dir)) {
            c.createStatement().executeUpdate("UPDATE relay_run SET running = TRUE");
            c.commit();
        }
        try (RelayFixture relay = new RelayFixture(dir)) {
            String token = relay.signIn(practice, "staff");
            switch (TestStore.current()) {
                case H2 -> assertThat(feedId(relay, token)).isNotEqualTo(before);
                // PostgreSQL keeps every commit it acknowledged through a kill: the desks keep their cursors.
                case POSTGRES -> assertThat(feedId(relay, token)).isEqualTo(before);
            }
            // On H2 the desk's old cursor now meets a new feedId; a full snapshot is served either way.
            assertThat(relay.entities(token, "practice")).hasSize(1);
        }
    }
}
