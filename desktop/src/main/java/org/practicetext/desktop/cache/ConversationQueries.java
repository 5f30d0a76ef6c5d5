// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;

/**
 * The message list: any combination of the four filters and the search box, newest activity
 * first (with a search: names matched at a word start before those matched inside a word, see
 * {@link SearchSql}), as ONE parameterised statement over the cache, the outbox's waiting counts joined in
 * from a small grouped table (the outbox holds only what is not yet accepted). A conversation
 * with no activity yet sorts last. A search of one or two letters that starts many names
 * ({@link SearchSql#broad}, one bounded count before) walks the list in its order instead.
 */
public final class ConversationQueries {
    private static final String SELECT = """
            SELECT c.id, c.contact_id, ct.name AS contact_name, c.phone, c.display_phone, ct.kind, c.preview, c.last_direction,
                   c.last_message_at, c.unread_count, c.status, c.assignee_id, u.name AS assignee_name, c.inbox_id, i.name AS inbox_name,
                   COALESCE(ct.opted_out, FALSE) AS opted_out, COALESCE(ct.blocked, FALSE) AS blocked, ct.line_type, c.last_out_failed,
                   COALESCE(w.waiting, 0) AS waiting, rq.kind AS request_kind, rq.status AS request_status,
                   rq.amount_cents AS request_amount, rq.currency AS request_currency, COALESCE(oq.open_count, 0) AS open_requests
            FROM conversation c
            LEFT JOIN contact ct ON ct.id = c.contact_id
            LEFT JOIN team_member u ON u.id = c.assignee_id
            LEFT JOIN inbox i ON i.id = c.inbox_id
            LEFT JOIN (SELECT conversation_id, COUNT(*) AS waiting FROM outbox WHERE state = 'pending' GROUP BY conversation_id) w
                   ON w.conversation_id = c.id
            LEFT JOIN (SELECT conversation_id, MAX(id) AS newest, COUNT(*) AS open_count FROM request WHERE is_open GROUP BY conversation_id) oq
                   ON oq.conversation_id = c.id
            LEFT JOIN request rq ON rq.id = oq.newest
            WHERE 1 = 1""";
    /** "Open requests": an index probe per walked conversation (request_open), none for the lists without it. */
    private static final String HAS_OPEN_REQUEST = " AND EXISTS (SELECT 1 FROM request r USE INDEX (request_open) WHERE r.conversation_id = c.id AND r.is_open)";

    /** "Open & Unread", the badge's rule too: a blocked contact's texts wait for no one (they don't reopen or count on the relay either). */
    private static final String OPEN_UNREAD = " c.status = 'open' AND c.unread_count > 0 AND COALESCE(ct.blocked, FALSE) = FALSE";

    private final CacheDatabase db;

    public ConversationQueries(CacheDatabase db) {
        this.db = db;
    }

    public List<ConversationRow> list(ConversationFilter filter, Long meId, int limit) {
        return list(filter, meId, null, limit);
    }

    /**
     * The rows after {@code after} in the list's order (none: from the top), still one statement:
     * the keyset (last activity, id) continues where the shown rows end, so a page deep in the
     * list costs what the first does, and rows that moved meanwhile are neither skipped nor doubled
     * beyond what the list's own placing corrects.
     */
    public List<ConversationRow> list(ConversationFilter filter, Long meId, ConversationRow after, int limit) {
        return db.read(q -> list(q, filter, meId, after, limit));
    }

