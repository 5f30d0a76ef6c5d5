// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.practicetext.relay.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that a relay node did not stop cleanly, and makes the desks start again from a snapshot.
 *
 * <p>H2 can lose its newest commits when the relay process is killed (the crash suite saw an
 * event a desk had read vanish, and its sequence number given to another). A desk whose cursor
 * is past such a number would never see the event that took it. So on H2, a start after an
 * unclean stop gives every practice a new {@code feedId}: desks resynchronise from
 * {@code after=0}, keeping their unsent work. PostgreSQL keeps what it committed; there the feed
 * stays as it is.
 */
public final class UncleanStops {
    private static final Logger LOG = LoggerFactory.getLogger(UncleanStops.class);

    private final Database db;
    private final String nodeId;
    private final boolean commitsCanVanish;

    public UncleanStops(Database db, String nodeId, boolean commitsCanVanish) {
        this.db = db;
        this.nodeId = nodeId;
        this.commitsCanVanish = commitsCanVanish;
    }

    /** Marks this node running; first, after an unclean stop on H2, gives every practice a new feed id. Returns true if it did. */
    public boolean starting(Instant now) {
        return db.inTransaction(tx -> {
            boolean wasRunning = tx.queryOne("SELECT running FROM relay_run WHERE node_id = ?", rs -> rs.getBoolean(1), nodeId).orElse(false);
            boolean restart = wasRunning && commitsCanVanish;
            if (restart) {
                List<Long> practices = tx.query("SELECT id FROM practice ORDER BY id", rs -> rs.getLong(1));
                for (long id : practices) {
                    tx.update("UPDATE practice SET feed_id = ? WHERE id = ?", UUID.randomUUID().toString(), id);
                }
                LOG.warn("the relay did not stop cleanly; the newest commits may be lost, so the feeds of {} practice(s) start again "
                        + "(desks resynchronise and keep their unsent work)", practices.size());
            }
            if (tx.update("UPDATE relay_run SET running = TRUE, started_at = ? WHERE node_id = ?", now, nodeId) == 0) {
                tx.update("INSERT INTO relay_run (node_id, running, started_at) VALUES (?, TRUE, ?)", nodeId, now);
            }
            return restart;
        });
    }

    /** Marks this node stopped cleanly; call it after the last request and background work. */
    public void stopped() {
        db.inTransaction(tx -> tx.update("UPDATE relay_run SET running = FALSE WHERE node_id = ?", nodeId));
    }
}
