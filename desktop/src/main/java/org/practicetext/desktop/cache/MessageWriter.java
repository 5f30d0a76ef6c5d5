// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.practicetext.protocol.MessageView;

/**
 * Upserts messages from the feed. A message that carries the client id of one written here
 * replaces the local copy (and settles its outbox item). The search words of a body are written
 * only when the body is new or changed, so the many status-only updates cost one row write and
 * a replayed batch writes nothing new.
 */
final class MessageWriter {
    private static final String MERGE = """
            MERGE INTO message (id, conversation_id, client_id, direction, body, status, error_code, error_message, sid, sender_kind,
                                sender_name, media_json, created_at, updated_at, outbox_id, sync_gen)
            KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)""";

    /** Upserts and answers the conversations whose threads changed. */
    Set<Long> upsert(Sql sql, Collection<MessageView> messages, int generation) throws SQLException {
        if (messages.isEmpty()) {
            return Set.of();
        }
        Map<Long, String> storedBodies = storedBodies(sql, messages);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> staleWords = new ArrayList<>();
        List<Object[]> words = new ArrayList<>();
        List<Object[]> clientIds = new ArrayList<>();
        Set<Long> conversations = new LinkedHashSet<>();
        for (MessageView m : messages) {
            String body = m.body() == null ? "" : m.body();
            rows.add(new Object[] {m.id(), m.conversationId(), m.clientId(), m.direction(), body, m.status(), m.errorCode(), m.errorMessage(),
                    m.sid(), m.sender() == null ? null : m.sender().kind(), m.sender() == null ? null : m.sender().name(),
                    m.media() == null || m.media().isEmpty() ? null : SyncState.json(m.media()), m.createdAt(), m.updatedAt(), generation});
            boolean known = storedBodies.containsKey(m.id());
            if (!known || !Objects.equals(storedBodies.get(m.id()), body)) {
                if (known) {
                    staleWords.add(new Object[] {m.id()});
                }
                for (String word : TextKey.words(body, 2)) {
                    words.add(new Object[] {word, m.id()});
                }
            }
            if (m.clientId() != null) {
                clientIds.add(new Object[] {m.clientId()});
            }
            conversations.add(m.conversationId());
        }
        if (!clientIds.isEmpty()) {
            conversations.addAll(replaceLocalCopies(sql, clientIds));
        }
        sql.batch(MERGE, rows);
        sql.batch("DELETE FROM message_word WHERE message_id = ?", staleWords);
        sql.batch("INSERT INTO message_word (word, message_id) VALUES (?, ?)", words);
        ConversationWriter.refreshLastOutbound(sql, conversations.stream().map(id -> new Object[] {id}).toList());
        return conversations;
    }

    private static Map<Long, String> storedBodies(Sql sql, Collection<MessageView> messages) throws SQLException {
        Long[] ids = messages.stream().map(MessageView::id).toArray(Long[]::new);
        Map<Long, String> bodies = new HashMap<>();
        for (Object[] row : sql.query("SELECT id, body FROM message WHERE id = ANY(?)", rs -> new Object[] {rs.getLong(1), rs.getString(2)},
                (Object) ids)) {
            bodies.put((Long) row[0], (String) row[1]);
        }
        return bodies;
    }

    /** The relay has these client ids: their local bubbles, placeholder threads and outbox items are done. */
    private static List<Long> replaceLocalCopies(Sql sql, List<Object[]> clientIds) throws SQLException {
        List<Long> touched = new ArrayList<>();
        for (Object[] clientId : clientIds) {
            touched.addAll(sql.query("SELECT conversation_id FROM message WHERE client_id = ? AND id < 0", rs -> rs.getLong(1), clientId));
        }
        if (touched.isEmpty()) {
            sql.batch("DELETE FROM outbox WHERE client_id = ?", clientIds);
            return touched;
        }
        sql.batch("DELETE FROM message WHERE client_id = ? AND id < 0", clientIds);
        sql.batch("DELETE FROM outbox WHERE client_id = ?", clientIds);
        sql.update("DELETE FROM conversation WHERE id < 0 AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = conversation.id)");
        return touched;
    }
}
