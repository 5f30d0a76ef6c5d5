// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.practicetext.jdbc.Jdbc;

/**
 * One open transaction with small helpers for parameterised SQL (bound by {@link Jdbc}, which the
 * desktop's cache shares), and actions to run only after it commits (waking parked long-polls
 * must never announce what could still roll back).
 */
public final class Tx {
    private final Connection connection;
    private boolean wrote;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final java.util.Set<Object> done = new java.util.HashSet<>();
    private final java.util.Map<Object, Object> kept = new java.util.HashMap<>();
    private final java.util.Map<Object, SqlAction> beforeCommit = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, java.util.List<Object[]>> laterRows = new java.util.HashMap<>();

    /** Work on the transaction's connection. */
    @FunctionalInterface
    public interface SqlAction {
        void run() throws SQLException;
    }

    Tx(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** True the first time it is asked with {@code key} in this transaction (a notice sent once per transaction). */
    public boolean firstTime(Object key) {
        return done.add(key);
    }

    /**
     * Runs {@code action} just before the commit, once for {@code key}: a later call with the same
     * key replaces the earlier action (a counter written once with its last value, however many
     * times it moved in the transaction).
     */
    public void beforeCommit(Object key, SqlAction action) {
        beforeCommit.put(key, action);
    }

    /**
     * Runs the insert {@code sql} with {@code params} just before the commit, in one JDBC batch
     * with every other row given for the same statement: one round trip for many rows. Only for
     * rows nothing in the transaction reads or changes again before it commits.
     */
    public void later(String sql, Object... params) {
        wrote = true;
        java.util.List<Object[]> rows = laterRows.computeIfAbsent(sql, key -> {
            java.util.List<Object[]> list = new ArrayList<>();
            beforeCommit(java.util.List.of("later", key), () -> Jdbc.batch(connection, key, list));
            return list;
        });
        rows.add(params);
    }

    /** Keeps {@code value} for the rest of the transaction under {@code key} (what it read once and then knows). */
    public void keep(Object key, Object value) {
        kept.put(key, value);
    }

    /** What was kept under {@code key} in this transaction, or null. */
    public Object kept(Object key) {
        return kept.get(key);
    }

    java.util.Collection<SqlAction> beforeCommitActions() {
        return beforeCommit.values();
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    /** {@code ?, ?, …}: the placeholders of an {@code IN} list of {@code count} values. */
    public static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** {@code first} and then {@code rest}: the parameters of a query with one value before an {@code IN} list. */
    public static Object[] params(Object first, List<?> rest) {
        Object[] params = new Object[rest.size() + 1];
        params[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            params[i + 1] = rest.get(i);
        }
        return params;
    }

    public int update(String sql, Object... params) throws SQLException {
        wrote = true;
        return Jdbc.update(connection, sql, params);
    }

    /** Inserts a row and returns its generated {@code id}. */
    public long insert(String sql, Object... params) throws SQLException {
        wrote = true;
        return Jdbc.insert(connection, sql, "id", params);
    }

    /** Whether the transaction ran a statement that may have changed a row (its commit must then be durable). */
    boolean wrote() {
        return wrote;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return Jdbc.query(connection, sql, mapper::map, params);
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return Jdbc.instant(rs, column);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        return Jdbc.nullableLong(rs, column);
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        return Jdbc.nullableInt(rs, column);
    }

    static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // nothing to do
        }
    }
}
