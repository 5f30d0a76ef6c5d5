// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.practicetext.protocol.Json;

/**
 * The journal of verified webhooks (table {@code webhook_receipt}). A webhook is recorded in a
 * transaction of its own before Twilio is answered, and marked processed in the same transaction
 * that applies it, so each one is applied exactly once however often processing fails or the
 * relay dies in between. The rules of retrying are {@code relay.webhook.WebhookIntake}'s.
 */
public final class WebhookReceipts {
    public static final String SMS = "sms";
    public static final String STATUS = "status";
    private static final TypeReference<Map<String, List<String>>> FORM = new TypeReference<>() {
    };

    /** A recorded webhook waiting to be applied. */
    public record Receipt(long id, String kind, Map<String, List<String>> params, Instant receivedAt, int attempts) {
    }

    private final Database db;

    public WebhookReceipts(Database db) {
        this.db = db;
    }

    /**
     * Records a webhook and returns it, or empty when an inbound message with this SID is already
     * recorded (Twilio's retry of a text it delivered before). {@code processAfter} is when the
     * retry loop may take it if the request that recorded it did not get it applied.
     */
    public Optional<Receipt> record(String kind, String smsSid, Map<String, List<String>> params, Instant now, Instant processAfter) {
        String json = json(params);
        try {
            long id = db.inTransaction(tx -> tx.insert(
                    "INSERT INTO webhook_receipt (kind, sms_sid, params, received_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)",
                    kind, smsSid, json, now, processAfter));
            return Optional.of(new Receipt(id, kind, params, now, 0));
        } catch (StorageException e) {
            // Only a receipt that is found stored makes this a duplicate; any other failure is one.
            if (smsSid != null && e.isDuplicateKey() && isRecorded(smsSid)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Records a webhook already applied, in the caller's transaction (the one that applies it: a
     * batch of inbound texts, ADR 0020). The SID must not be recorded yet ({@link #recordedSids}):
     * a duplicate fails the caller's transaction.
     */
    public void recordApplied(Tx tx, String kind, String smsSid, Map<String, List<String>> params, Instant receivedAt, Instant now) {
        // Written at the commit, in one batch with the transaction's other receipts.
        tx.later("INSERT INTO webhook_receipt (kind, sms_sid, params, received_at, next_attempt_at, processed_at) VALUES (?, ?, ?, ?, ?, ?)",
                kind, smsSid, json(params), receivedAt, receivedAt, now);
    }

    /** Which of {@code smsSids} are recorded already. */
    public java.util.Set<String> recordedSids(Tx tx, List<String> smsSids) throws SQLException {
        if (smsSids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(tx.query("SELECT sms_sid FROM webhook_receipt WHERE sms_sid IN (" + Tx.marks(smsSids.size()) + ")",
                rs -> rs.getString(1), smsSids.toArray()));
    }

    private boolean isRecorded(String smsSid) {
        return db.read(tx -> tx.queryOne("SELECT id FROM webhook_receipt WHERE sms_sid = ?", rs -> rs.getLong(1), smsSid).isPresent());
    }

    /**
     * Takes the receipt for processing in the caller's transaction: false when it was already
     * applied (by another request, node or the retry loop). Locks the receipt's row, which every
     * processor takes before any practice's feed lock.
     */
    public boolean claim(Tx tx, long id, Instant now) throws SQLException {
        Optional<Boolean> processed = tx.queryOne("SELECT processed_at FROM webhook_receipt WHERE id = ? FOR UPDATE",
                rs -> rs.getObject(1) != null, id);
        if (processed.isEmpty() || processed.get()) {
            return false;
        }
        tx.update("UPDATE webhook_receipt SET processed_at = ? WHERE id = ?", now, id);
        return true;
    }

    /**
     * Notes a failed attempt and returns how many there have been (counted in the database: the
     * request and the retry loop may both have tried). {@code error} must quote no value.
     */
    public int failed(long id, String error, java.util.function.IntFunction<Instant> retryAt) {
        String note = error.length() > 400 ? error.substring(0, 400) : error;
        return db.inTransaction(tx -> {
            int attempts = tx.queryOne("SELECT attempts FROM webhook_receipt WHERE id = ? FOR UPDATE", rs -> rs.getInt(1), id).orElse(0) + 1;
            tx.update("UPDATE webhook_receipt SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                    attempts, retryAt.apply(attempts), note, id);
            return attempts;
        });
    }

    /** Receipts after {@code afterId} not yet applied whose time has come, oldest first. */
    public List<Receipt> due(Instant now, long afterId, int limit) {
        return db.read(tx -> tx.query("""
                SELECT id, kind, params, received_at, attempts FROM webhook_receipt
                WHERE processed_at IS NULL AND next_attempt_at <= ? AND id > ? ORDER BY id LIMIT ?""",
                rs -> new Receipt(rs.getLong(1), rs.getString(2), form(rs.getString(3)), Tx.instant(rs, "received_at"), rs.getInt(5)),
                now, afterId, limit));
    }

    /** When the next receipt not yet applied is due; empty when every one is applied. */
    public Optional<Instant> nextDue() {
        return db.read(tx -> tx.queryOne("SELECT MIN(next_attempt_at) AS due FROM webhook_receipt WHERE processed_at IS NULL",
                rs -> Optional.ofNullable(Tx.instant(rs, "due")))).flatMap(due -> due);
    }

    /** When the oldest applied receipt still kept was received; empty when none is kept. */
    public Optional<Instant> oldestApplied() {
        return db.read(tx -> tx.queryOne("SELECT MIN(received_at) AS oldest FROM webhook_receipt WHERE processed_at IS NOT NULL",
                rs -> Optional.ofNullable(Tx.instant(rs, "oldest")))).flatMap(oldest -> oldest);
    }

    /** How many webhooks wait to be applied, and how many of them failed at least {@code attempts} times. */
    public Backlog backlog(int attempts) {
        return db.read(tx -> tx.queryOne("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN attempts >= ? THEN 1 ELSE 0 END), 0)
                FROM webhook_receipt WHERE processed_at IS NULL""",
                rs -> new Backlog(rs.getLong(1), rs.getLong(2)), attempts).orElseThrow());
    }

    public record Backlog(long waiting, long failing) {
    }

    /** Forgets applied webhooks received before {@code before}: the messages themselves stay. */
    public int purge(Instant before) {
        return db.inTransaction(tx -> tx.update("DELETE FROM webhook_receipt WHERE processed_at IS NOT NULL AND received_at < ?", before));
    }

    private static String json(Map<String, List<String>> params) {
        try {
            return Json.mapper().writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> form(String json) {
        try {
            return Json.mapper().readValue(json, FORM);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook receipt is not valid JSON", e);
        }
    }
}
