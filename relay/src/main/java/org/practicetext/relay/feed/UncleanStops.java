// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.time.Instant;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.FeedLog;
import org.practicetext.relay.store.RelayRuns;
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
    private final RelayRuns runs = new RelayRuns();
    private final FeedLog log = new FeedLog();

    public UncleanStops(Database db, String nodeId, boolean commitsCanVanish) {
        this.db = db;
        this.nodeId = nodeId;
        this.commitsCanVanish = commitsCanVanish;
    }

    /** Marks this node running; first, after an unclean stop on H2, gives every practice a new feed id. Returns true if it did. */
    public boolean starting(Instant now) {
        return db.inTransaction(tx -> {
            boolean restart = runs.wasRunning(tx, nodeId) && commitsCanVanish;
            if (restart) {
                int practices = log.renewFeedIds(tx);
                LOG.warn("the relay did not stop cleanly; the newest commits may be lost, so the feeds of {} practice(s) start again "
                        + "(desks resynchronise and keep their unsent work)", practices);
            }
            runs.markRunning(tx, nodeId, now);
            return restart;
        });
    }

    /** Marks this node stopped cleanly; call it after the last request and background work. */
    public void stopped() {
        db.inTransaction(tx -> {
            runs.markStopped(tx, nodeId);
            return null;
        });
    }
}
