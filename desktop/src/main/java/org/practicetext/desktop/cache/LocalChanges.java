// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.MediaItem;

/**
 * The optimistic side of the outbox: changes written to cached rows the moment a user acts, before
 * the relay answers, and undone from the relay's last known state ({@code relay_json}) when the
 * relay refuses. Local messages have the negative id of their outbox item; a message to a number
 * with no cached conversation gets a placeholder conversation with that same negative id.
 */
public final class LocalChanges {
    private LocalChanges() {
    }

    public static void status(Sql sql, long conversationId, String status) throws SQLException {
        sql.update("UPDATE conversation SET status = ? WHERE id = ?", status, conversationId);
    }

    public static void read(Sql sql, long conversationId) throws SQLException {
        sql.update("UPDATE conversation SET unread_count = 0 WHERE id = ?", conversationId);
    }

    public static void unread(Sql sql, long conversationId) throws SQLException {
        sql.update("UPDATE conversation SET unread_count = GREATEST(unread_count, 1) WHERE id = ?", conversationId);
    }

    public static void assignee(Sql sql, long conversationId, Long userId) throws SQLException {
        sql.update("UPDATE conversation SET assignee_id = ? WHERE id = ?", userId, conversationId);
    }

    public static void inbox(Sql sql, long conversationId, long inboxId) throws SQLException {
        sql.update("UPDATE conversation SET inbox_id = ? WHERE id = ?", inboxId, conversationId);
    }

    public static void blocked(Sql sql, long contactId, boolean blocked) throws SQLException {
        sql.update("UPDATE contact SET blocked = ? WHERE id = ?", blocked, contactId);
    }

    /** A staff opt-out (or its undoing) queued: the composer refuses at once, as the relay will. */
    public static void optedOut(Sql sql, long contactId, boolean optedOut) throws SQLException {
        sql.update("UPDATE contact SET opted_out = ?, opted_out_at = CASE WHEN ? THEN COALESCE(opted_out_at, CURRENT_TIMESTAMP) END WHERE id = ?",
                optedOut, optedOut, contactId);
    }

    /** A relay message being retried: shown queued (so it offers no Retry) until the relay's answer or the feed says more. */
    public static void retrying(Sql sql, long messageId) throws SQLException {
        sql.update("UPDATE message SET status = 'queued', error_code = NULL, error_message = NULL WHERE id = ? AND id > 0", messageId);
    }

    /** A retry the relay refused: the message is failed again, with the refusal's words when there are some. */
    public static void failedAgain(Sql sql, long messageId, String status, Integer errorCode, String errorMessage) throws SQLException {
        sql.update("UPDATE message SET status = ?, error_code = ?, error_message = ? WHERE id = ? AND id > 0", status, errorCode, errorMessage, messageId);
    }

    /** Back to what the relay last said about this conversation. */
    public static void revertConversation(Sql sql, long conversationId) throws SQLException {
        Optional<ConversationView> relay = sql.queryOne("SELECT relay_json FROM conversation WHERE id = ?", rs -> rs.getString(1), conversationId)
                .map(text -> SyncState.parse(text, ConversationView.class));
        if (relay.isPresent()) {
            ConversationView c = relay.get();
            sql.update("""
                    UPDATE conversation SET status = ?, inbox_id = ?, assignee_id = ?, unread_count = ?, last_message_at = ?, preview = ?,
                    last_direction = ? WHERE id = ?""",
                    c.status(), c.inboxId(), c.assigneeId(), c.unreadCount(), c.lastMessageAt(), c.lastMessagePreview(), c.lastMessageDirection(),
                    conversationId);
        }
    }

    /** Back to what the relay last said about this contact. */
    public static void revertContact(Sql sql, long contactId) throws SQLException {
        Optional<ContactView> relay = sql.queryOne("SELECT relay_json FROM contact WHERE id = ?", rs -> rs.getString(1), contactId)
                .map(text -> SyncState.parse(text, ContactView.class));
        if (relay.isPresent()) {
            blocked(sql, contactId, relay.get().blocked());
            sql.update("UPDATE contact SET opted_out = ?, opted_out_at = ? WHERE id = ?", relay.get().optedOut(), relay.get().optedOutAt(), contactId);
        }
    }

