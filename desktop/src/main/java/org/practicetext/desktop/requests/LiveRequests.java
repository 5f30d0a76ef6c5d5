// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.FeedRows;
import org.practicetext.desktop.cache.RequestQueries;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.desktop.sync.SyncEngine;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedEvent;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestAction;
import org.practicetext.protocol.RequestSent;
import org.practicetext.protocol.RequestView;

/**
 * Requests over the cache and the relay: reads from the cache (the feed keeps it current), actions
 * straight to the relay (they need its answer: a new link, a refusal in its words), whose answer is
 * written through the feed's own path at once and announced, so the chip and the lists change
 * before the feed catches up (its copy later is no change).
 */
public final class LiveRequests implements Requests {
    private final RelayApi api;
    private final CacheDatabase db;
    private final SyncEngine sync;
    private final RequestQueries queries;
    private final FeedRows rows = new FeedRows();

    public LiveRequests(RelayApi api, CacheDatabase db, SyncEngine sync) {
        this.api = api;
        this.db = db;
        this.sync = sync;
        this.queries = new RequestQueries(db);
    }

    @Override
    public Optional<PracticeSettingsView> settings() {
        return queries.settings();
    }

    @Override
    public PracticeSettingsView updateSettings(PracticeSettingsUpdate update) throws RelayException {
        PracticeSettingsView answer = api.call(Endpoints.SETTINGS_UPDATE.at(), update, PracticeSettingsView.class);
        cache(List.of(event(EventTypes.SETTINGS, answer)));
        return answer;
    }

    @Override
    public List<RequestView> forConversation(long conversationId) {
        return queries.forConversation(conversationId);
    }

    @Override
    public Optional<RequestView> forMessage(long messageId) {
        return queries.forMessage(messageId);
    }

    @Override
    public List<RequestView> open() {
        return queries.open();
    }

    @Override
    public Optional<RequestView> lastReview(long contactId) {
        return queries.lastReview(contactId);
    }

    @Override
    public RequestView cancel(long requestId, String note) throws RelayException {
        return cached(api.call(Endpoints.REQUEST_CANCEL.at(requestId), new RequestAction(null, blankAsNull(note)), RequestView.class));
    }

    /**
     * The new request and its message are written at once; the old one, now cancelled and naming its
     * replacement, is asked for again (the answer does not carry it). Should that ask fail, the feed
     * brings it: the new link is sent either way.
     */
    @Override
    public RequestView resend(long requestId) throws RelayException {
        RequestSent sent = api.call(Endpoints.REQUEST_RESEND.at(requestId), new RequestAction(UUID.randomUUID().toString(), null), RequestSent.class);
        List<FeedEvent> events = new ArrayList<>();
        if (sent.message() != null) {
            events.add(event(EventTypes.MESSAGE, sent.message()));
        }
        events.add(event(EventTypes.REQUEST, sent.request()));
        try {
            events.add(event(EventTypes.REQUEST, api.call(Endpoints.REQUEST.at(requestId), null, RequestView.class)));
        } catch (RelayException e) {
            // the feed brings the old request cancelled
        }
        cache(events);
        return sent.request();
    }

    @Override
    public RequestView markPaid(long requestId, String note) throws RelayException {
        return cached(api.call(Endpoints.REQUEST_MARK_PAID.at(requestId), new RequestAction(null, blankAsNull(note)), RequestView.class));
    }

    @Override
    public RequestView markCompleted(long requestId) throws RelayException {
        return cached(api.call(Endpoints.REQUEST_COMPLETE.at(requestId), new RequestAction(null, null), RequestView.class));
    }

    private RequestView cached(RequestView answer) {
        cache(List.of(event(EventTypes.REQUEST, answer)));
        return answer;
    }

    /** Writes the relay's answer as the feed would bring it and tells the screens; a message of a conversation not cached waits for the feed. */
    private void cache(List<FeedEvent> events) {
        List<DeskChange> changes = db.write(sql -> {
            List<FeedEvent> known = new ArrayList<>();
            for (FeedEvent e : events) {
                boolean message = EventTypes.MESSAGE.equals(e.type());
                if (!message || sql.count("SELECT COUNT(*) FROM conversation WHERE id = ?", e.data().path("conversationId").asLong()) > 0) {
                    known.add(e);
                }
            }
            return rows.apply(sql, known, SyncState.read(sql).generation());
        });
        sync.queued(changes);
    }

    private static FeedEvent event(String type, Object view) {
        return new FeedEvent(0, type, Json.mapper().valueToTree(view));
    }

    private static String blankAsNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
