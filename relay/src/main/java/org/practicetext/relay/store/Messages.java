// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.Direction;
import org.practicetext.core.MediaState;
import org.practicetext.core.SegmentCount;
import org.practicetext.core.SenderKind;
import org.practicetext.core.SmsEncoding;
import org.practicetext.core.SmsSegments;
import org.practicetext.core.WireWords;
import org.practicetext.protocol.MediaItem;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.Sender;

/** Messages, their media and their delivery status. */
public final class Messages {
    private static final String COLUMNS = """
            id, conversation_id, direction, body, status, error_code, error_message, sid, client_id,
            sender_kind, sender_user_id, sender_name, segments, encoding, created_at, updated_at, practice_id""";

    /** A message row with the practice it belongs to (a status callback finds it by SID alone). */
    public record Stored(long practiceId, MessageView view) {
    }

    /** What a new message is: everything the caller decides. */
    public record NewMessage(long conversationId, String direction, String body, String status, String sid, String clientId,
                             Sender sender, List<MediaItem> media, Instant createdAt) {
    }

    public MessageView insert(Tx tx, long practiceId, NewMessage m) throws SQLException {
        SegmentCount count = SmsSegments.count(m.body());
        long id = tx.insert("""
                INSERT INTO message (practice_id, conversation_id, client_id, sid, direction, body, status, sender_kind, sender_user_id,
                                     sender_name, segments, encoding, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                practiceId, m.conversationId(), m.clientId(), m.sid(), m.direction(), m.body(), m.status(), m.sender().kind().wire(),
                m.sender().userId(), m.sender().name(), count.segments(), count.encoding().name(), m.createdAt(), m.createdAt());
        int position = 0;
        for (MediaItem item : m.media()) {
            // A file to fetch is due at once (MessageMedia); a link is passed on as it is.
            tx.update("INSERT INTO message_media (message_id, position, url, content_type, state, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)",
                    id, position++, item.url(), item.contentType(), item.state().wire(),
                    item.state() == MediaState.PENDING ? m.createdAt() : null);
        }
        // Read back for the columns the database fills; its media are the ones just inserted, in order.
        MessageView v = tx.queryOne("SELECT " + COLUMNS + " FROM message WHERE practice_id = ? AND id = ?", Messages::view, practiceId, id).orElseThrow();
        return m.media().isEmpty() ? v : withMediaItems(v, List.copyOf(m.media()));
    }

    public Optional<MessageView> byId(Tx tx, long practiceId, long id) throws SQLException {
        Optional<MessageView> row = tx.queryOne("SELECT " + COLUMNS + " FROM message WHERE practice_id = ? AND id = ?", Messages::view, practiceId, id);
        return row.isEmpty() ? row : Optional.of(withMedia(tx, row.get()));
    }

    public Optional<Stored> bySid(Tx tx, String sid) throws SQLException {
        Optional<Stored> row = tx.queryOne("SELECT " + COLUMNS + " FROM message WHERE sid = ?", rs -> new Stored(rs.getLong("practice_id"), view(rs)), sid);
        return row.isEmpty() ? row : Optional.of(new Stored(row.get().practiceId(), withMedia(tx, row.get().view())));
    }

    /** The message a client sent with this client id (a repeated send answers with it), or empty. */
    public Optional<MessageView> byClientId(Tx tx, long practiceId, String clientId) throws SQLException {
        Optional<Long> id = tx.queryOne("SELECT id FROM message WHERE practice_id = ? AND client_id = ?", rs -> rs.getLong(1), practiceId, clientId);
        return id.isEmpty() ? Optional.empty() : byId(tx, practiceId, id.get());
    }

    /** Where a message's current attempt is: its status, dispatch state and the client id of the retry that started it (null for the first). */
    public record Attempt(String direction, String status, Optional<DispatchState> dispatchState, String retryClientId) {
    }

    public Optional<Attempt> attempt(Tx tx, long practiceId, long id) throws SQLException {
        return tx.queryOne("SELECT direction, status, dispatch_state, retry_client_id FROM message WHERE practice_id = ? AND id = ?",
                rs -> new Attempt(rs.getString(1), rs.getString(2), DispatchState.fromWire(rs.getString(3)), rs.getString(4)), practiceId, id);
    }

    /**
     * Makes a failed message a new attempt: queued again, the failure and the old attempt's SID
     * cleared (so a late report about the old attempt cannot touch the new one), waiting for the
     * dispatcher from {@code now}.
     */
    public void startNewAttempt(Tx tx, long practiceId, long id, String retryClientId, Instant now) throws SQLException {
        tx.update("""
                UPDATE message SET status = 'queued', error_code = NULL, error_message = NULL, sid = NULL, retry_client_id = ?,
                       dispatch_state = ?, next_attempt_at = ?, dispatch_attempts = 0, dispatch_note = NULL, attempt_started_at = NULL,
                       claimed_by = NULL, updated_at = ?
                WHERE id = ? AND practice_id = ?""", retryClientId, DispatchState.PENDING.wire(), now, now, id, practiceId);
    }

    /** Hands a stored outbound message to the dispatcher: waiting, first attempt at {@code at}. */
    public void queueForDispatch(Tx tx, long id, Instant at) throws SQLException {
        tx.update("UPDATE message SET dispatch_state = ?, next_attempt_at = ? WHERE id = ?", DispatchState.PENDING.wire(), at, id);
    }

    /** The contact's messages that wait for the dispatcher and are not yet claimed for hand-off, oldest first. */
    public List<Long> waitingForContact(Tx tx, long practiceId, long contactId) throws SQLException {
        return tx.query("""
                SELECT m.id FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE c.practice_id = ? AND c.contact_id = ? AND m.dispatch_state = ? ORDER BY m.id""",
                rs -> rs.getLong(1), practiceId, contactId, DispatchState.PENDING.wire());
    }

    /** Takes a waiting message out of dispatch for good, noting why; false if it was no longer waiting. */
    public boolean withhold(Tx tx, long practiceId, long id, String reason) throws SQLException {
        return tx.update("""
                UPDATE message SET dispatch_state = ?, dispatch_note = ?, next_attempt_at = NULL
                WHERE id = ? AND practice_id = ? AND dispatch_state = ?""",
                DispatchState.WITHHELD.wire(), reason, id, practiceId, DispatchState.PENDING.wire()) > 0;
    }

    /** Which of {@code sids} a message or an unrouted text already has. */
    public java.util.Set<String> existingSids(Tx tx, List<String> sids) throws SQLException {
        if (sids.isEmpty()) {
            return java.util.Set.of();
        }
        String marks = Tx.marks(sids.size());
        Object[] params = new Object[sids.size() * 2];
        for (int i = 0; i < sids.size(); i++) {
            params[i] = sids.get(i);
            params[sids.size() + i] = sids.get(i);
        }
        return new java.util.HashSet<>(tx.query("SELECT sid FROM message WHERE sid IN (" + marks + ") UNION SELECT sid FROM unrouted_message WHERE sid IN ("
                + marks + ")", rs -> rs.getString(1), params));
    }

    public boolean existsSid(Tx tx, String sid) throws SQLException {
        return tx.queryOne("SELECT 1 FROM message WHERE sid = ?", rs -> true, sid).isPresent()
                || tx.queryOne("SELECT 1 FROM unrouted_message WHERE sid = ?", rs -> true, sid).isPresent();
    }

    public void setStatus(Tx tx, long id, String status, Integer errorCode, String errorMessage, Instant now) throws SQLException {
        tx.update("UPDATE message SET status = ?, error_code = ?, error_message = ?, updated_at = ? WHERE id = ?",
                status, errorCode, errorMessage, now, id);
    }

    private static MessageView view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Sender sender = new Sender(WireWords.fromWire(SenderKind.class, rs.getString("sender_kind")), rs.getString("sender_name"), Tx.nullableLong(rs, "sender_user_id"));
        return new MessageView(id, rs.getLong("conversation_id"), WireWords.fromWire(Direction.class, rs.getString("direction")), rs.getString("body"),
                rs.getString("status"), Tx.nullableInt(rs, "error_code"), rs.getString("error_message"), rs.getString("sid"),
                rs.getString("client_id"), sender, List.of(), rs.getInt("segments"), SmsEncoding.valueOf(rs.getString("encoding")),
                Tx.instant(rs, "created_at"), Tx.instant(rs, "updated_at"));
    }

    private MessageView withMedia(Tx tx, MessageView v) throws SQLException {
        List<MediaItem> media = tx.query("SELECT " + MessageMedia.ITEM_COLUMNS + " FROM " + MessageMedia.ITEM_TABLES + " WHERE mm.message_id = ? ORDER BY mm.position",
                MessageMedia::item, v.id());
        return media.isEmpty() ? v : withMediaItems(v, media);
    }

    private static MessageView withMediaItems(MessageView v, List<MediaItem> media) {
        return new MessageView(v.id(), v.conversationId(), v.direction(), v.body(), v.status(), v.errorCode(), v.errorMessage(), v.sid(),
                v.clientId(), v.sender(), media, v.segments(), v.encoding(), v.createdAt(), v.updatedAt());
    }
}
