// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import static org.practicetext.relay.store.DispatchState.CHECKING;
import static org.practicetext.relay.store.DispatchState.HANDED;
import static org.practicetext.relay.store.DispatchState.HANDING;
import static org.practicetext.relay.store.DispatchState.PENDING;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbound messages on their way to the carrier, as the dispatcher reads and moves them
 * (the dispatch columns of {@code message}, see {@link DispatchState}).
 *
 * <p>The rule every query here keeps: a message is due only when every earlier outbound message
 * of its conversation is finished, so the texts of a thread leave in the order they were written;
 * a claim ({@link DispatchState#HANDING}) holds the message until its lease, kept in
 * {@code next_attempt_at}, runs out. States are bound as parameters, never spliced into the SQL.
 */
public final class DispatchQueue {
    /** A hand-off or look-up that {@code claimed_by} a node had in flight. */
    public record Interrupted(long id, DispatchState state, Instant due, Instant startedAt) {
    }

    /** The consent of the contact a pending message goes to. */
    public record Recipient(boolean optedOut, boolean blocked) {
    }

    /** A claimed message with what the carrier needs to send it or look it up. */
    public record Claimed(long practiceId, long messageId, DispatchState state, int attempts, Instant attemptStartedAt,
                          String toPhone, String fromPhone, String body, List<String> mediaUrls) {
    }

    /** A message with a status report that came before its SID was known and is not matched yet. */
    public record LateReport(long practiceId, long messageId) {
    }

    /** The hand-offs ({@code handing}) and look-ups ({@code checking}, not due before {@code now}) that {@code nodeId} had claimed. */
    public List<Interrupted> interrupted(Tx tx, String nodeId, Instant now) throws SQLException {
        return tx.query("""
                SELECT id, dispatch_state, next_attempt_at, attempt_started_at FROM message
                WHERE claimed_by = ? AND (dispatch_state = ? OR (dispatch_state = ? AND next_attempt_at > ?))""",
                rs -> new Interrupted(rs.getLong(1), DispatchState.fromWire(rs.getString(2)).orElseThrow(), Tx.instant(rs, "next_attempt_at"),
                        Tx.instant(rs, "attempt_started_at")),
                nodeId, HANDING.wire(), CHECKING.wire(), now);
    }

    /** Makes a message that is still in state {@code from} a look-up due at {@code at}; false if it moved on. */
    public boolean lookUpAt(Tx tx, long id, DispatchState from, Instant at) throws SQLException {
        return tx.update("UPDATE message SET dispatch_state = ?, next_attempt_at = ? WHERE id = ? AND dispatch_state = ?",
                CHECKING.wire(), at, id, from.wire()) == 1;
    }

    /** A claim whose lease ran out belongs to a node that died: it becomes a look-up, due now. Returns how many. */
    public int expireLeases(Tx tx, Instant now) throws SQLException {
        return tx.update("UPDATE message SET dispatch_state = ?, next_attempt_at = ? WHERE dispatch_state = ? AND next_attempt_at <= ?",
                CHECKING.wire(), now, HANDING.wire(), now);
    }

    /** Up to {@code limit} messages due at {@code now} whose conversation has nothing earlier unfinished, by practice, oldest first. */
    public Map<Long, List<Long>> due(Tx tx, Instant now, int limit) throws SQLException {
        Map<Long, List<Long>> due = new LinkedHashMap<>();
        tx.query("""
                SELECT m.practice_id, m.id FROM message m
                WHERE m.dispatch_state IN (?, ?) AND m.next_attempt_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM message e WHERE e.conversation_id = m.conversation_id AND e.id < m.id
                                  AND e.dispatch_state IN (?, ?, ?))
                ORDER BY m.id LIMIT ?""",
                rs -> due.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(rs.getLong(2)),
                PENDING.wire(), CHECKING.wire(), now, PENDING.wire(), HANDING.wire(), CHECKING.wire(), limit);
        return due;
    }

    /**
     * When the dispatcher should look again: the earliest retry or look-up of a message that
     * nothing earlier holds back, or the earliest lease of a claim; empty when nothing is on its way.
     * A message held back becomes due when the one before it finishes, which wakes the dispatcher.
     * Two queries, so that each uses the index on {@code (dispatch_state, next_attempt_at)}.
     */
    public Optional<Instant> nextDue(Tx tx) throws SQLException {
        Optional<Instant> lease = tx.queryOne("SELECT MIN(next_attempt_at) AS due FROM message WHERE dispatch_state = ?",
                rs -> Optional.ofNullable(Tx.instant(rs, "due")), HANDING.wire()).flatMap(due -> due);
        Optional<Instant> attempt = tx.queryOne("""
                SELECT MIN(m.next_attempt_at) AS due FROM message m
                WHERE m.dispatch_state IN (?, ?)
                  AND NOT EXISTS (SELECT 1 FROM message e WHERE e.conversation_id = m.conversation_id AND e.id < m.id
                                  AND e.dispatch_state IN (?, ?, ?))""",
                rs -> Optional.ofNullable(Tx.instant(rs, "due")), PENDING.wire(), CHECKING.wire(), PENDING.wire(), HANDING.wire(), CHECKING.wire())
                .flatMap(due -> due);
        if (lease.isEmpty()) {
            return attempt;
        }
        return attempt.isPresent() && attempt.get().isBefore(lease.get()) ? attempt : lease;
    }

    /** Unfinished outbound messages of every practice, by state word ({@code pending}, {@code handing}, {@code checking}); for the metrics. */
    public Map<String, Long> backlog(Tx tx) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (DispatchState state : List.of(PENDING, HANDING, CHECKING)) {
            counts.put(state.wire(), 0L);
        }
        tx.query("SELECT dispatch_state, COUNT(*) FROM message WHERE dispatch_state IN (?, ?, ?) GROUP BY dispatch_state",
                rs -> counts.put(rs.getString(1), rs.getLong(2)), PENDING.wire(), HANDING.wire(), CHECKING.wire());
        return counts;
    }

    /** The consent of the contact of a message that is still pending; empty if it is not pending (any more). */
    public Optional<Recipient> pendingRecipient(Tx tx, long id) throws SQLException {
        return tx.queryOne("""
                SELECT k.opted_out, k.blocked FROM message m
                JOIN conversation c ON c.id = m.conversation_id JOIN contact k ON k.id = c.contact_id
                WHERE m.id = ? AND m.dispatch_state = ?""", rs -> new Recipient(rs.getBoolean(1), rs.getBoolean(2)), id, PENDING.wire());
    }

    /**
     * Claims a due message for {@code nodeId} until {@code leaseUntil}: a pending one becomes a
     * hand-off ({@code handing}, one attempt more, its start noted), a look-up stays {@code checking}.
     * False if it was not due (any more).
     */
    public boolean claim(Tx tx, long id, Instant now, Instant leaseUntil, String nodeId) throws SQLException {
        return tx.update("""
                UPDATE message SET dispatch_state = CASE WHEN dispatch_state = ? THEN ? ELSE dispatch_state END,
                       dispatch_attempts = dispatch_attempts + CASE WHEN dispatch_state = ? THEN 1 ELSE 0 END,
                       attempt_started_at = CASE WHEN dispatch_state = ? THEN ? ELSE attempt_started_at END,
                       next_attempt_at = ?, claimed_by = ?
                WHERE id = ? AND dispatch_state IN (?, ?) AND next_attempt_at <= ?""",
                PENDING.wire(), HANDING.wire(), PENDING.wire(), PENDING.wire(), now, leaseUntil, nodeId,
                id, PENDING.wire(), CHECKING.wire(), now) == 1;
    }

    /** A message as claimed, with its recipient, sender number and attachments. */
    public Claimed claimed(Tx tx, long id) throws SQLException {
        // What the carrier fetches: links passed on and the MMS files; a file behind the secure link is reached through the text's link.
        List<String> media = tx.query("SELECT url FROM message_media WHERE message_id = ? AND (delivery IS NULL OR delivery = 'mms') ORDER BY position",
                rs -> rs.getString(1), id);
        return tx.queryOne("""
                SELECT m.practice_id, m.dispatch_state, m.dispatch_attempts, m.attempt_started_at, m.body, k.phone AS to_phone, n.phone AS from_phone
                FROM message m JOIN conversation c ON c.id = m.conversation_id JOIN contact k ON k.id = c.contact_id
                JOIN practice_number n ON n.id = c.practice_number_id WHERE m.id = ?""",
                rs -> new Claimed(rs.getLong(1), id, DispatchState.fromWire(rs.getString("dispatch_state")).orElseThrow(), rs.getInt("dispatch_attempts"),
                        Tx.instant(rs, "attempt_started_at"), rs.getString("to_phone"), rs.getString("from_phone"), rs.getString("body"), media),
                id).orElseThrow();
    }

    /** Messages with a status report still unmatched; a report that commits just after a hand-off looked for early ones is such a report. */
    public List<LateReport> lateReports(Tx tx) throws SQLException {
        return tx.query("""
                SELECT DISTINCT m.practice_id, m.id FROM status_callback s JOIN message m ON m.sid = s.sid
                WHERE s.processed = FALSE""", rs -> new LateReport(rs.getLong(1), rs.getLong(2)));
    }

    /** Sets the next attempt ({@code pending}) or look-up ({@code checking}) of a claimed message. */
    public void reschedule(Tx tx, long id, DispatchState state, Instant at) throws SQLException {
        tx.update("UPDATE message SET dispatch_state = ?, next_attempt_at = ? WHERE id = ?", state.wire(), at, id);
    }

    /** Ends a message's dispatch without a hand-off ({@code rejected}, {@code attention}) with the reason. */
    public void finish(Tx tx, long id, DispatchState state, String note) throws SQLException {
        tx.update("UPDATE message SET dispatch_state = ?, dispatch_note = ?, next_attempt_at = NULL WHERE id = ?", state.wire(), note, id);
    }

    /** The carrier has the message under {@code sid}. */
    public void handed(Tx tx, long id, String sid, Instant now) throws SQLException {
        tx.update("UPDATE message SET sid = ?, dispatch_state = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ?", sid, HANDED.wire(), now, id);
    }
}
