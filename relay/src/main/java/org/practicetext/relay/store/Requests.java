// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.core.SenderKind;
import org.practicetext.core.WireWords;
import org.practicetext.protocol.Sender;

/**
 * The practice's requests (ADR 0024) and its communication settings document. Every query of a
 * request names its practice, except {@link #byIdInAnyPractice} (a signed payment webhook names the
 * request only) and {@link #byToken} (the patient's link is the only thing the patient has).
 */
public final class Requests {
    private static final String COLUMNS = """
            id, practice_id, kind, status, conversation_id, contact_id, message_id, token, expires_at, delivered_at, opened_at, finished_at,
            finished_by, note, description, reference, amount_cents, currency, paid_cents, payment_id, forms, destination, replaces_id,
            replaced_by_id, sender_kind, sender_name, sender_user_id, checkout_session, checkout_url, checkout_expires_at, created_at, updated_at,
            (SELECT mm.file_name FROM message_media mm WHERE mm.message_id = request.message_id AND mm.position = 0) AS file_name""";

    /**
     * A request as stored. {@code forms} is the JSON of the forms sent; {@code destination} the review URL a review link forwards to;
     * {@code fileName} the name of the document behind its link (read with the row: no second query).
     */
    public record Row(long id, long practiceId, RequestKind kind, RequestStatus status, long conversationId, long contactId, long messageId,
                      String token, Instant expiresAt, Instant deliveredAt, Instant openedAt, Instant finishedAt, String finishedBy, String note,
                      String description, String reference, Long amountCents, String currency, Long paidCents, String paymentId, String forms,
                      String destination, Long replacesId, Long replacedById, Sender sender, String checkoutSession, String checkoutUrl,
                      Instant checkoutExpiresAt, Instant createdAt, Instant updatedAt, String fileName) {
    }

    /** What a new request holds. */
    public record NewRequest(long practiceId, RequestKind kind, long conversationId, long contactId, long messageId, String token,
                             Instant expiresAt, String description, String reference, Long amountCents, String currency, String forms,
                             String destination, Long replacesId, Sender sender, Instant now) {
    }

