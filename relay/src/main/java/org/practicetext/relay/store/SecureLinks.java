// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The secure links behind texts (ADR 0023): the page's facts, its answers and its openings. */
public final class SecureLinks {
    /** A link as the patient's page needs it. */
    public record Link(String token, long practiceId, long messageId, long contactId, boolean asksBirthDate, Instant expiresAt,
                       Instant firstOpenedAt, int failedAnswers, Instant lockedUntil, String practiceName, String timeZone, int wrongTotal) {
        /** The same link under the name the practice's settings give it in texts and pages. */
        public Link named(String name) {
            return new Link(token, practiceId, messageId, contactId, asksBirthDate, expiresAt, firstOpenedAt, failedAnswers, lockedUntil, name, timeZone,
                    wrongTotal);
        }
    }

    /** A file behind a link. */
    public record Listed(int position, String fileName, String contentType, long size) {
    }

    /** What the practice decided for its links, and what it knows of the contact. */
    public record Rules(String practiceName, boolean asksBirthDate, int days) {
    }

    /** A practice's settings for its links. */
    public record Settings(boolean askBirthDate, int days) {
    }

    public Settings settings(Tx tx, long practiceId) throws SQLException {
        return tx.queryOne("SELECT links_ask_birth_date, link_days FROM practice WHERE id = ?", rs -> new Settings(rs.getBoolean(1), rs.getInt(2)),
                practiceId).orElseThrow();
    }

    public void setSettings(Tx tx, long practiceId, Settings s) throws SQLException {
        tx.update("UPDATE practice SET links_ask_birth_date = ?, link_days = ? WHERE id = ?", s.askBirthDate(), s.days(), practiceId);
    }

    public Rules rules(Tx tx, long practiceId, long contactId) throws SQLException {
        return tx.queryOne("""
                SELECT p.name, p.links_ask_birth_date, p.link_days, c.birth_date FROM practice p JOIN contact c ON c.practice_id = p.id
                WHERE p.id = ? AND c.id = ?""",
                rs -> new Rules(rs.getString(1), rs.getBoolean(2) && rs.getObject(4) != null, rs.getInt(3)), practiceId, contactId).orElseThrow();
    }

    public void create(Tx tx, String token, long practiceId, long messageId, long contactId, boolean asksBirthDate, Instant expiresAt, Instant now)
            throws SQLException {
        tx.update("""
                INSERT INTO secure_link (token, practice_id, message_id, contact_id, asks_birth_date, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", token, practiceId, messageId, contactId, asksBirthDate, expiresAt, now);
    }

    public Optional<Link> byToken(Tx tx, String token) throws SQLException {
        return tx.queryOne("""
                SELECT l.token, l.practice_id, l.message_id, l.contact_id, l.asks_birth_date, l.expires_at, l.first_opened_at, l.failed_answers,
                       l.locked_until, p.name, p.time_zone, l.wrong_total
                FROM secure_link l JOIN practice p ON p.id = l.practice_id WHERE l.token = ?""",
                rs -> new Link(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBoolean(5), Tx.instant(rs, "expires_at"),
                        Tx.instant(rs, "first_opened_at"), rs.getInt(8), Tx.instant(rs, "locked_until"), rs.getString(10), rs.getString(11), rs.getInt(12)), token);
    }

    /** The files behind the link of message {@code messageId}, in order. */
    public List<Listed> files(Tx tx, long messageId) throws SQLException {
        return tx.query("""
                SELECT position, file_name, content_type, size_bytes FROM message_media
                WHERE message_id = ? AND delivery = 'link' AND state = 'ready' ORDER BY position""",
                rs -> new Listed(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4)), messageId);
    }

    /** A file behind the link of message {@code messageId}. */
    public Optional<MessageMedia.File> file(Tx tx, long messageId, int position) throws SQLException {
        return tx.queryOne("""
                SELECT mm.content_type, mm.file_name, f.content FROM message_media mm
                JOIN media_file f ON f.message_id = mm.message_id AND f.position = mm.position
                WHERE mm.message_id = ? AND mm.position = ? AND mm.delivery = 'link' AND mm.state = 'ready'""",
                rs -> new MessageMedia.File(rs.getString(1), rs.getString(2), rs.getBytes(3)), messageId, position);
    }

    /** The contact's date of birth, as the practice knows it. */
    public Optional<LocalDate> birthDate(Tx tx, long contactId) throws SQLException {
        return tx.queryOne("SELECT birth_date FROM contact WHERE id = ?", rs -> Optional.ofNullable(rs.getObject(1, LocalDate.class)), contactId)
                .flatMap(d -> d);
    }

    /** A wrong answer: counted, and at {@code lockAfter} wrong answers the link is locked until {@code lockUntil} (the count starts again; {@code wrong_total} never does). */
    public void wrongAnswer(Tx tx, String token, int lockAfter, Instant lockUntil) throws SQLException {
        tx.update("""
                UPDATE secure_link SET wrong_total = wrong_total + 1,
                                       failed_answers = CASE WHEN failed_answers + 1 >= ? THEN 0 ELSE failed_answers + 1 END,
                                       locked_until = CASE WHEN failed_answers + 1 >= ? THEN ? ELSE locked_until END
                WHERE token = ?""", lockAfter, lockAfter, lockUntil, token);
    }

    /** Records the first opening; true when this was it (the message's feed event then shows it). */
    public boolean opened(Tx tx, String token, Instant now) throws SQLException {
        return tx.update("UPDATE secure_link SET first_opened_at = ?, failed_answers = 0 WHERE token = ? AND first_opened_at IS NULL", now, token) == 1;
    }

    public void grant(Tx tx, String accessKey, String token, Instant until) throws SQLException {
        tx.update("INSERT INTO secure_link_access (access_key, token, expires_at) VALUES (?, ?, ?)", accessKey, token, until);
        tx.update("DELETE FROM secure_link_access WHERE token = ? AND expires_at < ?", token, until.minusSeconds(2 * 3600));
    }

    public boolean granted(Tx tx, String accessKey, String token, Instant now) throws SQLException {
        return tx.queryOne("SELECT 1 FROM secure_link_access WHERE access_key = ? AND token = ? AND expires_at > ?", rs -> 1, accessKey, token, now)
                .isPresent();
    }
}
