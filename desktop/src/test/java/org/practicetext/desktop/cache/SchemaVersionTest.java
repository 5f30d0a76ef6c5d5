// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache at this app's schema version opens without Flyway; every other cache still goes through
 * it. {@link SchemaVersion#CURRENT} must follow the migrations, or a new one would be skipped.
 */
class SchemaVersionTest {
    @TempDir
    Path temp;

    @Test
    void currentIsTheNewestMigrationFlywayKnows() {
        JdbcConnectionPool pool = CacheDatabase.pool(temp.resolve("cache"));
        try {
            Flyway flyway = CacheDatabase.flyway(pool);
            flyway.migrate();
            assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(SchemaVersion.CURRENT);
            assertThat(flyway.info().pending()).isEmpty();
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aCacheThisAppOpenedIsCurrentAndOpensAgainWithItsRows() throws Exception {
        Path folder = temp.resolve("account");
        try (CacheDatabase db = CacheDatabase.open(folder)) {
            db.write(sql -> sql.update("CREATE TABLE probe (v VARCHAR(10))") + sql.update("INSERT INTO probe VALUES ('kept')"));
        }
        assertThat(isCurrent(folder)).isTrue();
        try (CacheDatabase db = CacheDatabase.open(folder)) {
            List<String> kept = db.read(sql -> sql.query("SELECT v FROM probe", r -> r.getString(1)));
            assertThat(kept).containsExactly("kept");
        }
    }

    @Test
    void anOlderCacheIsNotCurrentAndIsMigratedWhenItOpens() throws Exception {
        Path folder = temp.resolve("older");
        JdbcConnectionPool pool = CacheDatabase.pool(folder.resolve(CacheDatabase.FILE));
        Flyway.configure().dataSource(pool).locations(CacheDatabase.MIGRATIONS).target("4").load().migrate();
        pool.dispose();
        assertThat(isCurrent(folder)).isFalse();
        CacheDatabase.open(folder).close();
        assertThat(isCurrent(folder)).isTrue();
    }

    @Test
    void aFailedOrNewerStepOrNoHistoryIsLeftToFlyway() throws Exception {
        Path folder = temp.resolve("doubt");
        CacheDatabase.open(folder).close();
        history(folder, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '" + SchemaVersion.CURRENT + "'");
        assertThat(isCurrent(folder)).isFalse();
        history(folder, "UPDATE \"flyway_schema_history\" SET \"success\" = TRUE");
        assertThat(isCurrent(folder)).isTrue();
        history(folder, "INSERT INTO \"flyway_schema_history\" SELECT \"installed_rank\" + 100, '99', \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", TRUE FROM \"flyway_schema_history\""
                + " WHERE \"version\" = '" + SchemaVersion.CURRENT + "'");
        assertThat(isCurrent(folder)).isFalse();
        history(folder, "DROP TABLE \"flyway_schema_history\"");
        assertThat(isCurrent(folder)).isFalse();
    }

    private static boolean isCurrent(Path folder) {
        JdbcConnectionPool pool = CacheDatabase.pool(folder.resolve(CacheDatabase.FILE));
        try {
            return SchemaVersion.isCurrent(pool);
        } finally {
            pool.dispose();
        }
    }

    private static void history(Path folder, String statement) throws Exception {
        JdbcConnectionPool pool = CacheDatabase.pool(folder.resolve(CacheDatabase.FILE));
        try (Connection connection = pool.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        } finally {
            pool.dispose();
        }
    }
}
