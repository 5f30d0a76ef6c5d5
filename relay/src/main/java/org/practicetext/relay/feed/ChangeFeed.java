// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.practicetext.protocol.Json;
import org.practicetext.relay.store.CrossNodeWakes;
import org.practicetext.relay.store.FeedLog;
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
    private final FeedLog log = new FeedLog();
    private final CrossNodeWakes otherNodes;

    public ChangeFeed(FeedHub hub) {
        this(hub, CrossNodeWakes.NONE);
    }

    /** With the other relay nodes told of each appending transaction through {@code otherNodes} (PostgreSQL's NOTIFY). */
    public ChangeFeed(FeedHub hub, CrossNodeWakes otherNodes) {
        this.hub = hub;
        this.otherNodes = otherNodes;
    }

    public FeedHub hub() {
        return hub;
    }

    /**
     * Takes the practice's feed lock for the rest of the transaction. Every transaction that will
     * append events calls this before touching any other row, so writers never deadlock.
     */
    public void lock(Tx tx, long practiceId) throws SQLException {
        if (!tx.firstTime(new Locked(practiceId))) {
            return; // held already: a batch of texts takes each practice's lock once
        }
        if (!log.lockPractice(tx, practiceId)) {
            throw new SQLException("no practice " + practiceId);
        }
    }

    /**
     * Appends the entity's new state; this node's parked polls are woken once the transaction
     * commits, and other nodes' by the notice sent in it (delivered at the commit).
     *
     * <p>Under the lock the transaction knows the practice's newest number after its first
     * append, so later ones take the next without reading it again, and the counter is written
     * once, with its last value, just before the commit. Until then a read of the newest number
     * in the same transaction still finds it: {@link #newest} also looks above the counter.
     */
    public long append(Tx tx, long practiceId, String type, long entityId, Object state) throws SQLException {
        long seq = nextSeq(tx, practiceId);
        log.put(tx, practiceId, type, entityId, seq, serialise(type, state));
        appended(tx, practiceId);
        return seq;
    }

    /** {@link #append} for an entity just inserted in this transaction, which has no event yet. */
    public long appendNew(Tx tx, long practiceId, String type, long entityId, Object state) throws SQLException {
        long seq = nextSeq(tx, practiceId);
        log.putNew(tx, practiceId, type, entityId, seq, serialise(type, state));
        appended(tx, practiceId);
        return seq;
    }

    private long nextSeq(Tx tx, long practiceId) throws SQLException {
        Seq key = new Seq(practiceId);
        Object known = tx.kept(key);
        long seq = (known == null ? newest(tx, practiceId) : (Long) known) + 1;
        tx.keep(key, seq);
        tx.beforeCommit(key, () -> log.setCounter(tx, practiceId, seq));
        return seq;
    }

    private void appended(Tx tx, long practiceId) throws SQLException {
        otherNodes.feedChanged(tx, practiceId);
        if (tx.firstTime(new Signal(practiceId))) {
            tx.afterCommit(() -> hub.signal(practiceId));
        }
    }

    private String serialise(String type, Object state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type, e);
        }
    }

    /** Keys of what a transaction holds or knows of a practice's feed. */
    private record Locked(long practiceId) {
    }

    private record Seq(long practiceId) {
    }

    private record Signal(long practiceId) {
    }

    /**
     * The session with this token hash is revoked in this transaction: other nodes end its parked
     * polls at the commit (this node's are ended by {@code Sessions}' revocation listeners after it).
     */
    public void sessionEnded(Tx tx, String tokenHash) throws SQLException {
        otherNodes.sessionEnded(tx, tokenHash);
    }

    /** Events after {@code after}, oldest first, at most {@code limit} (one more is read to know if there are more). */
    public List<RawEvent> read(Tx tx, long practiceId, long after, int limit) throws SQLException {
        return log.after(tx, practiceId, after, limit + 1).stream().map(e -> new RawEvent(e.seq(), e.type(), e.data())).toList();
    }

    /** The practice's newest sequence number and feed id, or empty if it does not exist. */
    public Optional<FeedHead> head(Tx tx, long practiceId) throws SQLException {
        Optional<String> feedId = log.feedId(tx, practiceId);
        return feedId.isEmpty() ? Optional.empty() : Optional.of(new FeedHead(newest(tx, practiceId), feedId.get()));
    }

    /**
     * The practice's newest sequence number: its counter, or its newest event if that is above
     * the counter. Only the events above the counter are read (normally none), so this is one
     * index probe, not a scan of the practice's feed.
     */
    private long newest(Tx tx, long practiceId) throws SQLException {
        long counter = log.counter(tx, practiceId).orElseThrow();
        return Math.max(counter, log.newestAbove(tx, practiceId, counter));
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
        List<Repair> behind = log.behind(tx).stream().map(b -> new Repair(b.practiceId(), b.counter(), b.newestEvent())).toList();
        for (Repair repair : behind) {
            log.raiseCounter(tx, repair.practiceId(), repair.newestEvent());
        }
        return behind;
    }
}
