// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.ConsentChange;
import org.practicetext.protocol.ConsentRecordView;

/**
 * The cached consent records (ADR 0025), each read back as the relay sent it: a thread's lines and
 * a contact's current state with the record that made it so.
 */
public final class ConsentQueries {
    private static final String ORDER = " ORDER BY at, id";

    private final CacheDatabase db;

    public ConsentQueries(CacheDatabase db) {
        this.db = db;
    }

    /**
     * The lines of a conversation's thread, oldest first: its own records and those of its contact
     * that belong to no conversation (made before it had one, an import).
     */
    public List<ConsentRecordView> forConversation(long conversationId) {
        return db.read(q -> q.query("""
                SELECT relay_json, at, id FROM consent_record WHERE conversation_id = ?
                UNION ALL
                SELECT r.relay_json, r.at, r.id FROM consent_record r JOIN conversation c ON c.contact_id = r.contact_id
                    WHERE c.id = ? AND r.conversation_id IS NULL""" + ORDER, ConsentQueries::view, conversationId, conversationId));
    }

    /** Every record of a contact, oldest first. */
    public List<ConsentRecordView> forContact(long contactId) {
        return db.read(q -> q.query("SELECT relay_json FROM consent_record WHERE contact_id = ?" + ORDER, ConsentQueries::view, contactId));
    }

    /** The contact's consent now: its newest opt-out/opt-in record and its newest block/unblock record (either may be absent). */
    public ConsentState state(long contactId) {
        return db.read(q -> new ConsentState(newest(q, contactId, ConsentChange.OPTED_OUT, ConsentChange.OPTED_IN),
                newest(q, contactId, ConsentChange.BLOCKED, ConsentChange.UNBLOCKED)));
    }

    private static Optional<ConsentRecordView> newest(Sql q, long contactId, ConsentChange one, ConsentChange other) throws SQLException {
        return q.queryOne("SELECT relay_json FROM consent_record WHERE contact_id = ? AND change_kind IN (?, ?) ORDER BY at DESC, id DESC"
                + " FETCH FIRST 1 ROW ONLY", ConsentQueries::view, contactId, one, other);
    }

    private static ConsentRecordView view(ResultSet rs) throws SQLException {
        return SyncState.parse(rs.getString(1), ConsentRecordView.class);
    }
}
