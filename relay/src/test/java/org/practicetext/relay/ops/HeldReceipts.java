// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.TestStore;

/**
 * Holds every insert into {@code webhook_receipt} until the test lets it go: a webhook whose
 * storing is still in flight. On H2 the Java trigger {@link HoldingTrigger}; on PostgreSQL a
 * PL/pgSQL trigger that waits for an advisory lock which this object holds on a connection of its
 * own (the insert is "entered" once PostgreSQL shows that wait in {@code pg_locks}).
 */
final class HeldReceipts implements AutoCloseable {
    private static final long KEY = 70_042_001L;
    private final Connection holder; // PostgreSQL only

    HeldReceipts(RelayFixture relay, Path folder) throws Exception {
        if (TestStore.current() == TestStore.H2) {
            holder = null;
            HoldingTrigger.entered = new CountDownLatch(1);
            HoldingTrigger.release = new CountDownLatch(1);
            relay.server.database().inTransaction(tx -> tx.update(
                    "CREATE TRIGGER hold_receipts BEFORE INSERT ON webhook_receipt FOR EACH ROW CALL \"" + HoldingTrigger.class.getName() + "\""));
            return;
        }
        holder = TestStore.current().connect(folder);
        holder.setAutoCommit(true);
        try (Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + KEY + ")");
            s.execute("CREATE OR REPLACE FUNCTION hold_receipt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock_shared("
                    + KEY + "); RETURN NEW; END $$");
            s.execute("CREATE TRIGGER hold_receipts BEFORE INSERT ON webhook_receipt FOR EACH ROW EXECUTE FUNCTION hold_receipt()");
        }
    }

    /** Whether an insert is being held (it reached the database) within {@code within}. */
    boolean awaitEntered(Duration within) throws Exception {
        if (holder == null) {
            return HoldingTrigger.entered.await(within.toMillis(), TimeUnit.MILLISECONDS);
        }
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement s = holder.createStatement();
                 ResultSet waiting = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = " + KEY)) {
                waiting.next();
                if (waiting.getLong(1) > 0) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Lets the held insert (and every later one) go on. */
    void release() throws SQLException {
        if (holder == null) {
            HoldingTrigger.release.countDown();
            return;
        }
        try (Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_unlock_all()");
        }
    }

    /** Releases, and on PostgreSQL drops the trigger (on H2 the caller drops it with the next relay on the same file). */
    @Override
    public void close() throws SQLException {
        release();
        if (holder != null) {
            try (Statement s = holder.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS hold_receipts ON webhook_receipt");
            } finally {
                holder.close();
            }
        }
    }
}
