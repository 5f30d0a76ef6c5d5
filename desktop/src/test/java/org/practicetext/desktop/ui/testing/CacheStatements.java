// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Counts the SQL statements a desktop cache runs, with H2's own query statistics (no seam in the
 * production code): a second connection to the same in-process database switches them on and
 * reads them (with the account's key: the cache is encrypted). Statistics are kept per SQL text, so {@link #since()} answers how often each
 * statement ran since {@link #reset()}; this class's own statements are left out.
 */
public final class CacheStatements implements AutoCloseable {
    private static final String MINE = "INFORMATION_SCHEMA.QUERY_STATISTICS";
    private final Connection connection;

    private CacheStatements(Connection connection) {
        this.connection = connection;
    }

    /** Joins the (open) cache database under {@code dataRoot}: the one {@code cache.mv.db} there. */
    public static CacheStatements of(Path dataRoot) {
        try (Stream<Path> files = Files.walk(dataRoot)) {
            Path file = files.filter(p -> p.getFileName().toString().equals("cache.mv.db")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no cache under " + dataRoot));
            String base = file.toAbsolutePath().toString().replaceAll("\\.mv\\.db$", "");
            String url = "jdbc:h2:file:" + base + ";LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=5000;TRACE_LEVEL_FILE=0";
            // The cache is encrypted with its account's key (ADR 0026): the folder is named by the account.
            java.util.Optional<org.practicetext.desktop.secrets.AccountKey> key = org.practicetext.desktop.DeskSecrets.of(dataRoot).keys()
                    .stored(file.getParent().getFileName().toString());
            return new CacheStatements(key.isPresent()
                    ? DriverManager.getConnection(url + ";CIPHER=AES", "sa", new String(key.get().cachePassword()) + " ")
                    : DriverManager.getConnection(url, "sa", ""));
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets what ran so far and counts from now. */
    public void reset() {
        run("SET QUERY_STATISTICS FALSE");
        run("SET QUERY_STATISTICS TRUE");
    }

    /** Each statement's text and how many times it ran since {@link #reset()}. */
    public Map<String, Integer> since() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM " + MINE + " ORDER BY EXECUTION_COUNT DESC")) {
            while (rs.next()) {
                String sql = rs.getString(1);
                if (!sql.contains(MINE) && !sql.startsWith("SET QUERY_STATISTICS")) {
                    counts.put(sql.replaceAll("\\s+", " ").strip(), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private void run(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        run("SET QUERY_STATISTICS FALSE");
        connection.close();
    }
}