    public long insert(Tx tx, NewRequest r) throws SQLException {
        return tx.insert("""
                INSERT INTO request (practice_id, kind, status, conversation_id, contact_id, message_id, token, expires_at, description, reference,
                                     amount_cents, currency, forms, destination, replaces_id, sender_kind, sender_name, sender_user_id, created_at,
                                     updated_at)
                VALUES (?, ?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.practiceId(), r.kind().wire(), r.conversationId(), r.contactId(), r.messageId(), r.token(), r.expiresAt(), r.description(),
                r.reference(), r.amountCents(), r.currency(), r.forms(), r.destination(), r.replacesId(), r.sender().kind().wire(),
                r.sender().name(), r.sender().userId(), r.now(), r.now());
    }

    public Optional<Row> byId(Tx tx, long practiceId, long id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM request WHERE practice_id = ? AND id = ?", Requests::row, practiceId, id);
    }

    /** For a payment webhook: its signature proves the provider sent it, and it names the request only. */
    public Optional<Row> byIdInAnyPractice(Tx tx, long id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM request WHERE id = ?", Requests::row, id);
    }

    public Optional<Row> byToken(Tx tx, String token) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM request WHERE token = ?", Requests::row, token);
    }

    public Optional<Row> byMessage(Tx tx, long messageId) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM request WHERE message_id = ?", Requests::row, messageId);
    }

    /** A practice's requests, newest first: one conversation's when {@code conversationId} is set, only open ones when {@code openOnly}. */
    public List<Row> list(Tx tx, long practiceId, Long conversationId, boolean openOnly, int limit) throws SQLException {
        String where = "practice_id = ?" + (conversationId == null ? "" : " AND conversation_id = ?")
                + (openOnly ? " AND status IN ('sent', 'delivered', 'opened')" : "");
        Object[] params = conversationId == null ? new Object[] {practiceId, limit} : new Object[] {practiceId, conversationId, limit};
        return tx.query("SELECT " + COLUMNS + " FROM request WHERE " + where + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY", Requests::row, params);
    }

    /** Every request of a practice, oldest first (the feed's snapshot reads them from the feed log, this is for tools and tests). */
    public List<Row> all(Tx tx, long practiceId) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM request WHERE practice_id = ? ORDER BY id", Requests::row, practiceId);
    }

    /** When the newest request of {@code kind} to a contact was made. */
    public Optional<Instant> lastOfKind(Tx tx, long practiceId, long contactId, RequestKind kind) throws SQLException {
        return tx.queryOne("""
                SELECT created_at FROM request WHERE practice_id = ? AND contact_id = ? AND kind = ? ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY""",
                rs -> Tx.instant(rs, "created_at"), practiceId, contactId, kind.wire());
    }

    /** Moves a request's status; the caller checked that the move is forward. {@code finishedAt}, {@code by} and {@code note} only for an outcome. */
    public void setStatus(Tx tx, long id, RequestStatus status, Instant finishedAt, String by, String note, Instant now) throws SQLException {
        tx.update("""
                UPDATE request SET status = ?, finished_at = COALESCE(?, finished_at), finished_by = COALESCE(?, finished_by),
                                   note = COALESCE(?, note), updated_at = ? WHERE id = ?""", status.wire(), finishedAt, by, note, now, id);
    }

    public void delivered(Tx tx, long id, Instant at) throws SQLException {
        tx.update("UPDATE request SET delivered_at = COALESCE(delivered_at, ?), updated_at = ? WHERE id = ?", at, at, id);
    }

    public void opened(Tx tx, long id, Instant at) throws SQLException {
        tx.update("UPDATE request SET opened_at = COALESCE(opened_at, ?), updated_at = ? WHERE id = ?", at, at, id);
    }

    public void replacedBy(Tx tx, long id, long newId, Instant now) throws SQLException {
        tx.update("UPDATE request SET replaced_by_id = ?, updated_at = ? WHERE id = ?", newId, now, id);
    }

    /** What the payment provider reported as paid (kept even when it differs from what was asked, or came after a cancel). */
    public void paid(Tx tx, long id, long cents, String paymentId, Instant now) throws SQLException {
        tx.update("UPDATE request SET paid_cents = ?, payment_id = ?, updated_at = ? WHERE id = ?", cents, paymentId, now, id);
    }

    public void checkout(Tx tx, long id, String session, String url, Instant expiresAt, Instant now) throws SQLException {
        tx.update("UPDATE request SET checkout_session = ?, checkout_url = ?, checkout_expires_at = ?, updated_at = ? WHERE id = ?", session, url,
                expiresAt, now, id);
    }

    /** Forgets the checkout {@code session} if it is still the request's (an older session's expiry changes nothing). */
    public boolean dropCheckout(Tx tx, long id, String session) throws SQLException {
        return tx.update("UPDATE request SET checkout_session = NULL, checkout_url = NULL, checkout_expires_at = NULL WHERE id = ? AND checkout_session = ?",
                id, session) == 1;
    }

    /** Open requests whose time ran out, oldest first, of every practice (the expiry sweep). */
    public List<Row> due(Tx tx, Instant now, int limit) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM request WHERE status IN ('sent', 'delivered', 'opened') AND expires_at <= ? ORDER BY expires_at "
                + "FETCH FIRST ? ROWS ONLY", Requests::row, now, limit);
    }

    /** When the next open request expires. */
    public Optional<Instant> nextDue(Tx tx) throws SQLException {
        return tx.queryOne("SELECT MIN(expires_at) AS due FROM request WHERE status IN ('sent', 'delivered', 'opened')", rs -> Optional.ofNullable(
                Tx.instant(rs, "due"))).flatMap(due -> due);
    }

    /** The practice's settings document (JSON), if it was ever saved. */
    public Optional<String> settings(Tx tx, long practiceId) throws SQLException {
        return tx.queryOne("SELECT document FROM practice_settings WHERE practice_id = ?", rs -> rs.getString(1), practiceId);
    }

    public Optional<Instant> settingsUpdatedAt(Tx tx, long practiceId) throws SQLException {
        return tx.queryOne("SELECT updated_at FROM practice_settings WHERE practice_id = ?", rs -> Tx.instant(rs, "updated_at"), practiceId);
    }

    public void saveSettings(Tx tx, long practiceId, String document, Instant now) throws SQLException {
        if (tx.update("UPDATE practice_settings SET document = ?, updated_at = ? WHERE practice_id = ?", document, now, practiceId) == 0) {
            tx.update("INSERT INTO practice_settings (practice_id, document, updated_at) VALUES (?, ?, ?)", practiceId, document, now);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        Sender sender = new Sender(WireWords.fromWire(SenderKind.class, rs.getString("sender_kind")), rs.getString("sender_name"),
                Tx.nullableLong(rs, "sender_user_id"));
        return new Row(rs.getLong("id"), rs.getLong("practice_id"), RequestKind.fromWire(rs.getString("kind")).orElseThrow(),
                RequestStatus.fromWire(rs.getString("status")).orElseThrow(), rs.getLong("conversation_id"), rs.getLong("contact_id"),
                rs.getLong("message_id"), rs.getString("token"), Tx.instant(rs, "expires_at"), Tx.instant(rs, "delivered_at"),
                Tx.instant(rs, "opened_at"), Tx.instant(rs, "finished_at"), rs.getString("finished_by"), rs.getString("note"),
                rs.getString("description"), rs.getString("reference"), Tx.nullableLong(rs, "amount_cents"), rs.getString("currency"),
                Tx.nullableLong(rs, "paid_cents"), rs.getString("payment_id"), rs.getString("forms"), rs.getString("destination"),
                Tx.nullableLong(rs, "replaces_id"), Tx.nullableLong(rs, "replaced_by_id"), sender, rs.getString("checkout_session"),
                rs.getString("checkout_url"), Tx.instant(rs, "checkout_expires_at"), Tx.instant(rs, "created_at"), Tx.instant(rs, "updated_at"),
                rs.getString("file_name"));
    }
}
