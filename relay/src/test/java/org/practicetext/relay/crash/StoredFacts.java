// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the relay's H2 file holds after the run, read by the test JVM with the file opened
 * read-only ({@code ACCESS_MODE_DATA=r}) once the relay process has exited, so nothing the suite
 * does can repair or change the evidence.
 */
record StoredFacts(List<PracticeRow> practices, List<MessageRow> messages, Map<String, Integer> unroutedSids,
                   Map<Long, Long> messageEvents, Set<String> journalOnlySids) {

    /** Facts with an empty webhook journal. */
    StoredFacts(List<PracticeRow> practices, List<MessageRow> messages, Map<String, Integer> unroutedSids, Map<Long, Long> messageEvents) {
        this(practices, messages, unroutedSids, messageEvents, Set.of());
    }

    /** A practice's feed counter and its newest event ({@code maxSeq} 0 when it has none). */
    record PracticeRow(long id, String slug, long lastSeq, long maxSeq) {
    }

    record MessageRow(long id, long practiceId, String sid, String clientId, String direction, String body, String status,
                      String dispatchState, String dispatchNote, String nextAttemptAt, String claimedBy) {
    }

    /**
     * The feed counters as the next start will find them: read from a copy of the file, opened
     * read-write so that H2 recovers it first exactly as the relay would, while the original stays
     * untouched for the relay's next start.
     */
    static List<PracticeRow> countersOfCopy(Path dataDir, Path scratch) throws IOException, SQLException {
        Files.createDirectories(scratch);
        Path copy = scratch.resolve("inspect.mv.db");
        Files.copy(dataDir.resolve("practicetext.mv.db"), copy, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + scratch.toAbsolutePath().resolve("inspect"), "sa", "");
             Statement s = c.createStatement()) {
            return practices(s);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(scratch.resolve("inspect.trace.db"));
        }
    }

    private static List<PracticeRow> practices(Statement s) throws SQLException {
        List<PracticeRow> practices = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                SELECT p.id, p.slug, p.last_seq, COALESCE((SELECT MAX(e.seq) FROM feed_event e WHERE e.practice_id = p.id), 0)
                FROM practice p ORDER BY p.id""")) {
            while (rs.next()) {
                practices.add(new PracticeRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return practices;
    }

    static StoredFacts read(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/practicetext;ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            return read(c);
        }
    }

    /** The same facts from an open connection (the cluster suite's PostgreSQL database, read after its nodes stopped). */
    static StoredFacts read(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            List<PracticeRow> practices = practices(s);
            List<MessageRow> messages = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT id, practice_id, sid, client_id, direction, body, status, dispatch_state, dispatch_note, next_attempt_at, claimed_by
                    FROM message ORDER BY id""")) {
                while (rs.next()) {
                    messages.add(new MessageRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
            Map<String, Integer> unrouted = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT sid FROM unrouted_message")) {
                while (rs.next()) {
                    unrouted.merge(rs.getString(1), 1, Integer::sum);
                }
            }
            Map<Long, Long> events = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT practice_id, COUNT(*) FROM feed_event WHERE entity_type = 'message' GROUP BY practice_id")) {
                while (rs.next()) {
                    events.put(rs.getLong(1), rs.getLong(2));
                }
            }
            // Inbound texts the relay acknowledged and recorded in its webhook journal, but had not applied when it stopped.
            Set<String> journal = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT sms_sid FROM webhook_receipt WHERE kind = 'sms' AND processed_at IS NULL AND sms_sid IS NOT NULL")) {
                while (rs.next()) {
                    journal.add(rs.getString(1));
                }
            }
            return new StoredFacts(practices, messages, unrouted, events, Set.copyOf(journal));
        }
    }
}
