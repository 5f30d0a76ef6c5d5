// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.practicetext.core.Direction;
import org.practicetext.protocol.MessageView;

/**
 * Upserts messages from the feed. A message that carries the client id of one written here
 * replaces the local copy (and settles its outbox item). A body is indexed for search
 * ({@link MessageIndex}) only when it is new or changed, so the many status-only updates cost
 * one row write and a replayed batch writes nothing new.
 */
final class MessageWriter {
    private static final String MERGE = """
            MERGE INTO message (id, conversation_id, client_id, direction, body, status, error_code, error_message, sid, sender_kind,
                                sender_name, media_json, created_at, updated_at, outbox_id, sync_gen)
            KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)""";

    /**
     * Upserts and says what changed: a text the cache did not have, a message whose state is new
     * or different, a local bubble the relay's copy replaced. A message written again in the state
     * the cache holds (the send's answer, then the same message from the feed) changes nothing.
     */
    List<DeskChange> upsert(Sql sql, Collection<MessageView> messages, int generation) throws SQLException {
        if (messages.isEmpty()) {
            return List.of();
        }
        Map<Long, Stored> stored = stored(sql, messages);
        List<Object[]> rows = new ArrayList<>();
        Map<Long, String> staleBodies = new HashMap<>();
        Map<Long, String> newBodies = new HashMap<>();
        List<Object[]> clientIds = new ArrayList<>();
        List<DeskChange> changes = new ArrayList<>();
        Set<Long> conversations = new LinkedHashSet<>();
        for (MessageView m : messages) {
            String body = m.body() == null ? "" : m.body();
            String media = m.media() == null || m.media().isEmpty() ? null : SyncState.json(m.media());
            rows.add(new Object[] {m.id(), m.conversationId(), m.clientId(), m.direction(), body, m.status(), m.errorCode(), m.errorMessage(),
                    m.sid(), m.sender() == null ? null : m.sender().kind(), m.sender() == null ? null : m.sender().name(),
                    media, m.createdAt(), m.updatedAt(), generation});
            Stored before = stored.get(m.id());
            if (before == null || !Objects.equals(before.body(), body)) {
                if (before != null) {
                    staleBodies.put(m.id(), before.body());
                }
                newBodies.put(m.id(), body);
            }
            if (m.clientId() != null) {
                clientIds.add(new Object[] {m.clientId()});
            }
            if (before == null && m.direction() == Direction.IN) {
                changes.add(new DeskChange.TextArrived(m.conversationId(), m.id()));
            } else if (before == null || !before.sameAs(m, body, media)) {
                changes.add(new DeskChange.MessageChanged(m.conversationId(), m.id()));
            }
            conversations.add(m.conversationId());
        }
        if (!clientIds.isEmpty()) {
            for (long[] local : replaceLocalCopies(sql, clientIds)) {
                changes.add(new DeskChange.MessageChanged(local[1], local[0]));
                conversations.add(local[1]);
            }
        }
        sql.batch(MERGE, rows);
        MessageIndex.remove(sql, staleBodies);
        MessageIndex.add(sql, newBodies);
        ConversationWriter.refreshLastOutbound(sql, conversations.stream().map(id -> new Object[] {id}).toList());
        return changes;
    }

    /** The part of a stored message the relay may change (an attachment's state too: the relay sends the whole message again when a file arrives). */
    private record Stored(long conversationId, String body, String status, Integer errorCode, String errorMessage, String sid, Instant updatedAt,
                          String media) {
        boolean sameAs(MessageView m, String body, String media) {
            return conversationId == m.conversationId() && Objects.equals(this.body, body) && Objects.equals(this.media, media) && Objects.equals(status, m.status())
                    && Objects.equals(errorCode, m.errorCode()) && Objects.equals(errorMessage, m.errorMessage()) && Objects.equals(sid, m.sid())
                    && Objects.equals(updatedAt, m.updatedAt());
        }
    }

    private static Map<Long, Stored> stored(Sql sql, Collection<MessageView> messages) throws SQLException {
        Long[] ids = messages.stream().map(MessageView::id).toArray(Long[]::new);
        Map<Long, Stored> found = new HashMap<>();
        sql.query("SELECT id, conversation_id, body, status, error_code, error_message, sid, updated_at, media_json FROM message WHERE id = ANY(?)", rs -> {
            found.put(rs.getLong("id"), new Stored(rs.getLong("conversation_id"), rs.getString("body"), rs.getString("status"),
                    Sql.nullableInt(rs, "error_code"), rs.getString("error_message"), rs.getString("sid"), Sql.instant(rs, "updated_at"),
                    rs.getString("media_json")));
            return null;
        }, (Object) ids);
        return found;
    }

    /** The relay has these client ids: their local bubbles (answered as id and conversation), placeholder threads and outbox items are done. */
    private static List<long[]> replaceLocalCopies(Sql sql, List<Object[]> clientIds) throws SQLException {
        List<long[]> touched = new ArrayList<>();
        Map<Long, String> bodies = new HashMap<>();
        for (Object[] clientId : clientIds) {
            touched.addAll(sql.query("SELECT id, conversation_id, body FROM message WHERE client_id = ? AND id < 0", rs -> {
                bodies.put(rs.getLong(1), rs.getString(3));
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }, clientId));
        }
        if (touched.isEmpty()) {
            sql.batch("DELETE FROM outbox WHERE client_id = ?", clientIds);
            return touched;
        }
        MessageIndex.remove(sql, bodies);
        sql.batch("DELETE FROM message WHERE client_id = ? AND id < 0", clientIds);
        sql.batch("DELETE FROM outbox WHERE client_id = ?", clientIds);
        sql.update("DELETE FROM conversation WHERE id < 0 AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = conversation.id)");
        return touched;
    }
}
