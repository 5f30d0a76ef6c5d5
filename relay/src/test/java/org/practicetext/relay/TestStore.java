// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.practicetext.relay.store.Database;

/**
 * The store the relay's tests run on: H2 (a file in the fixture's folder) by default, PostgreSQL
 * (a database per folder, {@link TestPostgres}) when the system property {@code pt.test.store} is
 * {@code postgres}, as in the relay module's second surefire run. A test that reaches the
 * database itself goes through here, so it checks the same store its relay runs on.
 */
public enum TestStore {
    H2,
    POSTGRES;

    public static final String PROPERTY = "pt.test.store";

    public static TestStore current() {
        String value = System.getProperty(PROPERTY, "h2").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "h2", "" -> H2;
            case "postgres", "postgresql" -> POSTGRES;
            default -> throw new IllegalStateException(PROPERTY + " must be h2 or postgres, not " + value);
        };
    }

    /** The relay's {@code PT_DB_*} settings for a relay whose data folder is {@code folder}. */
    public Map<String, String> environment(Path folder) {
        return switch (this) {
            case H2 -> Map.of("PT_DB_URL", Database.h2Url(folder.toString()), "PT_DB_USER", "sa", "PT_DB_PASSWORD", "");
            case POSTGRES -> TestPostgres.require().forFolder(folder).environment();
        };
    }

    /** The database of {@code folder}, opened (and migrated) as the relay opens it. */
    public Database open(Path folder) {
        Map<String, String> env = environment(folder);
        return new Database(env.get("PT_DB_URL"), env.get("PT_DB_USER"), env.get("PT_DB_PASSWORD"));
    }

    /** A plain JDBC connection to the database of {@code folder}, not in autocommit. */
    public Connection connect(Path folder) throws SQLException {
        Map<String, String> env = environment(folder);
        Connection c = DriverManager.getConnection(env.get("PT_DB_URL"), env.get("PT_DB_USER"), env.get("PT_DB_PASSWORD"));
        c.setAutoCommit(false);
        return c;
    }

    /** Drops what {@code folder}'s relays stored outside the folder (PostgreSQL's database); they are stopped. */
    public void release(Path folder) {
        if (this == POSTGRES) {
            TestPostgres.configured().ifPresent(pg -> pg.releaseFolder(folder));
        }
    }
}
