// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;

/**
 * Inbound texts no practice can take (an unknown number, a sender one cannot reply to), kept
 * with their webhook's fields instead of dropped (table {@code unrouted_message}).
 */
public final class UnroutedMessages {

    public boolean exists(Tx tx, String sid) throws SQLException {
        return tx.queryOne("SELECT id FROM unrouted_message WHERE sid = ?", rs -> rs.getLong(1), sid).isPresent();
    }

    /** {@code paramsJson} is the whole webhook form as JSON; {@code reason} says, without values, why it was not routed. */
    public void keep(Tx tx, String sid, String from, String to, String body, String paramsJson, Instant receivedAt, String reason)
            throws SQLException {
        tx.update("INSERT INTO unrouted_message (sid, from_phone, to_phone, body, params, received_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                sid, from, to, body, paramsJson, receivedAt, reason);
    }
}
