// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What may be said about a failed SQL statement in a log line: the SQLState, the vendor's error
 * code, the driver's exception type and the constraint or column the database named.
 *
 * <p>Never the driver's message: H2 quotes the offending value ({@code Value too long for column
 * "PHONE ...": "'+1555…' (20)"}) and a unique index's key values, and PostgreSQL adds a
 * {@code Detail: Key (phone)=(+1555…)} line, so a phone number, a name or a message body would
 * reach the log. The name is taken from PostgreSQL's structured error fields,
 * or from the fixed opening words of H2's messages, and only if it is a plain SQL identifier; an
 * unknown message shape gives no name rather than a guess.
 */
public record SqlFailure(String sqlState, int vendorCode, String type, String nameKind, String name) {
    private static final String IDENTIFIER = "([A-Za-z_][A-Za-z0-9_]*)";
    /** H2 names the column first, before any value: {@code Value too long for column "PHONE CHARACTER VARYING(16)": …}. */
    private static final Pattern H2_COLUMN = Pattern.compile("(?:Value too long for column|NULL not allowed for column) \"" + IDENTIFIER);
    /** H2 names the constraint or index first, schema-qualified: {@code Unique index or primary key violation: "PUBLIC.CONTACT_PHONE INDEX …}. */
    private static final Pattern H2_CONSTRAINT = Pattern.compile(
            "(?:Unique index or primary key violation|Referential integrity constraint violation|Check constraint violation): \""
                    + "(?:[A-Za-z_][A-Za-z0-9_]*\\.)*" + IDENTIFIER);
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile(IDENTIFIER);

    public static SqlFailure of(SQLException e) {
        String state = e.getSQLState();
        for (SQLException next = e.getNextException(); state == null && next != null; next = next.getNextException()) {
            state = next.getSQLState();
        }
        String type = e.getClass().getSimpleName();
        ServerErrorMessage server = serverMessage(e);
        if (server != null) {
            String constraint = identifier(server.getConstraint());
            if (constraint != null) {
                return new SqlFailure(state, e.getErrorCode(), type, "constraint", constraint);
            }
            String column = identifier(server.getColumn());
            if (column != null) {
                return new SqlFailure(state, e.getErrorCode(), type, "column", column);
            }
            return new SqlFailure(state, e.getErrorCode(), type, null, null);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher column = H2_COLUMN.matcher(message);
        if (column.lookingAt()) {
            return new SqlFailure(state, e.getErrorCode(), type, "column", column.group(1));
        }
        Matcher constraint = H2_CONSTRAINT.matcher(message);
        if (constraint.lookingAt()) {
            return new SqlFailure(state, e.getErrorCode(), type, "constraint", constraint.group(1));
        }
        return new SqlFailure(state, e.getErrorCode(), type, null, null);
    }

    /** True when the failure was a unique-key violation (a concurrent duplicate). */
    public boolean isDuplicateKey() {
        return "23505".equals(sqlState);
    }

    /** PostgreSQL's structured fields, from the exception or one chained behind it (a batch). */
    private static ServerErrorMessage serverMessage(SQLException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 8; depth++) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage();
            }
            t = t instanceof SQLException s && s.getNextException() != null ? s.getNextException() : t.getCause();
        }
        return null;
    }

    private static String identifier(String candidate) {
        return candidate != null && PLAIN_IDENTIFIER.matcher(candidate).matches() ? candidate : null;
    }

    @Override
    public String toString() {
        return "SQLState " + (sqlState == null ? "none" : sqlState) + ", vendor code " + vendorCode + ", " + type
                + (name == null ? "" : ", " + nameKind + " " + name);
    }
}
