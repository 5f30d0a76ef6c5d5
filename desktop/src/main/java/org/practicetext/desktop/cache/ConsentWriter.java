// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.practicetext.protocol.ConsentRecordView;

/**
 * Writes consent records from the feed (ADR 0025). A record never changes once the relay wrote
 * it, so one the cache holds is not written again: only its generation is renewed (a resync's
 * snapshot brings it back and the sweep must keep it). A record the cache did not hold is one
 * {@link DeskChange.ConsentRecorded}; the same record again is no change.
 */
final class ConsentWriter {
    private static final String INSERT = """
            INSERT INTO consent_record (id, contact_id, conversation_id, change_kind, source, at, relay_json, sync_gen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    List<DeskChange> insert(Sql sql, Collection<ConsentRecordView> records, int generation) throws SQLException {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<Long, String> held = RelayJson.stored(sql, "consent_record", records.stream().map(ConsentRecordView::id).toList());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> again = new ArrayList<>();
        List<DeskChange> changes = new ArrayList<>();
        for (ConsentRecordView r : records) {
            if (held.containsKey(r.id())) {
                again.add(new Object[] {generation, r.id()});
                continue;
            }
            rows.add(new Object[] {r.id(), r.contactId(), r.conversationId(), r.change(), r.source(), r.at(), SyncState.json(r), generation});
            changes.add(new DeskChange.ConsentRecorded(r));
        }
        sql.batch(INSERT, rows);
        sql.batch("UPDATE consent_record SET sync_gen = ? WHERE id = ?", again);
        return changes;
    }
}
