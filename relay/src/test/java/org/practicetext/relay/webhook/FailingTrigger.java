// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.practicetext.relay.TestStore;
import org.practicetext.relay.store.Database;

/**
 * Triggers that make every insert into {@code message} and {@code status_callback} fail while
 * failing is on, the way a broken database or a bug in processing would. They fail with a
 * unique-key violation on purpose: the relay once took any such error for "this text is already
 * stored". On H2 the trigger is this class and the switch {@link #failing}; on PostgreSQL a
 * PL/pgSQL function reads the switch from a one-row table of the test's own database.
 */
public final class FailingTrigger implements Trigger {
    public static volatile boolean failing;

    /** Puts the triggers on the relay's tables, failing off. */
    public static void install(Database db) {
        switch (TestStore.current()) {
            case H2 -> db.inTransaction(tx -> {
                tx.update("CREATE TRIGGER fail_message BEFORE INSERT ON message FOR EACH ROW CALL \"" + FailingTrigger.class.getName() + "\"");
                return tx.update("CREATE TRIGGER fail_status BEFORE INSERT ON status_callback FOR EACH ROW CALL \"" + FailingTrigger.class.getName() + "\"");
            });
            case POSTGRES -> db.inTransaction(tx -> {
                tx.update("CREATE TABLE test_failing (failing BOOLEAN NOT NULL)");
                tx.update("INSERT INTO test_failing VALUES (FALSE)");
                tx.update("""
                        CREATE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF (SELECT failing FROM test_failing) THEN
                                RAISE unique_violation USING MESSAGE = 'injected failure';
                            END IF;
                            RETURN NEW;
                        END $$""");
                tx.update("CREATE TRIGGER fail_message BEFORE INSERT ON message FOR EACH ROW EXECUTE FUNCTION test_fail()");
                return tx.update("CREATE TRIGGER fail_status BEFORE INSERT ON status_callback FOR EACH ROW EXECUTE FUNCTION test_fail()");
            });
        }
    }

    /** Turns failing on or off for the relays on {@code folder}'s database, running or not. */
    public static void fail(Path folder, boolean on) {
        failing = on;
        if (TestStore.current() == TestStore.POSTGRES) {
            try (Connection c = TestStore.current().connect(folder); PreparedStatement s = c.prepareStatement("UPDATE test_failing SET failing = ?")) {
                s.setBoolean(1, on);
                s.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (failing) {
            throw new SQLException("injected failure", "23505");
        }
    }
}
