// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;

/**
 * The {@link DispatchSignal} of a node that shares its database: {@link #raiseAtCommit} also
 * tells the other nodes ({@link CrossNodeWakes#dispatchDue}, in the transaction), and the local
 * dispatcher is woken after the commit as with {@link InProcessDispatchSignal}.
 */
public final class NotifyingDispatchSignal implements DispatchSignal {
    private final DispatchSignal local;
    private final CrossNodeWakes others;

    public NotifyingDispatchSignal(DispatchSignal local, CrossNodeWakes others) {
        this.local = local;
        this.others = others;
    }

    @Override
    public void raise() {
        local.raise();
    }

    @Override
    public void raiseAtCommit(Tx tx) throws SQLException {
        others.dispatchDue(tx);
        tx.afterCommit(local::raise);
    }

    @Override
    public void subscribe(Runnable listener) {
        local.subscribe(listener);
    }
}
