// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;

/**
 * What a writing transaction tells the other relay nodes that share its database, sent
 * <em>inside</em> the transaction so that it reaches them only if, and when, it commits. On H2
 * (one process) it is {@link #NONE}; on PostgreSQL it is {@link PgNotifications}, a
 * {@code NOTIFY}. The writing node wakes its own waiters after the commit as before; these only
 * reach the others.
 */
public interface CrossNodeWakes {
    /** Nothing to tell: no other node shares the database. */
    CrossNodeWakes NONE = new CrossNodeWakes() {
        @Override
        public void feedChanged(Tx tx, long practiceId) {
        }

        @Override
        public void dispatchDue(Tx tx) {
        }

        @Override
        public void sessionEnded(Tx tx, String tokenHash) {
        }
    };

    /** The practice's feed gets events in this transaction: other nodes wake their parked polls of it at the commit. */
    void feedChanged(Tx tx, long practiceId) throws SQLException;

    /** This transaction makes a message dispatchable (or changes what a round does): other nodes' dispatchers run a round at the commit. */
    void dispatchDue(Tx tx) throws SQLException;

    /**
     * This transaction revokes the session with this token hash (sign-out, deactivation, a reset
     * password): other nodes end its parked long-polls at the commit, as this node does after it,
     * instead of at their next wake-up.
     */
    void sessionEnded(Tx tx, String tokenHash) throws SQLException;
}
