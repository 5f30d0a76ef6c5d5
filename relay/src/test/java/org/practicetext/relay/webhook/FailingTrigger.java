// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that makes every insert into its table fail while {@link #failing} is set, the
 * way a broken database or a bug in processing would. It fails with a unique-key violation on
 * purpose: the relay once took any such error for "this text is already stored".
 */
public final class FailingTrigger implements Trigger {
    public static volatile boolean failing;

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (failing) {
            throw new SQLException("injected failure", "23505");
        }
    }
}
