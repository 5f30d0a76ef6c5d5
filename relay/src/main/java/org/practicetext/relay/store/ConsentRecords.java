// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.ConsentChange;
import org.practicetext.core.ConsentSource;
import org.practicetext.core.WireWords;
import org.practicetext.protocol.ConsentRecordView;
import org.practicetext.protocol.EventTypes;

/**
 * The consent records of a practice's contacts (ADR 0025). Insert-only: there is deliberately no
 * update and no delete, so a record once written is what an auditor reads. Every read is scoped to
 * a practice.
 */
public final class ConsentRecords {
    private static final String COLUMNS = "r.id, r.contact_id, r.conversation_id, r.change_kind, r.source, r.recorded_at, r.keyword_text, "
            + "r.opt_out_type, r.error_code, r.message_id, r.by_user_id, r.by_name, r.reason";

    /** A record with what the export adds from its contact (as the contact is now). */
    public record Row(ConsentRecordView record, String phone, String name, String externalId) {
    }

    /** A contact who cannot be texted now, and the record that made it so (null for a flag no record explains). */
    public record Stopped(long contactId, String phone, String name, String externalId, ConsentChange state, ConsentRecordView record) {
    }

    /** A record not yet in its practice's feed (one the V15 migration wrote). */
    public record Unannounced(long practiceId, ConsentRecordView record) {
    }

    /** Stores {@code draft} (its id is ignored) and returns it as read back, with its id. */
    public ConsentRecordView insert(Tx tx, long practiceId, ConsentRecordView draft) throws SQLException {
        long id = tx.insert("""
                INSERT INTO consent_record (practice_id, contact_id, conversation_id, change_kind, source, recorded_at, keyword_text, opt_out_type,
                    error_code, message_id, by_user_id, by_name, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                practiceId, draft.contactId(), draft.conversationId(), draft.change().wire(), draft.source().wire(), draft.at(), draft.keywordText(),
                draft.optOutType(), draft.errorCode(), draft.messageId(), draft.byUserId(), draft.byName(), draft.reason());
        return byId(tx, practiceId, id).orElseThrow(); // as stored: the database's precision of the time, as every read gives it
    }

    public Optional<ConsentRecordView> byId(Tx tx, long practiceId, long id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM consent_record r WHERE r.practice_id = ? AND r.id = ?", ConsentRecords::view, practiceId, id);
    }

    /**
     * Records in {@code [from, to)}, oldest first (by time, then id), optionally of one contact, at
     * most {@code limit}; {@code afterId} continues a page after that record.
     */
    public List<ConsentRecordView> list(Tx tx, long practiceId, Instant from, Instant to, Long contactId, Long afterId, int limit) throws SQLException {
        Where where = where(practiceId, from, to, contactId, afterId);
        where.params.add(limit);
        return tx.query("SELECT " + COLUMNS + " FROM consent_record r WHERE " + where.sql + " ORDER BY r.recorded_at, r.id LIMIT ?",
                ConsentRecords::view, where.params.toArray());
    }

    /** {@link #list} with each record's contact, every record of the range (an audit export). */
    public List<Row> export(Tx tx, long practiceId, Instant from, Instant to) throws SQLException {
        Where where = where(practiceId, from, to, null, null);
        return tx.query("SELECT " + COLUMNS + ", k.phone, k.name, k.external_id FROM consent_record r JOIN contact k ON k.id = r.contact_id"
                        + " AND k.practice_id = r.practice_id WHERE " + where.sql + " ORDER BY r.recorded_at, r.id",
                rs -> new Row(view(rs), rs.getString("phone"), rs.getString("name"), rs.getString("external_id")), where.params.toArray());
    }

    /** The contact's newest opt-out or opt-in record: what the contact's opted-out state now rests on. */
    public Optional<ConsentRecordView> newestOptOutOrIn(Tx tx, long practiceId, long contactId) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM consent_record r WHERE r.practice_id = ? AND r.contact_id = ?"
                + " AND r.change_kind IN ('opted_out', 'opted_in') ORDER BY r.id DESC LIMIT 1", ConsentRecords::view, practiceId, contactId);
    }

    /**
     * Who cannot be texted now: each opted-out contact with its newest opt-out record, then each
     * blocked one with its newest block record (a contact both opted out and blocked is in both).
     */
    public List<Stopped> stopped(Tx tx, long practiceId) throws SQLException {
        List<Stopped> rows = new ArrayList<>(stopped(tx, practiceId, "opted_out", ConsentChange.OPTED_OUT));
        rows.addAll(stopped(tx, practiceId, "blocked", ConsentChange.BLOCKED));
        return rows;
    }

    private List<Stopped> stopped(Tx tx, long practiceId, String flag, ConsentChange change) throws SQLException {
        return tx.query("SELECT k.id AS k_id, k.phone, k.name, k.external_id, " + COLUMNS + " FROM contact k LEFT JOIN consent_record r ON r.id = "
                        + "(SELECT MAX(n.id) FROM consent_record n WHERE n.practice_id = k.practice_id AND n.contact_id = k.id AND n.change_kind = ?)"
                        + " WHERE k.practice_id = ? AND k." + flag + " = TRUE ORDER BY k.id",
                rs -> new Stopped(rs.getLong("k_id"), rs.getString("phone"), rs.getString("name"), rs.getString("external_id"), change,
                        rs.getObject("id") == null ? null : view(rs)), change.wire(), practiceId);
    }

    /** Records that have no feed event yet, by practice then id (only the migration writes records without one). */
    public List<Unannounced> unannounced(Tx tx) throws SQLException {
        return tx.query("SELECT r.practice_id, " + COLUMNS + " FROM consent_record r WHERE NOT EXISTS (SELECT 1 FROM feed_event e"
                        + " WHERE e.practice_id = r.practice_id AND e.entity_type = ? AND e.entity_id = r.id) ORDER BY r.practice_id, r.id",
                rs -> new Unannounced(rs.getLong("practice_id"), view(rs)), EventTypes.CONSENT);
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(long practiceId, Instant from, Instant to, Long contactId, Long afterId) {
        StringBuilder sql = new StringBuilder("r.practice_id = ?");
        List<Object> params = new ArrayList<>(List.of(practiceId));
        if (from != null) {
            sql.append(" AND r.recorded_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND r.recorded_at < ?");
            params.add(to);
        }
        if (contactId != null) {
            sql.append(" AND r.contact_id = ?");
            params.add(contactId);
        }
        if (afterId != null) {
            // After that record in (time, id) order: later, or at the same time with a higher id.
            sql.append(" AND EXISTS (SELECT 1 FROM consent_record a WHERE a.practice_id = r.practice_id AND a.id = ?"
                    + " AND (r.recorded_at > a.recorded_at OR (r.recorded_at = a.recorded_at AND r.id > a.id)))");
            params.add(afterId);
        }
        return new Where(sql.toString(), params);
    }

    static ConsentRecordView view(ResultSet rs) throws SQLException {
        return new ConsentRecordView(rs.getLong("id"), rs.getLong("contact_id"), Tx.nullableLong(rs, "conversation_id"),
                WireWords.fromWire(ConsentChange.class, rs.getString("change_kind")),
                WireWords.fromWireOrFallback(ConsentSource.class, rs.getString("source")), Tx.instant(rs, "recorded_at"), rs.getString("keyword_text"),
                rs.getString("opt_out_type"), Tx.nullableInt(rs, "error_code"), Tx.nullableLong(rs, "message_id"), Tx.nullableLong(rs, "by_user_id"),
                rs.getString("by_name"), rs.getString("reason"));
    }
}
