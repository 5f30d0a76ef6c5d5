// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.messages;

import java.util.List;
import java.util.Optional;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.desktop.UserActions;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.Drafts;
import org.practicetext.desktop.cache.MessageHit;
import org.practicetext.desktop.cache.MessagePage;
import org.practicetext.desktop.cache.MessageQueries;
import org.practicetext.desktop.session.Session;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.desktop.sync.SyncEngine;

/** Messages over the cache and the outbox; a number typed by hand is read in the practice's region. */
public final class LiveMessages implements Messages {
    private final Session session;
    private final SyncEngine sync;
    private final MessageQueries messages;
    private final Drafts drafts;
    private final UserActions actions;

    public LiveMessages(CacheDatabase db, Session session, SyncEngine sync, UserActions actions) {
        this.session = session;
        this.sync = sync;
        this.messages = new MessageQueries(db);
        this.drafts = new Drafts(db);
        this.actions = actions;
    }

    @Override
    public MessagePage messages(long conversationId, MessagePage.MessageCursor before, int pageSize) {
        return messages.page(conversationId, before, pageSize);
    }

    @Override
    public List<MessageHit> searchMessages(String text, int limit) {
        return messages.search(text, limit);
    }

    @Override
    public List<OutboxItem> outbox() {
        return sync.outbox().all().stream().map(Outbox.Entry::item).toList();
    }

    @Override
    public Optional<String> draft(String threadKey) {
        return drafts.load(threadKey);
    }

    @Override
    public void saveDraft(String threadKey, String body) {
        drafts.save(threadKey, body);
    }

    @Override
    public String send(long conversationId, String body, List<OutgoingFile> files) {
        return actions.send(conversationId, body, files);
    }

    @Override
    public String sendRequest(long conversationId, String body, org.practicetext.protocol.RequestDraft request, OutgoingFile document) {
        return actions.sendRequest(conversationId, body, request, document);
    }

    @Override
    public String sendTo(String phone, String body, List<OutgoingFile> files) throws InvalidPhoneNumberException {
        return actions.sendTo(phone, body, files, session.practice().region());
    }

    @Override
    public void retry(long outboxItemId) {
        actions.retry(outboxItemId);
    }

    @Override
    public boolean retrySent(long messageId) {
        return actions.retrySent(messageId);
    }

    @Override
    public void discard(long outboxItemId) {
        actions.discard(outboxItemId);
    }
}
