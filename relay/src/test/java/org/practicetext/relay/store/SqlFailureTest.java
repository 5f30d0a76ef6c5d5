// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.practicetext.relay.LogCapture;
import org.slf4j.LoggerFactory;

/** PostgreSQL's error shapes (built from the fields its server sends), which of them are busy, and what reaches a log line. */
class SqlFailureTest {
    /** A server error as the PostgreSQL wire protocol carries it: one-letter field codes, NUL separated. */
    private static PSQLException postgres(String... fields) {
        return new PSQLException(new ServerErrorMessage(String.join("\0", fields) + "\0"));
    }

    @Test
    void postgresUniqueViolationNamesTheConstraintNotTheKey() {
        PSQLException e = postgres("SERROR", "C23505", "Mduplicate key value violates unique constraint \"contact_phone\"",
                "DKey (practice_id, phone)=(1, +15550161234) already exists.", "spublic", "tcontact", "ncontact_phone");
        assertThat(e.getMessage()).as("the driver's own message quotes the key").contains("+15550161234");

        SqlFailure failure = SqlFailure.of(e);

        assertThat(failure.toString()).contains("SQLState 23505").contains("constraint contact_phone").doesNotContain("5550161234");
        assertThat(failure.isDuplicateKey()).isTrue();
    }

    @Test
    void postgresNotNullNamesTheColumn() {
        SqlFailure failure = SqlFailure.of(postgres("SERROR", "C23502",
                "Mnull value in column \"phone\" of relation \"contact\" violates not-null constraint",
                "DFailing row contains (7, 1, null, patient, Rosalind Featherstonehaugh).", "tcontact", "cphone"));

        assertThat(failure.toString()).contains("SQLState 23502").contains("column phone").doesNotContain("Featherstonehaugh");
    }

    @Test
    void postgresValueTooLongGivesItsStateOnly() {
        SqlFailure failure = SqlFailure.of(postgres("SERROR", "C22001", "Mvalue too long for type character varying(16)"));

        assertThat(failure.toString()).isEqualTo("SQLState 22001, vendor code 0, PSQLException");
    }

    @Test
    void busyStatesOfBothDatabasesAreBusyAndAFailureWithoutStateIsNot() {
        assertThat(new StorageException(postgres("SERROR", "C55P03", "Mcanceling statement due to lock timeout")).isBusy()).isTrue();
        assertThat(new StorageException(new SQLException("Timeout trying to lock table", "HYT00", 50200)).isBusy()).isTrue();
        assertThat(new StorageException(postgres("SERROR", "C23505", "Mduplicate key value")).isBusy()).isFalse();
        // The pool's own failures carry no SQLState (a pool that was closed under the caller).
        assertThat(new StorageException(new SQLException("HikariDataSource relay-db has been closed.")).isBusy()).isFalse();
    }

    @Test
    void anUnknownMessageShapeGivesNoNameRatherThanAGuess() {
        SqlFailure failure = SqlFailure.of(new SQLException("Wert zu lang für Spalte \"+15550165555\"", "22001", 22001));

        assertThat(failure.toString()).isEqualTo("SQLState 22001, vendor code 22001, SQLException");
    }

    @Test
    void aStorageExceptionLogsNoDriverMessageAtAnyDepth() {
        PSQLException driver = postgres("SERROR", "C23505", "Mduplicate key value violates unique constraint \"message_sid\"",
                "DKey (sid)=(SM00000000000000000000000000000042) already exists.", "nmessage_sid");
        try (LogCapture log = new LogCapture("org.practicetext")) {
            LoggerFactory.getLogger(SqlFailureTest.class).error("storage failure", new StorageException(driver));

            assertThat(log.text()).contains("23505").contains("message_sid").contains("SqlFailureTest")
                    .doesNotContain("SM00000000000000000000000000000042");
        }
    }
}
