// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;

/** A database failure the request cannot recover from; answered as 503 so callers retry. */
public final class StorageException extends RuntimeException {
    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the failure was a unique-key violation (a concurrent duplicate). */
    public boolean isDuplicateKey() {
        return isDuplicateKey((SQLException) getCause());
    }

    public static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
