// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * A database failure the request cannot recover from; answered as 503 so callers retry.
 *
 * <p>Safe to log at any level: its message is the {@link SqlFailure} (SQLState, vendor code,
 * constraint or column), and the driver's exception is deliberately <em>not</em> its cause,
 * because a logger prints every cause's message and the driver's quotes stored values. The
 * driver's stack trace is kept, so the log still shows which statement of ours failed.
 */
public final class StorageException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /**
     * SQLStates of a database that was only busy: a lock wait that timed out (H2 {@code HYT00},
     * PostgreSQL {@code 55P03} and {@code 57014} for {@code lock_timeout}/{@code statement_timeout}),
     * or a deadlock the database broke ({@code 40001}, {@code 40P01}).
     */
    private static final Set<String> BUSY_STATES = Set.of("HYT00", "55P03", "57014", "40001", "40P01");

    /** Not serialized: a relay never sends its exceptions over the wire. */
    private final transient SqlFailure failure;
    private final boolean busy;

    public StorageException(SQLException driverFailure) {
        // A failure without a SQLState (the pool's own, e.g. after it closed) is not busy; Set.of refuses to look up null.
        this(SqlFailure.of(driverFailure), driverFailure instanceof SQLTransientException
                || driverFailure.getSQLState() != null && BUSY_STATES.contains(driverFailure.getSQLState()));
        setStackTrace(driverFailure.getStackTrace());
    }

    private StorageException(SqlFailure failure, boolean busy) {
        super("database failure: " + failure);
        this.failure = failure;
        this.busy = busy;
    }

    /**
     * True when the database was busy rather than the work wrong: a lock wait or the wait for a
     * free connection timed out ({@link SQLTransientException}, which the pool's timeout is too),
     * or a deadlock was broken. The same work may well succeed moments later.
     */
    public boolean isBusy() {
        return busy;
    }

    public SqlFailure failure() {
        return failure;
    }

    /** True when the failure was a unique-key violation (a concurrent duplicate). */
    public boolean isDuplicateKey() {
        return failure.isDuplicateKey();
    }

    public static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
