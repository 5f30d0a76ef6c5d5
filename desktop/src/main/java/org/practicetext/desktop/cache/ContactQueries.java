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
        if (!db.read(q -> SearchSql.broad(q, search))) {
            return list("", search, order, limit);
        }
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        SearchSql.appendProbes(search, "ct.id", where, params);
        params.add(limit);
        return db.read(q -> q.query(SELECT + where + order + " FETCH FIRST ? ROWS ONLY", ContactQueries::row, params.toArray()));
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

    private List<ContactRow> list(String condition, String search, String order, int limit) {
        StringBuilder where = new StringBuilder(condition);
        List<Object> params = new ArrayList<>();
        SearchSql.append(search, "ct.id", where, params);
        String rank = SearchSql.rank(search, "ct.id", params);
        params.add(limit);
        String sql = SELECT + where + (rank.isEmpty() ? order : order.replaceFirst("ORDER BY ", "ORDER BY " + rank)) + " FETCH FIRST ? ROWS ONLY";
        return db.read(q -> q.query(sql, ContactQueries::row, params.toArray()));
    }

    private static ContactRow row(ResultSet rs) throws SQLException {
        return new ContactRow(rs.getLong("id"), rs.getString("phone"), rs.getString("display_phone"), rs.getString("kind"), rs.getString("name"),
                rs.getString("external_id"), rs.getBoolean("opted_out"), Sql.instant(rs, "opted_out_at"), rs.getBoolean("blocked"),
                rs.getString("line_type"), Sql.nullableLong(rs, "conversation_id"));
    }
}
