// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;

/**
 * The cache's one row of lock-screen secrets (ADR 0026): verifiers of the PIN and of the password
 * (null when none was set or typed here) and the wrong PINs since the last unlock.
 */
public record LockRow(String pinVerifier, String passwordVerifier, int failedPins) {

    public static LockRow read(Sql sql) throws SQLException {
        return sql.queryOne("SELECT pin_verifier, password_verifier, failed_pins FROM workstation_lock WHERE id = 1",
                rs -> new LockRow(rs.getString(1), rs.getString(2), rs.getInt(3))).orElse(new LockRow(null, null, 0));
    }

    public static void savePin(Sql sql, String verifier) throws SQLException {
        sql.update("UPDATE workstation_lock SET pin_verifier = ?, failed_pins = 0 WHERE id = 1", verifier);
    }

    public static void savePassword(Sql sql, String verifier) throws SQLException {
        sql.update("UPDATE workstation_lock SET password_verifier = ? WHERE id = 1", verifier);
    }

    public static void saveFailedPins(Sql sql, int failed) throws SQLException {
        sql.update("UPDATE workstation_lock SET failed_pins = ? WHERE id = 1", failed);
    }

    /** A row whose fields are verifiers says nothing of the secrets; still, only whether each is set. */
    @Override
    public String toString() {
        return "LockRow[pin=" + (pinVerifier != null) + ", password=" + (passwordVerifier != null) + ", failedPins=" + failedPins + "]";
    }
}
