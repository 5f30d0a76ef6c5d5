// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;

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

    /** Not serialized: a relay never sends its exceptions over the wire. */
    private final transient SqlFailure failure;

    public StorageException(SQLException driverFailure) {
        this(SqlFailure.of(driverFailure));
        setStackTrace(driverFailure.getStackTrace());
    }

    private StorageException(SqlFailure failure) {
        super("database failure: " + failure);
        this.failure = failure;
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
