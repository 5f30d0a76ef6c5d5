// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.practicetext.core.E164Number;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ConversationQueries;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.sync.ChangeSet;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.desktop.sync.OutboxAction;
import org.practicetext.desktop.sync.SyncEngine;

/**
 * What the user does, turned into outbox items: queued with their optimistic change in one
 * transaction, announced to the listeners, and handed to the sync loop to deliver.
 */
public final class UserActions {
    private final CacheDatabase db;
    private final SyncEngine sync;
    private final Function<Object, String> json;
    private final ConversationQueries conversations;

    public UserActions(CacheDatabase db, SyncEngine sync, Function<Object, String> json) {
        this.db = db;
        this.sync = sync;
        this.json = json;
        this.conversations = new ConversationQueries(db);
    }

    /** A reply in a conversation; a placeholder conversation (negative id) is still addressed by its number. */
    public String send(long conversationId, String body) {
        requireText(body);
        ConversationRow thread = conversations.byId(conversationId).orElseThrow(() -> new IllegalArgumentException("no conversation " + conversationId));
        Outbox.Entry entry = sync.outbox().enqueueSend(conversationId < 0 ? null : conversationId, thread.phone(), thread.displayPhone(), body);
        sync.queued(conversationChange(entry.conversationId()));
        return entry.clientId();
    }

    /** A message to a number as typed, checked with the practice's region before anything is queued. */
    public String sendTo(String phone, String body, String region) throws InvalidPhoneNumberException {
        requireText(body);
        PhoneNumbers numbers = new PhoneNumbers(region);
        E164Number number = numbers.parse(phone);
        Outbox.Entry entry = sync.outbox().enqueueSend(null, number.value(), numbers.display(number.value()), body);
        sync.queued(conversationChange(entry.conversationId()));
        return entry.clientId();
    }

    public void onConversation(OutboxAction action, long conversationId, Map<String, Long> payload, String summary) {
        sync.outbox().enqueue(action, conversationId, null, payload == null ? null : json.apply(payload), summary);
        sync.queued(conversationChange(conversationId));
    }

    public void onContact(OutboxAction action, long contactId, String summary) {
        sync.outbox().enqueue(action, null, contactId, null, summary);
        sync.queued(contactChange(contactId));
    }

    public void retry(long outboxItemId) {
        sync.outbox().retry(outboxItemId).ifPresent(this::announce);
    }

    public void discard(long outboxItemId) {
        sync.outbox().discard(outboxItemId).ifPresent(this::announce);
    }

    private void announce(Outbox.Entry entry) {
        sync.queued(entry.contactId() != null ? contactChange(entry.contactId()) : conversationChange(entry.conversationId()));
    }

    private ChangeSet contactChange(long contactId) {
        List<Long> ids = db.read(sql -> sql.query("SELECT id FROM conversation WHERE contact_id = ?", rs -> rs.getLong(1), contactId));
        return new ChangeSet(Set.copyOf(ids), true, false, false, false, false);
    }

    private static ChangeSet conversationChange(Long conversationId) {
        return new ChangeSet(conversationId == null ? Set.of() : Set.of(conversationId), false, false, false, false, false);
    }

    private static void requireText(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The message is empty.");
        }
    }
}
