// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.WireWord;

/**
 * One connection inside one unit of work, with parameters bound by position (never spliced
 * into the SQL text). Instants are stored as {@code TIMESTAMP WITH TIME ZONE} in UTC.
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
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rs.next()) {
                result.add(row.map(rs));
            }
            return result;
        }
    }

    public <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = query(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
    }

    public long count(String sql, Object... params) throws SQLException {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** Runs one statement for each parameter row in a JDBC batch. */
    public void batch(String sql, List<Object[]> rows) throws SQLException {
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

    /** Inserts and answers the generated key. */
    public long insert(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"ID"})) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, params);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            switch (value) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Instant at -> statement.setObject(i + 1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                // the cache holds the relay's words ("open", "lead"), never the enum's constant name
                case WireWord word -> statement.setString(i + 1, word.wire());
                case Object other -> statement.setObject(i + 1, other);
            }
        }
    }
}
