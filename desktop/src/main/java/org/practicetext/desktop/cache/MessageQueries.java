// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.MediaItem;

/**
 * A thread's messages a page at a time (newest page first, keyset-paged on (createdAt, id) so a
 * message arriving meanwhile never shifts a page), and the search inside message text across all
 * threads: every typed word (2+ characters) must be the prefix of a word of the body, found
 * through the posting lists of {@link MessageIndex}.
 */
public final class MessageQueries {
    private static final String COLUMNS = """
            m.id, m.conversation_id, m.client_id, m.direction, m.body, m.status, m.error_code, m.error_message, m.sender_kind,
            m.sender_name, m.media_json, m.created_at, m.outbox_id""";

    private final CacheDatabase db;

    public MessageQueries(CacheDatabase db) {
        this.db = db;
    }

    public MessagePage page(long conversationId, MessagePage.MessageCursor before, int pageSize) {
        List<MessageRow> newestFirst = db.read(q -> before == null
                ? q.query("SELECT " + COLUMNS + " FROM message m WHERE m.conversation_id = ? ORDER BY m.created_at DESC, m.id DESC FETCH FIRST ? ROWS ONLY",
                        MessageQueries::row, conversationId, pageSize + 1)
                : q.query("SELECT " + COLUMNS + " FROM message m WHERE m.conversation_id = ? AND (m.created_at < ? OR (m.created_at = ? AND m.id < ?))"
                                + " ORDER BY m.created_at DESC, m.id DESC FETCH FIRST ? ROWS ONLY",
                        MessageQueries::row, conversationId, before.createdAt(), before.createdAt(), before.id(), pageSize + 1));
        boolean older = newestFirst.size() > pageSize;
        List<MessageRow> page = new ArrayList<>(older ? newestFirst.subList(0, pageSize) : newestFirst);
        Collections.reverse(page);
        MessagePage.MessageCursor cursor = older ? new MessagePage.MessageCursor(page.getFirst().createdAt(), page.getFirst().id()) : null;
        return new MessagePage(List.copyOf(page), cursor);
    }

    /** These messages as the thread shows them (a batch's changed messages, read once for all screens); absent ids are gone. */
    public static List<MessageRow> rows(Sql q, java.util.Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        return q.query("SELECT " + COLUMNS + " FROM message m WHERE m.id = ANY(?)", MessageQueries::row, (Object) ids.toArray(Long[]::new));
    }

    /** The thread's order: oldest first by (createdAt, id), the keyset the pages use. */
    public static final java.util.Comparator<MessageRow> ORDER = java.util.Comparator.comparing(MessageRow::createdAt)
            .thenComparingLong(MessageRow::id);

    /**
     * Message-text search, newest first: the matching ids come from the posting lists of
     * {@link MessageIndex} (one range scan per typed word, intersected in memory), and only the
     * newest {@code limit} rows are then read, in one statement.
     */
    public List<MessageHit> search(String text, int limit) {
        List<String> words = TextKey.words(text, MessageIndex.MIN_WORD);
        if (words.isEmpty()) {
            return List.of();
        }
        return db.read(q -> {
            List<Long> ids = MessageIndex.matching(q, words, limit);
            if (ids.isEmpty()) {
                return List.<MessageHit>of();
            }
            return q.query("""
                    SELECT m.id, m.conversation_id, m.body, m.created_at, ct.name, c.display_phone
                    FROM message m JOIN conversation c ON c.id = m.conversation_id LEFT JOIN contact ct ON ct.id = c.contact_id
                    WHERE m.id = ANY(?) ORDER BY m.created_at DESC, m.id DESC FETCH FIRST ? ROWS ONLY""", rs -> {
                String name = rs.getString(5);
                String display = name == null || name.isBlank() ? rs.getString(6) : name;
                return new MessageHit(rs.getLong(1), rs.getLong(2), display, Snippets.around(rs.getString(3), words), Sql.instant(rs, "created_at"));
            }, ids.toArray(Long[]::new), limit);
        });
    }

    private static MessageRow row(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new MessageRow(id, rs.getLong("conversation_id"), rs.getString("client_id"), rs.getString("direction"), rs.getString("body"),
                rs.getString("status"), Sql.nullableInt(rs, "error_code"), rs.getString("error_message"), rs.getString("sender_kind"),
                rs.getString("sender_name"), media(rs.getString("media_json")), Sql.instant(rs, "created_at"), id < 0,
                Sql.nullableLong(rs, "outbox_id"));
    }

    private static List<MediaItem> media(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, new TypeReference<List<MediaItem>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }
}
