// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Cache migration 5: fills the search index that V4 laid out from the rows the cache already
 * holds (contact names and message bodies), the same keys the writers write, so a cache made
 * by an older app searches everything it had. It runs once, in Flyway's transaction: a crash
 * half-way leaves V5 unapplied and it starts again on the next open.
 */
final class SearchIndexMigration implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "fill search index";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Sql sql = new Sql(context.getConnection());
        nameKeys(sql);
        MessageIndex.rebuild(sql);
    }

    private static void nameKeys(Sql sql) throws SQLException {
        sql.update("DELETE FROM contact_word");
        List<Object[]> keys = new ArrayList<>();
        sql.query("SELECT id, name FROM contact", rs -> {
            long id = rs.getLong(1);
            TextKey.nameKeys(rs.getString(2)).forEach((key, wordStart) -> keys.add(new Object[] {key, id, wordStart}));
            return null;
        });
        sql.batch("INSERT INTO contact_word (word, contact_id, word_start) VALUES (?, ?, ?)", keys);
    }
}
