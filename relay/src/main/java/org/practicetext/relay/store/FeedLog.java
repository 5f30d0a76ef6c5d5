// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows behind a practice's change feed: its counter and feed id on {@code practice}, and the
 * newest event per entity in {@code feed_event}. The rules (who locks, how numbers are taken) are
 * the feed's ({@code relay.feed.ChangeFeed}); this class only reads and writes the rows.
 */
public final class FeedLog {

    /** One stored event. */
    public record Event(long seq, String type, String data) {
    }

    /** A practice whose counter is behind its newest event. */
    public record Behind(long practiceId, long counter, long newestEvent) {
    }

    /** Locks the practice's row until the transaction ends; false if there is no such practice. */
    public boolean lockPractice(Tx tx, long practiceId) throws SQLException {
        return tx.queryOne("SELECT last_seq FROM practice WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), practiceId).isPresent();
    }

    public Optional<Long> counter(Tx tx, long practiceId) throws SQLException {
        return tx.queryOne("SELECT last_seq FROM practice WHERE id = ?", rs -> rs.getLong(1), practiceId);
    }

    public void setCounter(Tx tx, long practiceId, long seq) throws SQLException {
        tx.update("UPDATE practice SET last_seq = ? WHERE id = ?", seq, practiceId);
    }

    /** The newest event's number above {@code seq}, or 0: one index probe, not a scan of the practice's feed. */
    public long newestAbove(Tx tx, long practiceId, long seq) throws SQLException {
        return tx.queryOne("SELECT MAX(seq) FROM feed_event WHERE practice_id = ? AND seq > ?", rs -> rs.getLong(1), practiceId, seq).orElse(0L);
    }

    /** Makes {@code data} the entity's one event, at {@code seq}. */
    public void put(Tx tx, long practiceId, String type, long entityId, long seq, String data) throws SQLException {
        int moved = tx.update("UPDATE feed_event SET seq = ?, data = ? WHERE practice_id = ? AND entity_type = ? AND entity_id = ?",
                seq, data, practiceId, type, entityId);
        if (moved == 0) {
            tx.update("INSERT INTO feed_event (practice_id, entity_type, entity_id, seq, data) VALUES (?, ?, ?, ?, ?)",
                    practiceId, type, entityId, seq, data);
        }
    }

    /**
     * Makes {@code data} the first event of an entity that has none yet (one just inserted), at
     * {@code seq}: inserted at the commit, in one batch with the transaction's other new events
     * ({@link Tx#later}), so the entity must get no other event in this transaction.
     */
    public void putNew(Tx tx, long practiceId, String type, long entityId, long seq, String data) {
        tx.later("INSERT INTO feed_event (practice_id, entity_type, entity_id, seq, data) VALUES (?, ?, ?, ?, ?)",
                practiceId, type, entityId, seq, data);
    }

    /** Events after {@code after}, oldest first, at most {@code limit}. */
    public List<Event> after(Tx tx, long practiceId, long after, int limit) throws SQLException {
        return tx.query("SELECT seq, entity_type, data FROM feed_event WHERE practice_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3)), practiceId, after, limit);
    }

    public Optional<String> feedId(Tx tx, long practiceId) throws SQLException {
        return tx.queryOne("SELECT feed_id FROM practice WHERE id = ?", rs -> rs.getString(1), practiceId);
    }

    /** Every practice whose counter is below its newest event. */
    public List<Behind> behind(Tx tx) throws SQLException {
        return tx.query("""
                SELECT p.id, p.last_seq, m.newest FROM practice p
                JOIN (SELECT practice_id, MAX(seq) AS newest FROM feed_event GROUP BY practice_id) m ON m.practice_id = p.id
                WHERE p.last_seq < m.newest""", rs -> new Behind(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /** Raises the counter to {@code seq} unless it is already there. */
    public void raiseCounter(Tx tx, long practiceId, long seq) throws SQLException {
        tx.update("UPDATE practice SET last_seq = ? WHERE id = ? AND last_seq < ?", seq, practiceId, seq);
    }

    /** Gives every practice a new feed id (desks then resynchronise from the start); returns how many. */
    public int renewFeedIds(Tx tx) throws SQLException {
        List<Long> practices = tx.query("SELECT id FROM practice ORDER BY id", rs -> rs.getLong(1));
        for (long id : practices) {
            tx.update("UPDATE practice SET feed_id = ? WHERE id = ?", UUID.randomUUID().toString(), id);
        }
        return practices.size();
    }
}
