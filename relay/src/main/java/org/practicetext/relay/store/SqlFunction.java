// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;

/** Work done inside a transaction. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Tx tx) throws SQLException;
}
