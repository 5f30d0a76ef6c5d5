// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.MediaProblem;
import org.practicetext.core.MediaState;
import org.practicetext.core.WireWords;
import org.practicetext.protocol.MediaItem;

/**
 * The attachments of messages and the relay's own copies of them (ADR 0022): the queue of files
 * to fetch from the carrier, and the files kept in {@code media_file}, read for the desks only
 * within their practice.
 *
 * <p>A file to fetch is {@code pending} and due at {@code next_attempt_at}. A node claims it by
 * moving that time to the end of a lease ({@link #claim}); a node that dies mid-fetch leaves it due
 * again when the lease runs out, so any node finishes it and none holds it for ever. A fetch ends
 * as {@link #kept}, {@link #retryAt} or {@link #unavailable}, each only for a file still
 * {@code pending}: an outcome that comes after another node's is dropped.
 */
public final class MessageMedia {
    /** The columns {@link #item} reads. */
    static final String ITEM_COLUMNS = "url, content_type, state, file_name, size_bytes, width, height, has_preview, problem";

    /** One file of a message: its place, and the message's practice and carrier SID (the media URL names it). */
    public record Key(long practiceId, long messageId, int position) {
    }

    /** A file due to be fetched, as claimed. */
    public record Due(Key key, String messageSid, String url, String contentType, int attempts) {
    }

    /** A kept file as a desk gets it. */
    public record File(String contentType, String fileName, byte[] content) {
    }

    /** What a fetch found: the file, its true type, a name for it and, for a photo, its size in pixels and a preview. */
    public record Kept(String contentType, String fileName, byte[] content, String sha256, Integer width, Integer height, byte[] preview) {
    }

    static MediaItem item(ResultSet rs) throws SQLException {
        String problem = rs.getString("problem");
        return new MediaItem(rs.getString("url"), rs.getString("content_type"),
                WireWords.fromWireOrFallback(MediaState.class, rs.getString("state")), rs.getString("file_name"),
                Tx.nullableLong(rs, "size_bytes"), Tx.nullableInt(rs, "width"), Tx.nullableInt(rs, "height"), rs.getBoolean("has_preview"),
                problem == null ? null : WireWords.fromWireOrFallback(MediaProblem.class, problem));
    }

    /** Files due by {@code now}, earliest first, at most {@code limit}. */
    public List<Due> due(Tx tx, Instant now, int limit) throws SQLException {
        return tx.query("""
                SELECT mm.message_id, mm.position, mm.url, mm.content_type, mm.attempts, m.practice_id, m.sid
                FROM message_media mm JOIN message m ON m.id = mm.message_id
                WHERE mm.state = ? AND mm.next_attempt_at <= ?
                ORDER BY mm.next_attempt_at
                LIMIT ?""",
                rs -> new Due(new Key(rs.getLong("practice_id"), rs.getLong("message_id"), rs.getInt("position")), rs.getString("sid"),
                        rs.getString("url"), rs.getString("content_type"), rs.getInt("attempts")),
                MediaState.PENDING.wire(), now, limit);
    }

    /** The earliest due time of a file still to fetch (a retry or a lease); empty when none waits. */
    public Optional<Instant> nextDue(Tx tx) throws SQLException {
        return tx.queryOne("SELECT MIN(next_attempt_at) AS due FROM message_media WHERE state = ?", rs -> Optional.ofNullable(Tx.instant(rs, "due")),
                MediaState.PENDING.wire()).flatMap(due -> due);
    }

    /**
     * Claims a due file for {@code nodeId} until {@code leaseUntil}, counting the attempt; false
     * when another node claimed it first or it is no longer due.
     */
    public boolean claim(Tx tx, Key key, Instant now, Instant leaseUntil, String nodeId) throws SQLException {
        return tx.update("""
                UPDATE message_media SET next_attempt_at = ?, claimed_by = ?, attempts = attempts + 1
                WHERE message_id = ? AND position = ? AND state = ? AND next_attempt_at <= ?""",
                leaseUntil, nodeId, key.messageId(), key.position(), MediaState.PENDING.wire(), now) == 1;
    }

