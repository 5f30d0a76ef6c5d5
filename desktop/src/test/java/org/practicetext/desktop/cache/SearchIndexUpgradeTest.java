// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.ConversationFilter;

/**
 * A cache written by the app before the search index (schema 3, one {@code message_word} row per
 * word and message) opens in this one with everything it held searchable: names from inside a
 * word, and message text through the new posting lists, built from the cached rows.
 */
class SearchIndexUpgradeTest {
    @TempDir
    Path temp;

    @Test
    void anOlderCacheUpgradesAndItsRowsAreIndexed() throws Exception {
        Path folder = temp.resolve("cache");
        String url = "jdbc:h2:file:" + folder.resolve(CacheDatabase.FILE).toAbsolutePath();
        Flyway.configure().dataSource(url, "sa", "").locations(CacheDatabase.MIGRATIONS).target("3").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement s = connection.createStatement()) {
            s.execute("""
                    INSERT INTO contact (id, phone, display_phone, kind, name, sort_name, opted_out, blocked, sync_gen)
                    VALUES (1, '+13125550101', '(312) 555-0101', 'patient', 'Marcus Johnson', 'marcus johnson', FALSE, FALSE, 1),
                           (2, '+13125550102', '(312) 555-0102', 'patient', 'Anna Smith', 'anna smith', FALSE, FALSE, 1)""");
            s.execute("INSERT INTO contact_word (word, contact_id) VALUES ('marcus', 1), ('johnson', 1), ('anna', 2), ('smith', 2)");
            s.execute("""
                    INSERT INTO conversation (id, contact_id, phone, display_phone, status, inbox_id, unread_count, last_message_at, sync_gen)
                    VALUES (10, 1, '+13125550101', '(312) 555-0101', 'open', 1, 0, TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00Z', 1),
                           (20, 2, '+13125550102', '(312) 555-0102', 'open', 1, 0, TIMESTAMP WITH TIME ZONE '2026-11-02 09:01:00Z', 1)""");
            s.execute("""
                    INSERT INTO message (id, conversation_id, direction, body, status, created_at, sync_gen)
                    VALUES (100, 10, 'in', 'Is my crown ready?', 'received', TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00Z', 1),
                           (200, 20, 'in', 'Running late, sorry', 'received', TIMESTAMP WITH TIME ZONE '2026-11-02 09:01:00Z', 1),
                           (-1, 20, 'out', 'No problem, see you soon', 'sending', TIMESTAMP WITH TIME ZONE '2026-11-02 09:02:00Z', 0)""");
            s.execute("INSERT INTO message_word (word, message_id) VALUES ('is', 100), ('my', 100), ('crown', 100), ('ready', 100)");
        }

        try (CacheDatabase db = CacheDatabase.open(folder)) {
            ConversationQueries list = new ConversationQueries(db);
            assertThat(list.list(ConversationFilter.defaults().withSearch("ohns"), 1L, 10)).extracting(ConversationRow::displayName)
                    .containsExactly("Marcus Johnson");
            assertThat(list.list(ConversationFilter.defaults().withSearch("smi"), 1L, 10)).extracting(ConversationRow::displayName)
                    .containsExactly("Anna Smith");
            MessageQueries messages = new MessageQueries(db);
            assertThat(messages.search("crown", 10)).extracting(MessageHit::messageId).containsExactly(100L);
            assertThat(messages.search("late", 10)).extracting(MessageHit::messageId).containsExactly(200L);
            assertThat(messages.search("problem", 10)).as("a local bubble too").extracting(MessageHit::messageId).containsExactly(-1L);
            long oldTables = db.read(sql -> sql.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'MESSAGE_WORD'"));
            assertThat(oldTables).as("the old word table is gone").isZero();
        }
    }
}
