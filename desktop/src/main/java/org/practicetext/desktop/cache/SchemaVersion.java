// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The cache's schema version as this app's migrations leave it, and the check that lets a cache
 * at exactly that version open without Flyway: Flyway's own history table is read with one query.
 * {@code SchemaVersionTest} keeps {@link #CURRENT} equal to the newest migration Flyway finds, so
 * adding a migration without raising it fails the build rather than skipping the migration.
 */
final class SchemaVersion {
    /** The version of the newest migration in {@link CacheDatabase#MIGRATIONS} or {@link CacheDatabase#javaMigrations()}. */
    static final String CURRENT = "12";
    private static final Set<String> MARKERS = Set.of("TABLE", "SCHEMA");

    private SchemaVersion() {
    }

    /**
     * Whether the cache's history is that of this app, complete: at least one step, every step
     * successful, versioned (besides Flyway's marker rows), and the highest {@link #CURRENT}. Any doubt (no history table, a failed
     * or newer step, something unreadable) answers false, and Flyway decides as it always did.
     */
    static boolean isCurrent(DataSource cache) {
        BigInteger current = new BigInteger(CURRENT);
        try (Connection connection = cache.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\", \"type\" FROM \"flyway_schema_history\"")) {
            BigInteger highest = null;
            while (rows.next()) {
                String version = rows.getString(1);
                if (!rows.getBoolean(2)) {
                    return false;
                }
                if (version == null && MARKERS.contains(rows.getString(3))) {
                    continue; // the row Flyway writes when it creates its table (or a schema)
                }
                if (version == null) {
                    return false;
                }
                BigInteger v = numeric(version);
                if (v == null) {
                    return false;
                }
                highest = highest == null || v.compareTo(highest) > 0 ? v : highest;
            }
            return current.equals(highest);
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    /** Flyway's versions here are whole numbers (V6__…); any other shape is left to Flyway. */
    private static BigInteger numeric(String version) {
        return version.matches("\\d+") ? new BigInteger(version) : null;
    }
}
