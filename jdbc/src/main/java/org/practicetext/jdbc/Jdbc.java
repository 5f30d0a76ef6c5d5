// SPDX-License-Identifier: Apache-2.0
package org.practicetext.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameterised SQL on one connection, the way the relay's store and the desktop's cache both
 * run it: parameters are bound by position (never spliced into the SQL text), an {@link Instant}
 * is bound as a {@code TIMESTAMP WITH TIME ZONE} in UTC and read back as one, and a SQL NULL
 * reads as a null {@code Long}/{@code Integer} rather than 0. Every statement is closed before
 * a method returns. Portable SQL only: what runs here runs on H2 and PostgreSQL alike.
 */
public final class Jdbc {
    private Jdbc() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Every row of a query, mapped in order. */
    public static <T> List<T> query(Connection connection, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
                return rows;
            }
        }
    }

    /** Runs one INSERT, UPDATE or DELETE and answers how many rows it changed. */
    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    /**
     * Inserts one row and answers its generated key from {@code keyColumn}. The column's name is
     * passed as the caller's schema spells it: PostgreSQL matches it exactly ({@code "id"}).
     */
    public static long insert(Connection connection, String sql, String keyColumn, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {keyColumn})) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /** Runs one statement for each parameter row in a single JDBC batch; no rows, no statement. */
    public static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(statement, params);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Binds {@code params} to the statement's placeholders, first to last. */
    public static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            switch (params[i]) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Instant at -> statement.setObject(i + 1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                case Timestamp at -> statement.setTimestamp(i + 1, at);
                case Object other -> statement.setObject(i + 1, other);
            }
        }
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant; null for SQL NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A nullable integer column as a {@code Long}: null for SQL NULL, not 0. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A nullable integer column as an {@code Integer}: null for SQL NULL, not 0. */
    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
