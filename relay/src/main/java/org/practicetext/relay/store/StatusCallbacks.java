// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Delivery-status reports as they came (table {@code status_callback}). A report for a SID the
 * relay does not know yet stays unprocessed until the SID is assigned.
 */
public final class StatusCallbacks {

    /** A report not yet processed, with the row id it is marked processed by. */
    public record Waiting(long id, String sid, String status, Integer errorCode) {
    }

    public void record(Tx tx, String sid, String status, Integer errorCode, boolean applied, boolean processed, Instant receivedAt)
            throws SQLException {
        tx.update("INSERT INTO status_callback (sid, status, error_code, applied, processed, received_at) VALUES (?, ?, ?, ?, ?, ?)",
                sid, status, errorCode, applied, processed, receivedAt);
    }

    /** The reports for {@code sid} not yet processed, in arrival order; each carries its own row id. */
    public List<Waiting> waiting(Tx tx, String sid) throws SQLException {
        return tx.query("SELECT id, sid, status, error_code FROM status_callback WHERE sid = ? AND processed = FALSE ORDER BY id",
                rs -> new Waiting(rs.getLong("id"), rs.getString("sid"), rs.getString("status"), Tx.nullableInt(rs, "error_code")), sid);
    }

    public void markProcessed(Tx tx, long id, boolean applied) throws SQLException {
        tx.update("UPDATE status_callback SET processed = TRUE, applied = ? WHERE id = ?", applied, id);
    }
}
