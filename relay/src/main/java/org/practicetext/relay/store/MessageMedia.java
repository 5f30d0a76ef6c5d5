// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.MediaDelivery;
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
    static final String ITEM_COLUMNS = """
            mm.url, mm.content_type, mm.state, mm.file_name, mm.size_bytes, mm.width, mm.height, mm.has_preview, mm.problem, mm.delivery,
            sl.expires_at AS link_expires_at, sl.first_opened_at AS link_opened_at""";
    /** The tables {@link #ITEM_COLUMNS} come from, for a message's media ({@code mm}) and its secure link ({@code sl}). */
    static final String ITEM_TABLES = "message_media mm LEFT JOIN secure_link sl ON sl.message_id = mm.message_id AND mm.delivery = 'link'";

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
        String delivery = rs.getString("delivery");
        return new MediaItem(rs.getString("url"), rs.getString("content_type"),
                WireWords.fromWireOrFallback(MediaState.class, rs.getString("state")), rs.getString("file_name"),
                Tx.nullableLong(rs, "size_bytes"), Tx.nullableInt(rs, "width"), Tx.nullableInt(rs, "height"), rs.getBoolean("has_preview"),
                problem == null ? null : WireWords.fromWireOrFallback(MediaProblem.class, problem),
                delivery == null ? null : WireWords.fromWireOrFallback(MediaDelivery.class, delivery),
                Tx.instant(rs, "link_expires_at"), Tx.instant(rs, "link_opened_at"));
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

    /** Files still to fetch (pending), for the metrics. */
    public long pendingCount(Tx tx) throws SQLException {
        return tx.queryOne("SELECT COUNT(*) FROM message_media WHERE state = ?", rs -> rs.getLong(1), MediaState.PENDING.wire()).orElse(0L);
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
                WHERE m.practice_id = ? AND mm.message_id = ? AND mm.position = ? AND m.direction = 'in'""", rs -> rs.getString(1), practiceId, messageId, position);
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

    /**
     * Makes upload {@code uploadId} file {@code position} of outbound message {@code messageId}:
     * {@code ready}, its bytes copied into {@code media_file}; an MMS file is served to the carrier
     * at {@code url} (holding {@code publicToken}) until {@code publicUntil}, a link file only
     * behind the message's secure link.
     */
    public void attachUpload(Tx tx, long practiceId, long messageId, int position, String uploadId, MediaDelivery delivery, String url,
                             String publicToken, Instant publicUntil) throws SQLException {
        tx.update("""
                INSERT INTO message_media (message_id, position, url, content_type, state, file_name, size_bytes, width, height, has_preview,
                                           delivery, public_token, public_until)
                SELECT ?, ?, ?, content_type, ?, file_name, size_bytes, width, height, preview IS NOT NULL, ?, ?, ?
                FROM upload WHERE practice_id = ? AND id = ?""",
                messageId, position, url, MediaState.READY.wire(), delivery.wire(), publicToken, publicUntil, practiceId, uploadId);
        tx.update("""
                INSERT INTO media_file (message_id, position, practice_id, sha256, content, preview)
                SELECT ?, ?, practice_id, sha256, content, preview FROM upload WHERE practice_id = ? AND id = ?""",
                messageId, position, practiceId, uploadId);
    }

    /** A file served to the carrier at {@code /media/{token}}, while its time lasts. */
    public Optional<File> publicFile(Tx tx, String token, Instant now) throws SQLException {
        return tx.queryOne("""
                SELECT mm.content_type, mm.file_name, f.content FROM message_media mm
                JOIN media_file f ON f.message_id = mm.message_id AND f.position = mm.position
                WHERE mm.public_token = ? AND mm.public_until > ? AND mm.delivery = ?""",
                rs -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)), token, now, MediaDelivery.MMS.wire());
    }

    /** Keeps a message's MMS files served to the carrier until {@code until} (a retry is a new hand-off). */
    public void servePublicUntil(Tx tx, long messageId, Instant until) throws SQLException {
        tx.update("UPDATE message_media SET public_until = ? WHERE message_id = ? AND delivery = ?", until, messageId, MediaDelivery.MMS.wire());
    }

    /** Notes that the carrier's copy was deleted (the practice asked for it, ADR 0022). */
    public void carrierDeleted(Tx tx, Key key) throws SQLException {
        tx.update("UPDATE message_media SET carrier_deleted = TRUE WHERE message_id = ? AND position = ?", key.messageId(), key.position());
    }
}