    private static List<ConversationRow> list(Sql q, ConversationFilter filter, Long meId, ConversationRow after, int limit) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        switch (filter.status()) {
            case ALL_OPEN -> where.append(" AND c.status = 'open'");
            case OPEN_UNREAD -> where.append(" AND " + OPEN_UNREAD);
            case CLOSED -> where.append(" AND c.status = 'closed'");
            case ALL -> { }
        }
        switch (filter.contactType()) {
            case PATIENTS -> where.append(" AND ct.kind = 'patient'");
            case LEADS -> where.append(" AND ct.kind = 'lead'");
            case ALL -> { }
        }
        switch (filter.assignment()) {
            case MINE -> {
                where.append(" AND c.assignee_id = ?");
                params.add(meId == null ? Long.MIN_VALUE : meId);
            }
            case UNASSIGNED -> where.append(" AND c.assignee_id IS NULL");
            case ALL -> { }
        }
        if (filter.inboxId() != null) {
            where.append(" AND c.inbox_id = ?");
            params.add(filter.inboxId());
        }
        if (filter.openRequests()) {
            where.append(HAS_OPEN_REQUEST);
        }
        if (SearchSql.broad(q, filter.search())) {
            SearchSql.appendProbes(filter.search(), "c.contact_id", where, params);
        } else {
            SearchSql.append(filter.search(), "c.contact_id", where, params);
        }
        if (after != null) {
            // A ranked search lists word-start matches first: the page continues inside the rank
            // the last shown row had, then takes the whole next rank.
            String rankOfRow = SearchSql.rankOf(filter.search(), "c.contact_id", null, params);
            if (!rankOfRow.isEmpty()) {
                where.append(" AND (").append(rankOfRow).append(" > ")
                        .append(SearchSql.rankOf(filter.search(), "c.contact_id", after.contactId(), params))
                        .append(" OR (").append(SearchSql.rankOf(filter.search(), "c.contact_id", null, params))
                        .append(" = ").append(SearchSql.rankOf(filter.search(), "c.contact_id", after.contactId(), params))
                        .append(" AND ");
                appendAfter(after, where, params);
                where.append("))");
            } else {
                where.append(" AND ");
                appendAfter(after, where, params);
            }
        }
        List<Object> rankParams = new ArrayList<>();
        String rank = SearchSql.rankOf(filter.search(), "c.contact_id", null, rankParams);
        params.addAll(0, rankParams);
        params.add(limit);
        // The page's ids first, from the conversation table alone (the contact only when a filter
        // needs it): a broad search sorts its matches on three columns, and only the page's rows
        // are then joined to names, inboxes and waiting counts.
        String contact = where.indexOf("ct.") >= 0 ? " LEFT JOIN contact ct ON ct.id = c.contact_id" : "";
        String order = "c.last_message_at DESC NULLS LAST, c.id DESC";
        // Only the list's order (a walk) or the contacts' conversations (a search): see V7.
        String page = "SELECT c.id" + (rank.isEmpty() ? "" : ", " + rank + " AS list_rank")
                + " FROM conversation c USE INDEX (conversation_activity, conversation_contact)" + contact
                + " WHERE 1 = 1" + where + " ORDER BY " + (rank.isEmpty() ? "" : "list_rank, ") + order + " FETCH FIRST ? ROWS ONLY";
        String sql = SELECT.replace("FROM conversation c", "FROM (" + page + ") pg JOIN conversation c ON c.id = pg.id")
                + " ORDER BY " + (rank.isEmpty() ? "" : "pg.list_rank, ") + order;
        return q.query(sql, ConversationQueries::row, params.toArray());
    }

    /** The keyset of the list's order (last activity, newest first, no activity last; then id). */
    private static void appendAfter(ConversationRow after, StringBuilder where, List<Object> params) {
        if (after.lastMessageAt() != null) {
            where.append("(c.last_message_at < ? OR (c.last_message_at = ? AND c.id < ?) OR c.last_message_at IS NULL)");
            params.add(after.lastMessageAt());
            params.add(after.lastMessageAt());
        } else {
            where.append("(c.last_message_at IS NULL AND c.id < ?)");
        }
        params.add(after.id());
    }

    public Optional<ConversationRow> byId(long id) {
        return db.read(q -> q.queryOne(SELECT + " AND c.id = ?", ConversationQueries::row, id));
    }

    /**
     * The SMS tab's badge: the unread incoming messages of exactly the conversations "Open &
     * Unread" lists (open, unread, the contact not blocked), so badge, filter and list agree. A
     * closed conversation keeps its unread count (closing doesn't read it) but waits for nobody;
     * a new text from the patient reopens it, and then it counts again.
     */
    public int unreadBadge() {
        return db.read(ConversationQueries::unreadBadge);
    }

    /** The badge inside a unit of work (a batch's reads). */
    public static int unreadBadge(Sql q) throws SQLException {
        // The open conversations' unread counts from conversation_unread alone, less those of the
        // few blocked contacts: the same rule as OPEN_UNREAD without a contact lookup per row (V7).
        return (int) (q.count("SELECT COALESCE(SUM(c.unread_count), 0) FROM conversation c USE INDEX (conversation_unread)"
                + " WHERE c.status = 'open' AND c.unread_count > 0")
                - q.count("""
                        SELECT COALESCE(SUM(c.unread_count), 0)
                        FROM contact ct USE INDEX (contact_blocked) JOIN conversation c USE INDEX (conversation_contact) ON c.contact_id = ct.id
                        WHERE ct.blocked = TRUE AND c.status = 'open' AND c.unread_count > 0"""));
    }

    /**
     * The rows of these conversations and of every conversation of these contacts, with their
     * waiting counts, in ONE statement (what one applied batch changed, read once for all screens).
     */
    public static List<ConversationRow> rows(Sql q, Collection<Long> ids, Collection<Long> contactIds) throws SQLException {
        if (ids.isEmpty() && contactIds.isEmpty()) {
            return List.of();
        }
        return q.query(SELECT + " AND (c.id = ANY(?) OR c.contact_id = ANY(?))", ConversationQueries::row,
                (Object) ids.toArray(Long[]::new), (Object) contactIds.toArray(Long[]::new));
    }

    /**
     * Whether a row belongs in a list under {@code filter}, the same rule as {@link #list}'s SQL
     * (kept beside it): a screen that holds a list decides from a changed row where it goes.
     * The search is not decided here (the caller asks the cache again when one is typed).
     */
    public static boolean matches(ConversationFilter filter, ConversationRow row, Long meId) {
        boolean status = switch (filter.status()) {
            case ALL_OPEN -> row.isOpen();
            case OPEN_UNREAD -> row.isOpen() && row.unreadCount() > 0 && !row.blocked();
            case CLOSED -> "closed".equals(row.status());
            case ALL -> true;
        };
        boolean kind = switch (filter.contactType()) {
            case PATIENTS -> "patient".equals(row.kind());
            case LEADS -> "lead".equals(row.kind());
            case ALL -> true;
        };
        boolean assignment = switch (filter.assignment()) {
            case MINE -> meId != null && meId.equals(row.assigneeId());
            case UNASSIGNED -> row.assigneeId() == null;
            case ALL -> true;
        };
        return status && kind && assignment && (filter.inboxId() == null || filter.inboxId() == row.inboxId())
                && (!filter.openRequests() || row.openRequest() != null);
    }

    /** The list's order: newest activity first (none last), then the higher id. */
    public static final java.util.Comparator<ConversationRow> ORDER = java.util.Comparator
            .comparing(ConversationRow::lastMessageAt, java.util.Comparator.nullsFirst(java.util.Comparator.<java.time.Instant>naturalOrder())).reversed()
            .thenComparing(java.util.Comparator.comparingLong(ConversationRow::id).reversed());

    private static ConversationRow row(ResultSet rs) throws SQLException {
        return new ConversationRow(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("contact_name"), rs.getString("phone"),
                rs.getString("display_phone"), rs.getString("kind"), rs.getString("preview"), rs.getString("last_direction"),
                Sql.instant(rs, "last_message_at"), rs.getInt("unread_count"), rs.getString("status"), Sql.nullableLong(rs, "assignee_id"),
                rs.getString("assignee_name"), rs.getLong("inbox_id"), rs.getString("inbox_name"), rs.getBoolean("opted_out"),
                rs.getBoolean("blocked"), rs.getString("line_type"), rs.getBoolean("last_out_failed"), rs.getInt("waiting"), openRequest(rs));
    }

    private static ConversationRow.OpenRequest openRequest(ResultSet rs) throws SQLException {
        int count = rs.getInt("open_requests");
        if (count == 0) {
            return null;
        }
        return new ConversationRow.OpenRequest(RequestKind.fromWire(rs.getString("request_kind")).orElse(RequestKind.PAYMENT),
                RequestStatus.fromWire(rs.getString("request_status")).orElse(RequestStatus.SENT), Sql.nullableLong(rs, "request_amount"),
                rs.getString("request_currency"), count);
    }
}
