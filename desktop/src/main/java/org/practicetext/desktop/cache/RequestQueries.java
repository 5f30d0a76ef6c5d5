// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.RequestKind;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestView;

/**
 * The cached requests (ADR 0024), each read back as the relay sent it, and the practice's
 * communication settings. A request counts only while its conversation is in the cache: the
 * relay sends a desk the conversations its user may see, so that is the desk's visibility.
 */
public final class RequestQueries {
    private static final String SELECT = "SELECT r.relay_json FROM request r WHERE EXISTS (SELECT 1 FROM conversation c WHERE c.id = r.conversation_id)";

    private final CacheDatabase db;

    public RequestQueries(CacheDatabase db) {
        this.db = db;
    }

    /** One conversation's requests, newest first. */
    public List<RequestView> forConversation(long conversationId) {
        return db.read(q -> q.query("SELECT r.relay_json FROM request r USE INDEX (request_conversation) WHERE r.conversation_id = ?"
                + " ORDER BY r.created_at DESC, r.id DESC", RequestQueries::view, conversationId));
    }

    public Optional<RequestView> forMessage(long messageId) {
        return db.read(q -> q.queryOne(SELECT + " AND r.message_id = ? ORDER BY r.id DESC FETCH FIRST 1 ROW ONLY", RequestQueries::view, messageId));
    }

    /** Every open request (sent, delivered, opened) in a cached conversation, oldest first. */
    public List<RequestView> open() {
        return db.read(q -> q.query(SELECT + " AND r.is_open ORDER BY r.created_at, r.id", RequestQueries::view));
    }

    /** The newest review request sent to a contact. */
    public Optional<RequestView> lastReview(long contactId) {
        return db.read(q -> q.queryOne("SELECT r.relay_json FROM request r WHERE r.contact_id = ? AND r.kind = ? ORDER BY r.created_at DESC, r.id DESC"
                + " FETCH FIRST 1 ROW ONLY", RequestQueries::view, contactId, RequestKind.REVIEW));
    }

    public Optional<PracticeSettingsView> settings() {
        return db.read(RequestQueries::settings);
    }

    /** These requests as they are now (a batch's changed ones, read once for all screens); absent ids are gone. */
    static List<RequestView> rows(Sql q, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        return q.query("SELECT relay_json FROM request WHERE id = ANY(?)", RequestQueries::view, (Object) ids.toArray(Long[]::new));
    }

    /** The practice's settings (the desk's one practice: the newest row, should an old one linger). */
    static Optional<PracticeSettingsView> settings(Sql q) throws SQLException {
        return q.queryOne("SELECT relay_json FROM practice_settings ORDER BY sync_gen DESC, id DESC FETCH FIRST 1 ROW ONLY",
                rs -> SyncState.parse(rs.getString(1), PracticeSettingsView.class));
    }

    private static RequestView view(java.sql.ResultSet rs) throws SQLException {
        return SyncState.parse(rs.getString(1), RequestView.class);
    }
}