    /** Keeps the fetched file; false (nothing written) when it is no longer pending. */
    public boolean kept(Tx tx, Key key, Kept file) throws SQLException {
        int changed = tx.update("""
                UPDATE message_media SET state = ?, problem = NULL, content_type = ?, file_name = ?, size_bytes = ?, width = ?, height = ?,
                                         has_preview = ?, next_attempt_at = NULL, claimed_by = NULL
                WHERE message_id = ? AND position = ? AND state = ?""",
                MediaState.READY.wire(), file.contentType(), file.fileName(), (long) file.content().length, file.width(), file.height(),
                file.preview() != null, key.messageId(), key.position(), MediaState.PENDING.wire());
        if (changed == 0) {
            return false;
        }
        tx.update("DELETE FROM media_file WHERE message_id = ? AND position = ?", key.messageId(), key.position());
        tx.update("INSERT INTO media_file (message_id, position, practice_id, sha256, content, preview) VALUES (?, ?, ?, ?, ?, ?)",
                key.messageId(), key.position(), key.practiceId(), file.sha256(), file.content(), file.preview());
        return true;
    }

    /** The next try of a pending file; false when it is no longer pending. */
    public boolean retryAt(Tx tx, Key key, Instant at) throws SQLException {
        return tx.update("UPDATE message_media SET next_attempt_at = ?, claimed_by = NULL WHERE message_id = ? AND position = ? AND state = ?",
                at, key.messageId(), key.position(), MediaState.PENDING.wire()) == 1;
    }

    /** Gives a pending file up; false when it is no longer pending. */
    public boolean unavailable(Tx tx, Key key, MediaProblem problem) throws SQLException {
        return tx.update("""
                UPDATE message_media SET state = ?, problem = ?, next_attempt_at = NULL, claimed_by = NULL
                WHERE message_id = ? AND position = ? AND state = ?""",
                MediaState.UNAVAILABLE.wire(), problem.wire(), key.messageId(), key.position(), MediaState.PENDING.wire()) == 1;
    }

    /**
     * Staff's "try again": an unavailable file of a message of {@code practiceId} is pending again,
     * due now, with its tries counted afresh. Empty when there is no such file; otherwise whether it
     * changed (a file that is pending or ready already is left as it is).
     */
    public Optional<Boolean> retry(Tx tx, long practiceId, long messageId, int position, Instant now) throws SQLException {
        Optional<String> state = tx.queryOne("""
                SELECT mm.state FROM message_media mm JOIN message m ON m.id = mm.message_id
                WHERE m.practice_id = ? AND mm.message_id = ? AND mm.position = ?""", rs -> rs.getString(1), practiceId, messageId, position);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tx.update("""
                UPDATE message_media SET state = ?, problem = NULL, attempts = 0, next_attempt_at = ?, claimed_by = NULL
                WHERE message_id = ? AND position = ? AND state = ?""",
                MediaState.PENDING.wire(), now, messageId, position, MediaState.UNAVAILABLE.wire()) == 1);
    }

    /** The kept file of a message of {@code practiceId}; empty when there is none (not that practice's, not fetched). */
    public Optional<File> file(Tx tx, long practiceId, long messageId, int position) throws SQLException {
        return tx.queryOne("""
                SELECT mm.content_type, mm.file_name, f.content FROM media_file f
                JOIN message_media mm ON mm.message_id = f.message_id AND mm.position = f.position
                WHERE f.practice_id = ? AND f.message_id = ? AND f.position = ?""",
                rs -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)), practiceId, messageId, position);
    }

    /** The preview (a JPEG) of a kept photo of a message of {@code practiceId}; empty when it has none. */
    public Optional<byte[]> preview(Tx tx, long practiceId, long messageId, int position) throws SQLException {
        return tx.queryOne("SELECT preview FROM media_file WHERE practice_id = ? AND message_id = ? AND position = ? AND preview IS NOT NULL",
                rs -> rs.getBytes(1), practiceId, messageId, position);
    }

    /** Notes that the carrier's copy was deleted (the practice asked for it, ADR 0022). */
    public void carrierDeleted(Tx tx, Key key) throws SQLException {
        tx.update("UPDATE message_media SET carrier_deleted = TRUE WHERE message_id = ? AND position = ?", key.messageId(), key.position());
    }
}
