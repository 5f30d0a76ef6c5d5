// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Practices' API keys for automated senders, known only by their hash (table {@code api_key}). */
public final class ApiKeys {

    /** The practice a live key belongs to, with the region its phone numbers are read in. */
    public record Holder(long keyId, long practiceId, String region) {
    }

    public long create(Tx tx, long practiceId, String name, String keyHash, Instant now) throws SQLException {
        return tx.insert("INSERT INTO api_key (practice_id, name, key_hash, created_at) VALUES (?, ?, ?, ?)", practiceId, name, keyHash, now);
    }

    /** The holder of a key that is not revoked, or empty. */
    public Optional<Holder> live(Tx tx, String keyHash) throws SQLException {
        return tx.queryOne("""
                SELECT k.id, k.practice_id, p.region FROM api_key k JOIN practice p ON p.id = k.practice_id
                WHERE k.key_hash = ? AND k.revoked_at IS NULL""", rs -> new Holder(rs.getLong(1), rs.getLong(2), rs.getString(3)), keyHash);
    }
}
