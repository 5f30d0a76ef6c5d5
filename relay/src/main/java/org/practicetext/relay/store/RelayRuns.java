// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;

/** Whether each relay node is running, to notice a stop that was not clean (table {@code relay_run}). */
public final class RelayRuns {

    /** True when the node was last marked running, i.e. it did not get to mark itself stopped. */
    public boolean wasRunning(Tx tx, String nodeId) throws SQLException {
        return tx.queryOne("SELECT running FROM relay_run WHERE node_id = ?", rs -> rs.getBoolean(1), nodeId).orElse(false);
    }

    public void markRunning(Tx tx, String nodeId, Instant now) throws SQLException {
        if (tx.update("UPDATE relay_run SET running = TRUE, started_at = ? WHERE node_id = ?", now, nodeId) == 0) {
            tx.update("INSERT INTO relay_run (node_id, running, started_at) VALUES (?, TRUE, ?)", nodeId, now);
        }
    }

    public void markStopped(Tx tx, String nodeId) throws SQLException {
        tx.update("UPDATE relay_run SET running = FALSE WHERE node_id = ?", nodeId);
    }
}
