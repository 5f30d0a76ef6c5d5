// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patients and leads for the new-message picker, the Patients page and the opted-out and blocked
 * lists, sorted by name (with a search: word-start matches first, see {@link SearchSql}).
 */
public final class ContactQueries {
    private static final String SELECT = """
            SELECT ct.id, ct.phone, ct.display_phone, ct.kind, ct.name, ct.external_id, ct.opted_out, ct.opted_out_at, ct.blocked,
                   ct.line_type,
                   (SELECT c.id FROM conversation c WHERE c.contact_id = ct.id ORDER BY c.last_message_at DESC NULLS LAST FETCH FIRST 1 ROW ONLY)
                       AS conversation_id
            FROM contact ct WHERE 1 = 1""";

    private final CacheDatabase db;

    public ContactQueries(CacheDatabase db) {
        this.db = db;
    }

    /**
     * The new-message picker: by name, with a search word starts first. A search of one or two
     * letters that starts many names ({@link SearchSql#broad}) walks the contacts in name order
     * (the index {@code contact_sort}) probing each one's name words, and stops at the page.
     */
    public List<ContactRow> search(String search, int limit) {
        String order = " ORDER BY ct.sort_name, ct.id";
        return db.read(q -> {
            if (!SearchSql.broad(q, search)) {
                return list(q, "", search, order, limit);
            }
            StringBuilder where = new StringBuilder();
            List<Object> params = new ArrayList<>();
            SearchSql.appendProbes(search, "ct.id", where, params);
            params.add(limit);
            return q.query(SELECT + where + order + " FETCH FIRST ? ROWS ONLY", ContactQueries::row, params.toArray());
        });
    }

    public Optional<ContactRow> byPhone(String e164) {
        return db.read(q -> q.queryOne(SELECT + " AND ct.phone = ?", ContactQueries::row, e164));
    }

    public List<ContactRow> optedOut(String search) {
        return list(" AND ct.opted_out = TRUE", search, " ORDER BY ct.opted_out_at DESC NULLS LAST, ct.sort_name", Integer.MAX_VALUE);
    }

    public List<ContactRow> blocked() {
        return list(" AND ct.blocked = TRUE", null, " ORDER BY ct.sort_name", Integer.MAX_VALUE);
    }

    /**
     * The contacts under {@code condition} in {@code order}, with a search those it finds:
     * word-start matches first, then those only inside a word, each rank one statement.
     */
    private List<ContactRow> list(String condition, String search, String order, int limit) {
        return db.read(q -> list(q, condition, search, order, limit));
    }

    private static List<ContactRow> list(Sql q, String condition, String search, String order, int limit) throws SQLException {
        if (!SearchSql.ranked(search)) {
            List<Object> found = new ArrayList<>();
            return page(q, condition, SearchSql.finds(search, "ct.id", false, found), found, order, limit);
        }
        List<Object> first = new ArrayList<>();
        List<ContactRow> rows = new ArrayList<>(page(q, condition, SearchSql.finds(search, "ct.id", true, first), first, order, limit));
        if (rows.size() < limit) {
            List<Object> second = new ArrayList<>();
            rows.addAll(page(q, condition, SearchSql.findsInsideOnly(search, "ct.id", second), second, order, limit - rows.size()));
        }
        return rows;
    }

    private static List<ContactRow> page(Sql q, String condition, String search, List<Object> searchParams, String order, int limit)
            throws SQLException {
        List<Object> params = new ArrayList<>(searchParams);
        params.add(limit);
        return q.query(SELECT + condition + (search.isEmpty() ? "" : " AND " + search) + order + " FETCH FIRST ? ROWS ONLY", ContactQueries::row,
                params.toArray());
    }

    private static ContactRow row(ResultSet rs) throws SQLException {
        return new ContactRow(rs.getLong("id"), rs.getString("phone"), rs.getString("display_phone"), rs.getString("kind"), rs.getString("name"),
                rs.getString("external_id"), rs.getBoolean("opted_out"), Sql.instant(rs, "opted_out_at"), rs.getBoolean("blocked"),
                rs.getString("line_type"), Sql.nullableLong(rs, "conversation_id"));
    }
}
