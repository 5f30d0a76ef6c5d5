// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.practicetext.protocol.Json;
import org.practicetext.relay.store.Tx;

/**
 * A practice's change feed, modelled on CouchDB's {@code _changes}: every change appends the
 * entity's full new state with the practice's next sequence number, and the log keeps only the
 * newest event per entity, so {@code after=0} is a complete snapshot.
 *
 * <p>Sequence numbers are taken under a row lock on the practice that every writing transaction
 * holds until it commits, so a practice's events commit in sequence order and a reader that
 * saw {@code seq=N} can never later find an event below N appear.
 *
 * <p>The next number is one above both the practice's counter and its newest event, so a
 * counter that ever fell behind its events (as a half-done transaction under H2's own shutdown
 * hook once left it) cannot make every later write collide; {@link #repairCounters} finds and
 * reports such a counter when the relay starts.
 */
public final class ChangeFeed {
    private final ObjectMapper json = Json.mapper();
    private final FeedHub hub;

    public ChangeFeed(FeedHub hub) {
        this.hub = hub;
    }

    public FeedHub hub() {
        return hub;
    }

    /**
     * Takes the practice's feed lock for the rest of the transaction. Every transaction that will
     * append events calls this before touching any other row, so writers never deadlock.
     */
    public void lock(Tx tx, long practiceId) throws SQLException {
        tx.queryOne("SELECT last_seq FROM practice WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), practiceId)
                .orElseThrow(() -> new SQLException("no practice " + practiceId));
    }

    /** Appends the entity's new state; listeners are woken once the transaction commits. */
    public long append(Tx tx, long practiceId, String type, long entityId, Object state) throws SQLException {
        long seq = newest(tx, practiceId) + 1;
        tx.update("UPDATE practice SET last_seq = ? WHERE id = ?", seq, practiceId);
        String data;
        try {
            data = json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type, e);
        }
        int moved = tx.update("UPDATE feed_event SET seq = ?, data = ? WHERE practice_id = ? AND entity_type = ? AND entity_id = ?",
                seq, data, practiceId, type, entityId);
        if (moved == 0) {
            tx.update("INSERT INTO feed_event (practice_id, entity_type, entity_id, seq, data) VALUES (?, ?, ?, ?, ?)",
                    practiceId, type, entityId, seq, data);
        }
        tx.afterCommit(() -> hub.signal(practiceId));
        return seq;
    }

    /** Events after {@code after}, oldest first, at most {@code limit} (one more is read to know if there are more). */
    public List<RawEvent> read(Tx tx, long practiceId, long after, int limit) throws SQLException {
        return tx.query("SELECT seq, entity_type, data FROM feed_event WHERE practice_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new RawEvent(rs.getLong(1), rs.getString(2), rs.getString(3)), practiceId, after, limit + 1);
    }

    /** The practice's newest sequence number and feed id, or empty if it does not exist. */
    public Optional<FeedHead> head(Tx tx, long practiceId) throws SQLException {
        Optional<String> feedId = tx.queryOne("SELECT feed_id FROM practice WHERE id = ?", rs -> rs.getString(1), practiceId);
        return feedId.isEmpty() ? Optional.empty() : Optional.of(new FeedHead(newest(tx, practiceId), feedId.get()));
    }

    /**
     * The practice's newest sequence number: its counter, or its newest event if that is above
     * the counter. Only the events above the counter are read (normally none), so this is one
     * index probe, not a scan of the practice's feed.
     */
    private long newest(Tx tx, long practiceId) throws SQLException {
        long counter = tx.queryOne("SELECT last_seq FROM practice WHERE id = ?", rs -> rs.getLong(1), practiceId).orElseThrow();
        long above = tx.queryOne("SELECT MAX(seq) FROM feed_event WHERE practice_id = ? AND seq > ?",
                rs -> rs.getLong(1), practiceId, counter).orElse(0L);
        return Math.max(counter, above);
    }

    public record FeedHead(long lastSeq, String feedId) {
    }

    /** A practice whose counter was found behind its newest event, and what it was set to. */
    public record Repair(long practiceId, long counter, long newestEvent) {
    }

    /**
     * Checks every practice's invariant {@code last_seq >= MAX(feed_event.seq)} and raises any
     * counter that is behind to its newest event. Returns what it repaired.
     */
    public List<Repair> repairCounters(Tx tx) throws SQLException {
        List<Repair> behind = tx.query("""
                SELECT p.id, p.last_seq, m.newest FROM practice p
                JOIN (SELECT practice_id, MAX(seq) AS newest FROM feed_event GROUP BY practice_id) m ON m.practice_id = p.id
                WHERE p.last_seq < m.newest""", rs -> new Repair(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        for (Repair repair : behind) {
            tx.update("UPDATE practice SET last_seq = ? WHERE id = ? AND last_seq < ?", repair.newestEvent(), repair.practiceId(), repair.newestEvent());
        }
        return behind;
    }
}
