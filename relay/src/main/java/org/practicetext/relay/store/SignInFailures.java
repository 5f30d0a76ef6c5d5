// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins shared by every relay node on the database (table {@code sign_in_failure}):
 * a key's failures within its window and the lock they earned. Keys are hashes, never a
 * username or an address. The lock rule is the caller's ({@code auth.LoginThrottle}).
 */
public final class SignInFailures {
    /** A key's failures in its current window, and until when it is locked (null: not locked). */
    public record Row(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    /** The key's row, locked for update when {@code forUpdate}. */
    public Optional<Row> row(Tx tx, String kind, String keyHash, boolean forUpdate) throws SQLException {
        return tx.queryOne("SELECT failures, last_failure, locked_until FROM sign_in_failure WHERE kind = ? AND key_hash = ?"
                        + (forUpdate ? " FOR UPDATE" : ""),
                rs -> new Row(rs.getInt(1), Tx.instant(rs, "last_failure"), Tx.instant(rs, "locked_until")), kind, keyHash);
    }

    /** Writes the key's row (inserting it if there is none). */
    public void put(Tx tx, String kind, String keyHash, Row row) throws SQLException {
        if (tx.update("UPDATE sign_in_failure SET failures = ?, last_failure = ?, locked_until = ? WHERE kind = ? AND key_hash = ?",
                row.failures(), row.lastFailure(), row.lockedUntil(), kind, keyHash) == 0) {
            tx.update("INSERT INTO sign_in_failure (kind, key_hash, failures, last_failure, locked_until) VALUES (?, ?, ?, ?, ?)",
                    kind, keyHash, row.failures(), row.lastFailure(), row.lockedUntil());
        }
    }

    /** Forgets the key (a successful sign-in forgives an account). */
    public void clear(Tx tx, String kind, String keyHash) throws SQLException {
        tx.update("DELETE FROM sign_in_failure WHERE kind = ? AND key_hash = ?", kind, keyHash);
    }
}
