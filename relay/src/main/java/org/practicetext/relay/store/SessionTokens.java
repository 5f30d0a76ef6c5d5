// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sign-in tokens, known only by their hash (table {@code session_token}). */
public final class SessionTokens {

    /**
     * A token's user and practice, and whether it may still be used; {@code mustChangePassword}
     * limits it to choosing a password (signed in with a one-time password or invite code).
     */
    public record Holder(long userId, String username, String name, String role, boolean active, long practiceId, String slug,
                         String region, Instant expiresAt, Instant revokedAt, boolean mustChangePassword) {
    }

    public void create(Tx tx, String tokenHash, long userId, long practiceId, Instant createdAt, Instant expiresAt) throws SQLException {
        tx.update("INSERT INTO session_token (token_hash, user_id, practice_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                tokenHash, userId, practiceId, createdAt, expiresAt);
    }

    public Optional<Holder> holder(Tx tx, String tokenHash) throws SQLException {
        return tx.queryOne("""
                SELECT u.id, u.username, u.display_name, u.role, u.active, p.id, p.slug, p.region, s.expires_at, s.revoked_at,
                       u.must_change_password
                FROM session_token s JOIN app_user u ON u.id = s.user_id JOIN practice p ON p.id = s.practice_id
                WHERE s.token_hash = ?""",
                rs -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getLong(6),
                        rs.getString(7), rs.getString(8), Tx.instant(rs, "expires_at"), Tx.instant(rs, "revoked_at"),
                        rs.getBoolean(11)),
                tokenHash);
    }

    /** Revokes the token unless it already was (the first revocation's time is kept). */
    public void revoke(Tx tx, String tokenHash, Instant now) throws SQLException {
        tx.update("UPDATE session_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", now, tokenHash);
    }

    /**
     * Revokes every live token of the user except {@code keepHash} (null keeps none) and answers
     * their hashes, so parked long-polls of those tokens can be ended once this commits.
     */
    public List<String> revokeAllOf(Tx tx, long practiceId, long userId, String keepHash, Instant now) throws SQLException {
        String keep = keepHash == null ? "" : keepHash;
        List<String> hashes = tx.query("SELECT token_hash FROM session_token WHERE practice_id = ? AND user_id = ? AND revoked_at IS NULL AND token_hash <> ?",
                rs -> rs.getString(1), practiceId, userId, keep);
        tx.update("UPDATE session_token SET revoked_at = ? WHERE practice_id = ? AND user_id = ? AND revoked_at IS NULL AND token_hash <> ?",
                now, practiceId, userId, keep);
        return hashes;
    }
}
