// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Practices' API keys for automated senders, known only by their hash (table {@code api_key}). */
public final class ApiKeys {

    /** The practice a live key belongs to, with the region its phone numbers are read in. */
    public record Holder(long keyId, long practiceId, String region) {
    }

    public long create(Tx tx, long practiceId, String name, String keyHash, Instant now) throws SQLException {
        return tx.insert("INSERT INTO api_key (practice_id, name, key_hash, created_at) VALUES (?, ?, ?, ?)", practiceId, name, keyHash, now);
    }

    /** A key as the operator sees it: never its secret, which only its hash is kept of. */
    public record Key(long id, long practiceId, String name, Instant createdAt, Instant revokedAt) {
    }

    public List<Key> all(Tx tx, long practiceId) throws SQLException {
        return tx.query("SELECT id, practice_id, name, created_at, revoked_at FROM api_key WHERE practice_id = ? ORDER BY id", ApiKeys::key, practiceId);
    }

    public Optional<Key> byId(Tx tx, long practiceId, long id) throws SQLException {
        return tx.queryOne("SELECT id, practice_id, name, created_at, revoked_at FROM api_key WHERE practice_id = ? AND id = ?",
                ApiKeys::key, practiceId, id);
    }

    /** Revokes a live key; a revoked one keeps the time it was first revoked. */
    public void revoke(Tx tx, long practiceId, long id, Instant now) throws SQLException {
        tx.update("UPDATE api_key SET revoked_at = ? WHERE practice_id = ? AND id = ? AND revoked_at IS NULL", now, practiceId, id);
    }

    private static Key key(java.sql.ResultSet rs) throws SQLException {
        return new Key(rs.getLong(1), rs.getLong(2), rs.getString(3), Tx.instant(rs, "created_at"), Tx.instant(rs, "revoked_at"));
    }

    /** The holder of a key that is not revoked, or empty. */
    public Optional<Holder> live(Tx tx, String keyHash) throws SQLException {
        return tx.queryOne("""
                SELECT k.id, k.practice_id, p.region FROM api_key k JOIN practice p ON p.id = k.practice_id
                WHERE k.key_hash = ? AND k.revoked_at IS NULL""", rs -> new Holder(rs.getLong(1), rs.getLong(2), rs.getString(3)), keyHash);
    }
}
