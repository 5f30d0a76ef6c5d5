// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.practicetext.protocol.InboxView;
import org.practicetext.protocol.PracticeView;

/** Practices, their Twilio numbers and their inboxes. */
public final class Practices {

    public record Practice(long id, String slug, String name, String region, String timeZone) {
        public PracticeView view() {
            return new PracticeView(id, slug, name, region, timeZone);
        }
    }

    /** A number the practice owns and the inbox its new conversations land in. */
    public record PracticeNumber(long id, long practiceId, String phone, long inboxId) {
    }

    public Practice create(Tx tx, String slug, String name, String region, String timeZone, Instant now) throws SQLException {
        long id = tx.insert("INSERT INTO practice (slug, name, region, time_zone, feed_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                slug, name, region, timeZone, UUID.randomUUID().toString(), now);
        return new Practice(id, slug, name, region, timeZone);
    }

    public Optional<Practice> bySlug(Tx tx, String slug) throws SQLException {
        return tx.queryOne("SELECT id, slug, name, region, time_zone FROM practice WHERE slug = ?", Practices::practice, slug);
    }

    public Optional<Practice> byId(Tx tx, long id) throws SQLException {
        return tx.queryOne("SELECT id, slug, name, region, time_zone FROM practice WHERE id = ?", Practices::practice, id);
    }

    /** Every practice, oldest first (the operator's list; no practice ever sees it). */
    public List<Practice> all(Tx tx) throws SQLException {
        return tx.query("SELECT id, slug, name, region, time_zone FROM practice ORDER BY id", Practices::practice);
    }

    public Optional<PracticeNumber> numberById(Tx tx, long practiceId, long numberId) throws SQLException {
        return tx.queryOne("SELECT id, practice_id, phone, inbox_id FROM practice_number WHERE practice_id = ? AND id = ?",
                rs -> new PracticeNumber(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)), practiceId, numberId);
    }

    /** How many conversations were held on the number; their history keeps it, so such a number stays. */
    public long conversationsOn(Tx tx, long numberId) throws SQLException {
        return tx.queryOne("SELECT COUNT(*) FROM conversation WHERE practice_number_id = ?", rs -> rs.getLong(1), numberId).orElse(0L);
    }

    public void removeNumber(Tx tx, long practiceId, long numberId) throws SQLException {
        tx.update("DELETE FROM practice_number WHERE practice_id = ? AND id = ?", practiceId, numberId);
    }

    public Optional<PracticeNumber> number(Tx tx, String phone) throws SQLException {
        return tx.queryOne("SELECT id, practice_id, phone, inbox_id FROM practice_number WHERE phone = ?",
                rs -> new PracticeNumber(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)), phone);
    }

    public List<PracticeNumber> numbers(Tx tx, long practiceId) throws SQLException {
        return tx.query("SELECT id, practice_id, phone, inbox_id FROM practice_number WHERE practice_id = ? ORDER BY id",
                rs -> new PracticeNumber(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)), practiceId);
    }

    public PracticeNumber addNumber(Tx tx, long practiceId, String phone, long inboxId) throws SQLException {
        long id = tx.insert("INSERT INTO practice_number (practice_id, phone, inbox_id) VALUES (?, ?, ?)", practiceId, phone, inboxId);
        return new PracticeNumber(id, practiceId, phone, inboxId);
    }

    public InboxView createInbox(Tx tx, long practiceId, String name) throws SQLException {
        long id = tx.insert("INSERT INTO inbox (practice_id, name) VALUES (?, ?)", practiceId, name);
        return new InboxView(id, name, false);
    }

    public Optional<InboxView> inboxByName(Tx tx, long practiceId, String name) throws SQLException {
        return tx.queryOne("SELECT id, name, deleted FROM inbox WHERE practice_id = ? AND LOWER(name) = LOWER(?) AND deleted = FALSE",
                rs -> new InboxView(rs.getLong(1), rs.getString(2), rs.getBoolean(3)), practiceId, name);
    }

    public Optional<InboxView> inbox(Tx tx, long practiceId, long inboxId) throws SQLException {
        return tx.queryOne("SELECT id, name, deleted FROM inbox WHERE practice_id = ? AND id = ?",
                rs -> new InboxView(rs.getLong(1), rs.getString(2), rs.getBoolean(3)), practiceId, inboxId);
    }

    public int countActiveInboxes(Tx tx, long practiceId) throws SQLException {
        return tx.queryOne("SELECT COUNT(*) FROM inbox WHERE practice_id = ? AND deleted = FALSE", rs -> rs.getInt(1), practiceId).orElse(0);
    }

    public void renameInbox(Tx tx, long practiceId, long inboxId, String name) throws SQLException {
        tx.update("UPDATE inbox SET name = ? WHERE practice_id = ? AND id = ?", name, practiceId, inboxId);
    }

    /** Marks the inbox deleted; the row stays so the feed can carry its tombstone. */
    public void deleteInbox(Tx tx, long practiceId, long inboxId) throws SQLException {
        tx.update("UPDATE inbox SET deleted = TRUE WHERE practice_id = ? AND id = ?", practiceId, inboxId);
    }

    /** Points every number that fed {@code fromInbox} at {@code toInbox}; returns how many moved. */
    public int moveNumbers(Tx tx, long practiceId, long fromInbox, long toInbox) throws SQLException {
        return tx.update("UPDATE practice_number SET inbox_id = ? WHERE practice_id = ? AND inbox_id = ?", toInbox, practiceId, fromInbox);
    }

    private static Practice practice(java.sql.ResultSet rs) throws SQLException {
        return new Practice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
