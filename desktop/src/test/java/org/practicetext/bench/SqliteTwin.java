// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.practicetext.desktop.cache.CacheDatabase;

/**
 * The benchmark's yardstick: the same contacts, conversations and messages as the H2 cache,
 * copied into an SQLite file with FTS5 full-text tables (word tokens for messages and names, a
 * trigram table for fragments of names), queried the way the desk's searches are: the newest
 * 50 hits, with the contact's name. Only where sqlite-jdbc is on the class path (test scope).
 */
final class SqliteTwin implements AutoCloseable {
    private final Connection connection;

    private SqliteTwin(Connection connection) {
        this.connection = connection;
    }

    /** Copies the cache's rows into {@code file}; null (and says so) without sqlite-jdbc. */
    static SqliteTwin of(CacheDatabase db, Path file) throws SQLException {
        try {
            Class.forName("org.sqlite.JDBC");
        } catch (ClassNotFoundException e) {
            System.out.println("sqlite-jdbc is not on the class path: no SQLite comparison");
            return null;
        }
        long t0 = System.nanoTime();
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)");
            s.execute("CREATE TABLE conversation (id INTEGER PRIMARY KEY, contact_id INTEGER, last_message_at INTEGER)");
            s.execute("CREATE INDEX conversation_contact ON conversation (contact_id)");
            s.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, conversation_id INTEGER, body TEXT, created_at INTEGER)");
            s.execute("CREATE VIRTUAL TABLE message_fts USING fts5(body, content='message', content_rowid='id', tokenize='unicode61 remove_diacritics 2')");
            s.execute("CREATE VIRTUAL TABLE name_fts USING fts5(name, content='contact', content_rowid='id', tokenize='unicode61 remove_diacritics 2')");
            s.execute("CREATE VIRTUAL TABLE name_tri USING fts5(name, content='contact', content_rowid='id', tokenize='trigram remove_diacritics 1')");
        }
        connection.setAutoCommit(false);
        copy(connection, db.read(sql -> sql.query("SELECT id, name, phone FROM contact", rs -> new Object[] {rs.getLong(1), rs.getString(2),
                rs.getString(3)})), "INSERT INTO contact VALUES (?, ?, ?)");
        copy(connection, db.read(sql -> sql.query("SELECT id, contact_id, last_message_at FROM conversation", rs -> new Object[] {rs.getLong(1),
                rs.getLong(2), rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).getTime()})), "INSERT INTO conversation VALUES (?, ?, ?)");
        copy(connection, db.read(sql -> sql.query("SELECT id, conversation_id, body, created_at FROM message", rs -> new Object[] {rs.getLong(1),
                rs.getLong(2), rs.getString(3), rs.getTimestamp(4).getTime()})), "INSERT INTO message VALUES (?, ?, ?, ?)");
        try (Statement s = connection.createStatement()) {
            for (String table : List.of("message_fts", "name_fts", "name_tri")) {
                s.execute("INSERT INTO " + table + "(" + table + ") VALUES ('rebuild')");
            }
        }
        connection.commit();
        System.out.printf("SQLite twin (FTS5) built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return new SqliteTwin(connection);
    }

    private static void copy(Connection connection, List<Object[]> rows, String insert) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** An FTS5 string token: the word as typed, quoted. */
    static String quoted(String word) {
        return "\"" + word.replace("\"", "\"\"") + "\"";
    }

    /** Message-text hits for an FTS5 query, the newest {@code limit} with the contact's name. */
    int messages(String match, int limit) throws SQLException {
        return rows("""
                SELECT m.id, m.conversation_id, m.body, m.created_at, ct.name FROM message_fts f JOIN message m ON m.id = f.rowid
                JOIN conversation c ON c.id = m.conversation_id LEFT JOIN contact ct ON ct.id = c.contact_id
                WHERE message_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?""", match, limit);
    }

    /** Conversations whose contact's name matches an FTS5 word query, newest activity first. */
    int names(String match, int limit) throws SQLException {
        return rows("""
                SELECT c.id, ct.name, c.last_message_at FROM name_fts f JOIN contact ct ON ct.id = f.rowid JOIN conversation c ON c.contact_id = ct.id
                WHERE name_fts MATCH ? ORDER BY c.last_message_at DESC LIMIT ?""", quoted(match.substring(0, match.length() - 1)) + "*", limit);
    }

    /** Conversations whose contact's name has {@code fragment} anywhere (trigram index), newest activity first. */
    int infix(String fragment, int limit) throws SQLException {
        return rows("""
                SELECT c.id, ct.name, c.last_message_at FROM name_tri f JOIN contact ct ON ct.id = f.rowid JOIN conversation c ON c.contact_id = ct.id
                WHERE name_tri MATCH ? ORDER BY c.last_message_at DESC LIMIT ?""", quoted(fragment), limit);
    }

    private int rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            int rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
