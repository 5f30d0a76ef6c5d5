// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.sql.SQLException;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.SqlFunction;
import org.practicetext.relay.store.StorageException;
import org.practicetext.relay.store.Tx;

/**
 * Writing in a practice: take the practice's feed lock, change rows, then append every changed
 * entity to the feed as its view read back after the change. The lock is taken before any row of
 * the practice is touched (so writers never deadlock and events commit in sequence order), and
 * an event always carries what the database now holds, never what the writer meant to write.
 *
 * <p>{@link #run} is the whole operation in a transaction of its own; a writer that is already in
 * a transaction (a webhook applied with its receipt, the dispatcher) calls {@link #lock} itself.
 * Either way the changed entities are appended through {@link #events()}.
 */
public final class PracticeWrites {
    /** What a concurrent duplicate becomes when the caller has nothing more precise to say. */
    public static final String CHANGED_AT_THE_SAME_MOMENT = "Someone else changed this at the same moment; try again.";

    private final Database db;
    private final ChangeFeed feed;
    private final EntityEvents events;

    public PracticeWrites(Database db, ChangeFeed feed) {
        this.db = db;
        this.feed = feed;
        this.events = new EntityEvents(feed);
    }

    /**
     * Runs {@code work} in one transaction that holds the practice's feed lock. A unique key broken
     * by a concurrent writer outside the feed lock becomes a {@link Refusal.Reason#CONFLICT}
     * refusal saying {@code conflict}, instead of a storage failure.
     */
    public <T> T run(long practiceId, String conflict, SqlFunction<T> work) {
        try {
            return db.inTransaction(tx -> {
                lock(tx, practiceId);
                return work.apply(tx);
            });
        } catch (StorageException e) {
            if (e.isDuplicateKey()) {
                throw Refusal.conflict(conflict);
            }
            throw e;
        }
    }

    public <T> T run(long practiceId, SqlFunction<T> work) {
        return run(practiceId, CHANGED_AT_THE_SAME_MOMENT, work);
    }

    /** Takes the practice's feed lock in the caller's transaction; call it before touching any of the practice's rows. */
    public void lock(Tx tx, long practiceId) throws SQLException {
        feed.lock(tx, practiceId);
    }

    /** Appends changed entities as read back, in the transaction that holds this practice's lock. */
    public EntityEvents events() {
        return events;
    }
}
