// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestView;

/**
 * Upserts requests and the practice's communication settings from the feed (ADR 0024). A
 * request's status only moves forward on the relay; the desk keeps that too, because the answer
 * of a staff action is written at once and a feed page fetched just before it may still bring
 * the older state: a state of a lower rank than the one held is not written back (only its
 * generation, so a resync does not sweep it). The same state again is no change.
 */
final class RequestWriter {
    private static final String MERGE = """
            MERGE INTO request (id, conversation_id, contact_id, message_id, kind, status, status_rank, is_open, amount_cents, currency,
                                expires_at, created_at, relay_json, sync_gen)
            KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Upserts and says which requests changed. */
    List<DeskChange> upsert(Sql sql, Collection<RequestView> requests, int generation) throws SQLException {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> ranks = new HashMap<>();
        Map<Long, String> stored = new HashMap<>();
        sql.query("SELECT id, status_rank, relay_json FROM request WHERE id = ANY(?)", rs -> {
            ranks.put(rs.getLong(1), rs.getInt(2));
            return stored.put(rs.getLong(1), rs.getString(3));
        }, (Object) requests.stream().map(RequestView::id).toArray(Long[]::new));
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> behind = new ArrayList<>();
        List<DeskChange> changes = new ArrayList<>();
        for (RequestView r : requests) {
            Integer held = ranks.get(r.id());
            if (held != null && held > r.status().rank()) {
                behind.add(new Object[] {generation, r.id()});
                continue;
            }
            String json = SyncState.json(r);
            rows.add(new Object[] {r.id(), r.conversationId(), r.contactId(), r.messageId(), r.kind(), r.status(), r.status().rank(),
                    r.status().open(), r.amountCents(), r.currency(), r.expiresAt(), r.createdAt(), json, generation});
            if (!json.equals(stored.get(r.id()))) {
                changes.add(new DeskChange.RequestChanged(r.conversationId(), r.id()));
            }
        }
        sql.batch(MERGE, rows);
        sql.batch("UPDATE request SET sync_gen = ? WHERE id = ?", behind);
        return changes;
    }

    /** The practice's settings (one row per practice); answers whether they changed. */
    boolean settings(Sql sql, Collection<PracticeSettingsView> settings, int generation) throws SQLException {
        boolean changed = false;
        for (PracticeSettingsView s : settings) {
            String json = SyncState.json(s);
            changed |= !json.equals(RelayJson.stored(sql, "practice_settings", List.of(s.id())).get(s.id()));
            sql.update("MERGE INTO practice_settings (id, relay_json, sync_gen) KEY (id) VALUES (?, ?, ?)", s.id(), json, generation);
        }
        return changed;
    }
}
