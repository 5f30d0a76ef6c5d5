// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.practicetext.protocol.TemplateView;

/** Saved replies of a practice; deleting one keeps the row so the feed can carry its tombstone. */
public final class Templates {
    private static final String COLUMNS = "id, name, body, deleted";

    public Optional<TemplateView> byId(Tx tx, long practiceId, long id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM template WHERE practice_id = ? AND id = ?", Templates::view, practiceId, id);
    }

    /** The live template with this name, compared without regard to case. */
    public Optional<TemplateView> byName(Tx tx, long practiceId, String name) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM template WHERE practice_id = ? AND LOWER(name) = LOWER(?) AND deleted = FALSE",
                Templates::view, practiceId, name);
    }

    public TemplateView create(Tx tx, long practiceId, String name, String body, Instant now) throws SQLException {
        long id = tx.insert("INSERT INTO template (practice_id, name, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                practiceId, name, body, now, now);
        return byId(tx, practiceId, id).orElseThrow();
    }

    public void update(Tx tx, long practiceId, long id, String name, String body, Instant now) throws SQLException {
        tx.update("UPDATE template SET name = ?, body = ?, updated_at = ? WHERE practice_id = ? AND id = ?", name, body, now, practiceId, id);
    }

    public void delete(Tx tx, long practiceId, long id, Instant now) throws SQLException {
        tx.update("UPDATE template SET deleted = TRUE, updated_at = ? WHERE practice_id = ? AND id = ?", now, practiceId, id);
    }

    private static TemplateView view(ResultSet rs) throws SQLException {
        return new TemplateView(rs.getLong("id"), rs.getString("name"), rs.getString("body"), rs.getBoolean("deleted"));
    }
}
