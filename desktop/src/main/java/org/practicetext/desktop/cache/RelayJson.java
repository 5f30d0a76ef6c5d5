// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The relay's last known state of rows ({@code relay_json}), read in one statement, so a writer tells a change from the same state again. */
final class RelayJson {
    private RelayJson() {
    }

    /** {@code table} is one of this package's own table names, never input. */
    static Map<Long, String> stored(Sql sql, String table, Collection<Long> ids) throws SQLException {
        Map<Long, String> found = new HashMap<>();
        sql.query("SELECT id, relay_json FROM " + table + " WHERE id = ANY(?)", rs -> found.put(rs.getLong(1), rs.getString(2)),
                (Object) ids.toArray(Long[]::new));
        return found;
    }
}