    /** The conversation already cached for a phone number (the newest one), if any. */
    public static Optional<Long> conversationFor(Sql sql, String e164) throws SQLException {
        return sql.queryOne("SELECT id FROM conversation WHERE phone = ? ORDER BY id > 0 DESC, last_message_at DESC NULLS LAST FETCH FIRST 1 ROW ONLY",
                rs -> rs.getLong(1), e164);
    }

    /** A thread for a number no cached conversation has yet, until the relay's own arrives. */
    public static void placeholderConversation(Sql sql, long id, String e164, String display) throws SQLException {
        sql.update("""
                MERGE INTO conversation (id, contact_id, phone, display_phone, status, inbox_id, unread_count, sync_gen)
                KEY (id) VALUES (?, ?, ?, ?, 'open', 0, 0, 0)""",
                id, id, e164, display);
    }

    /**
     * Writes (or rewrites) the local bubble of a send: "sending" while it waits, "failed" with the
     * relay's reason after a refusal. A waiting message also lifts its conversation to the top of
     * the list, as the relay will once it has it.
     */
    public static void localMessage(Sql sql, LocalMessage m) throws SQLException {
        Optional<String> before = sql.queryOne("SELECT body FROM message WHERE id = ?", rs -> rs.getString(1), -m.outboxId());
        if (before.isPresent() && !before.get().equals(m.body())) {
            MessageIndex.remove(sql, java.util.Map.of(-m.outboxId(), before.get()));
        }
        if (before.isEmpty() || !before.get().equals(m.body())) {
            MessageIndex.add(sql, java.util.Map.of(-m.outboxId(), m.body() == null ? "" : m.body()));
        }
        sql.update("""
                MERGE INTO message (id, conversation_id, client_id, direction, body, status, error_message, sender_kind, sender_name,
                                    media_json, created_at, updated_at, outbox_id, sync_gen)
                KEY (id) VALUES (?, ?, ?, 'out', ?, ?, ?, 'user', ?, ?, ?, ?, ?, 0)""",
                -m.outboxId(), m.conversationId(), m.clientId(), m.body(), m.failed() ? "failed" : "sending", m.errorMessage(), m.senderName(),
                m.media().isEmpty() ? null : SyncState.json(m.media()), m.createdAt(), m.createdAt(), m.outboxId());
        if (!m.failed()) {
            sql.update("""
                    UPDATE conversation SET status = 'open', last_message_at = ?, preview = ?, last_direction = 'out'
                    WHERE id = ? AND (last_message_at IS NULL OR last_message_at <= ?)""",
                    m.createdAt(), m.body().isBlank() && !m.media().isEmpty() ? "Attachment" : preview(m.body()), m.conversationId(), m.createdAt());
        }
        ConversationWriter.refreshLastOutbound(sql, java.util.List.<Object[]>of(new Object[] {m.conversationId()}));
    }

    /** Removes a discarded send's bubble (and its placeholder conversation, if that is now empty). */
    public static void removeLocalMessage(Sql sql, long outboxId) throws SQLException {
        java.util.Map<Long, String> body = new java.util.HashMap<>();
        Optional<Long> conversation = sql.queryOne("SELECT conversation_id, body FROM message WHERE id = ?", rs -> {
            body.put(-outboxId, rs.getString(2));
            return rs.getLong(1);
        }, -outboxId);
        MessageIndex.remove(sql, body);
        sql.update("DELETE FROM message WHERE id = ?", -outboxId);
        if (conversation.isPresent()) {
            sql.update("DELETE FROM conversation WHERE id = ? AND id < 0 AND NOT EXISTS (SELECT 1 FROM message WHERE conversation_id = ?)",
                    conversation.get(), conversation.get());
            revertConversation(sql, conversation.get());
            ConversationWriter.refreshLastOutbound(sql, java.util.List.<Object[]>of(new Object[] {conversation.get()}));
        }
    }

    /** A bubble not yet accepted by the relay; {@code media} are its attached files as they wait (not uploaded: no state on the relay). */
    public record LocalMessage(long outboxId, long conversationId, String clientId, String body, String senderName, Instant createdAt,
                               boolean failed, String errorMessage, List<MediaItem> media) {
    }

    private static String preview(String body) {
        String collapsed = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return collapsed.length() > 140 ? collapsed.substring(0, 139) + "…" : collapsed;
    }
}
