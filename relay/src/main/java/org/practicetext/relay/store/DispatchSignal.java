// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;

/**
 * "Dispatch work may be due": tells the dispatcher to run a round instead of waiting for its
 * next due time. Raised after the commit that stored a message to send, or that changed what a
 * round does (a status report kept for a SID not known yet); raised before the commit, it would
 * wake a dispatcher that cannot see the change yet.
 *
 * <p>This is the seam of the wake-up across relay nodes: {@link InProcessDispatchSignal} reaches
 * the dispatcher of this node only; {@link NotifyingDispatchSignal} also reaches every node
 * sharing the database (PostgreSQL's {@code LISTEN/NOTIFY}, {@link PgNotifications}), for what is
 * raised with {@link #raiseAtCommit} inside the writing transaction. A signal may wake a dispatcher that then finds nothing to do; it
 * must never fail to wake one that would have found something.
 */
public interface DispatchSignal {
    /** Wakes the subscribed dispatchers. Cheap and non-blocking; call it after the commit. */
    void raise();

    /**
     * Raises the signal when {@code tx} commits, on this node and (where nodes share the
     * database) on the others; the way for a writer that makes work dispatchable.
     */
    default void raiseAtCommit(Tx tx) throws SQLException {
        tx.afterCommit(this::raise);
    }

    /** Adds what a signal runs (a dispatcher's wake-up); it must return quickly. */
    void subscribe(Runnable listener);
}
