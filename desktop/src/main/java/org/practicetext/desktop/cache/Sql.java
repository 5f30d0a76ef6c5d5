// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.WireWord;
import org.practicetext.jdbc.Jdbc;

/**
 * One connection inside one unit of work, with parameters bound by position (never spliced
 * into the SQL text) by {@link Jdbc}, which the relay's store shares. Instants are stored as
 * {@code TIMESTAMP WITH TIME ZONE} in UTC, and a wire word ("open", "lead") as its word, never
 * as the enum constant's name: the cache holds what the relay sent.
 */
public final class Sql {
    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public <T> List<T> query(String sql, Row<T> row, Object... params) throws SQLException {
        return Jdbc.query(connection, sql, row::map, words(params));
    }

    public <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = query(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
    }

    public long count(String sql, Object... params) throws SQLException {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) throws SQLException {
        return Jdbc.update(connection, sql, words(params));
    }

    /** Runs one statement for each parameter row in a JDBC batch. */
    public void batch(String sql, List<Object[]> rows) throws SQLException {
        Jdbc.batch(connection, sql, rows.stream().map(Sql::words).toList());
    }

    /** Inserts and answers the generated key. */
    public long insert(String sql, Object... params) throws SQLException {
        return Jdbc.insert(connection, sql, "ID", words(params));
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

    private static Object[] words(Object[] params) {
        Object[] bound = params;
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof WireWord word) {
                if (bound == params) {
                    bound = params.clone();
                }
                bound[i] = word.wire();
            }
        }
        return bound;
    }
}
