// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.ContactKind;
import org.practicetext.core.LineType;
import org.practicetext.core.WireWords;
import org.practicetext.protocol.ContactView;

/** Patients and leads of a practice, keyed by E.164 phone. */
public final class Contacts {
    private static final String COLUMNS =
            "id, phone, kind, name, external_id, opted_out, opted_out_at, opted_out_via, blocked, blocked_at, blocked_by, line_type";

    public Optional<ContactView> byPhone(Tx tx, long practiceId, String phone) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM contact WHERE practice_id = ? AND phone = ?", Contacts::view, practiceId, phone);
    }

    /** The practice's contacts with any of {@code phones}, in one query. */
    public List<ContactView> byPhones(Tx tx, long practiceId, List<String> phones) throws SQLException {
        if (phones.isEmpty()) {
            return List.of();
        }
        return tx.query("SELECT " + COLUMNS + " FROM contact WHERE practice_id = ? AND phone IN (" + Tx.marks(phones.size()) + ")",
                Contacts::view, Tx.params(practiceId, phones));
    }

    public Optional<ContactView> byId(Tx tx, long practiceId, long id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM contact WHERE practice_id = ? AND id = ?", Contacts::view, practiceId, id);
    }

    public ContactView create(Tx tx, long practiceId, String phone, String kind, String name, String externalId, Instant now) throws SQLException {
        long id = tx.insert("INSERT INTO contact (practice_id, phone, kind, name, external_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                practiceId, phone, kind, name, externalId, now);
        return byId(tx, practiceId, id).orElseThrow();
    }

    public void setOptedOut(Tx tx, long practiceId, long id, boolean optedOut, String via, Instant now) throws SQLException {
        tx.update("UPDATE contact SET opted_out = ?, opted_out_at = ?, opted_out_via = ? WHERE practice_id = ? AND id = ?",
                optedOut, optedOut ? now : null, optedOut ? via : null, practiceId, id);
    }

    public void setBlocked(Tx tx, long practiceId, long id, boolean blocked, Long byUser, Instant now) throws SQLException {
        tx.update("UPDATE contact SET blocked = ?, blocked_at = ?, blocked_by = ? WHERE practice_id = ? AND id = ?",
                blocked, blocked ? now : null, blocked ? byUser : null, practiceId, id);
    }

    public void setLineType(Tx tx, long practiceId, long id, String lineType) throws SQLException {
        tx.update("UPDATE contact SET line_type = ? WHERE practice_id = ? AND id = ?", lineType, practiceId, id);
    }

    /** Replaces the fields staff edit; the caller has checked that no other contact has {@code phone}. */
    public void update(Tx tx, long practiceId, long id, String phone, String kind, String name, String externalId) throws SQLException {
        tx.update("UPDATE contact SET phone = ?, kind = ?, name = ?, external_id = ? WHERE practice_id = ? AND id = ?",
                phone, kind, name, externalId, practiceId, id);
    }

    static ContactView view(ResultSet rs) throws SQLException {
        return new ContactView(rs.getLong("id"), rs.getString("phone"), WireWords.fromWire(ContactKind.class, rs.getString("kind")), rs.getString("name"), rs.getString("external_id"),
                rs.getBoolean("opted_out"), Tx.instant(rs, "opted_out_at"), rs.getString("opted_out_via"),
                rs.getBoolean("blocked"), Tx.instant(rs, "blocked_at"), Tx.nullableLong(rs, "blocked_by"), WireWords.fromWire(LineType.class, rs.getString("line_type")));
    }

    /** The date of birth the practice knows (from its import); only a secure link's page reads it, never the feed. */
    public void setBirthDate(Tx tx, long practiceId, long contactId, java.time.LocalDate date) throws SQLException {
        tx.update("UPDATE contact SET birth_date = ? WHERE practice_id = ? AND id = ?", date, practiceId, contactId);
    }
}
