// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.protocol.ConversationView;

/**
 * Upserts conversations from the feed. Besides the relay's fields a row keeps
 * {@code last_out_failed} (is the newest outbound message failed? the list's red mark), kept
 * here so the list query needs no per-row subquery, and {@code relay_json} for undoing an
 * optimistic action.
 */
final class ConversationWriter {
    private static final String MERGE = """
            MERGE INTO conversation (id, contact_id, phone, display_phone, practice_number, status, inbox_id, assignee_id,
                                     unread_count, last_message_at, preview, last_direction, relay_json, sync_gen)
            KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String LAST_OUT_FAILED = """
            UPDATE conversation SET last_out_failed = COALESCE((
                SELECT m.status IN ('failed', 'undelivered') FROM message m
                WHERE m.conversation_id = conversation.id AND m.direction = 'out'
                ORDER BY m.created_at DESC, m.id DESC FETCH FIRST 1 ROW ONLY), FALSE)
            WHERE id = ?""";

    /** Upserts and answers the ids whose relay state is new or different (the same state again is no change). */
    Set<Long> upsert(Sql sql, Collection<ConversationView> conversations, int generation, PhoneNumbers phones) throws SQLException {
        if (conversations.isEmpty()) {
            return Set.of();
        }
        Map<Long, String> stored = RelayJson.stored(sql, "conversation", conversations.stream().map(ConversationView::id).toList());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> ids = new ArrayList<>();
        Set<Long> changed = new LinkedHashSet<>();
        for (ConversationView c : conversations) {
            String display = phones.display(c.phone());
            String json = SyncState.json(c);
            rows.add(new Object[] {c.id(), c.contactId(), c.phone(), display, c.practiceNumber(),
                    c.status(), c.inboxId(), c.assigneeId(), c.unreadCount(), c.lastMessageAt(), c.lastMessagePreview(),
                    c.lastMessageDirection(), json, generation});
            ids.add(new Object[] {c.id()});
            if (!json.equals(stored.get(c.id()))) {
                changed.add(c.id());
            }
        }
        sql.batch(MERGE, rows);
        refreshLastOutbound(sql, ids);
        return changed;
    }

    /** Recomputes the red mark of these conversations (rows of one id each). */
    static void refreshLastOutbound(Sql sql, List<Object[]> conversationIds) throws SQLException {
        sql.batch(LAST_OUT_FAILED, conversationIds);
    }
}
