// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.practicetext.core.E164Number;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.core.RequestTexts;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ConversationQueries;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.desktop.sync.OutboxAction;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.desktop.sync.SyncEngine;
import org.practicetext.protocol.RequestDraft;

/**
 * What the user does, turned into outbox items: queued with their optimistic change in one
 * transaction, announced to the listeners, and handed to the sync loop to deliver.
 */
public final class UserActions {
    private final SyncEngine sync;
    private final Function<Object, String> json;
    private final ConversationQueries conversations;

    public UserActions(CacheDatabase db, SyncEngine sync, Function<Object, String> json) {
        this.sync = sync;
        this.json = json;
        this.conversations = new ConversationQueries(db);
    }

    /** A reply in a conversation; a placeholder conversation (negative id) is still addressed by its number. */
    public String send(long conversationId, String body, List<OutgoingFile> files) {
        requireContent(body, files);
        ConversationRow thread = conversations.byId(conversationId).orElseThrow(() -> new IllegalArgumentException("no conversation " + conversationId));
        Outbox.Entry entry = sync.outbox().enqueueSend(conversationId < 0 ? null : conversationId, thread.phone(), thread.displayPhone(),
                body == null ? "" : body, files);
        sync.queued(sendChange(entry));
        return entry.clientId();
    }

    /** A request (ADR 0024) in a conversation the relay has: its draft and document go with the message through the outbox. */
    public String sendRequest(long conversationId, String body, RequestDraft draft, OutgoingFile document) {
        if (conversationId < 0) {
            throw new IllegalArgumentException("A request goes into a conversation the relay has.");
        }
        // Without RequestTexts.LINK in the text the relay puts the link after it (RequestTexts.withLink).
        ConversationRow thread = conversations.byId(conversationId).orElseThrow(() -> new IllegalArgumentException("no conversation " + conversationId));
        Outbox.Entry entry = sync.outbox().enqueueRequest(conversationId, thread.phone(), thread.displayPhone(), body, draft, document);
        sync.queued(sendChange(entry));
        return entry.clientId();
    }

    /** A message to a number as typed, checked with the practice's region before anything is queued. */
    public String sendTo(String phone, String body, List<OutgoingFile> files, String region) throws InvalidPhoneNumberException {
        requireContent(body, files);
        PhoneNumbers numbers = new PhoneNumbers(region);
        E164Number number = numbers.parse(phone);
        Outbox.Entry entry = sync.outbox().enqueueSend(null, number.value(), numbers.display(number.value()), body == null ? "" : body, files);
        sync.queued(sendChange(entry));
        return entry.clientId();
    }

    /** Queues a conversation action; {@code payload} is its protocol request body ({@code AssignRequest}, {@code MoveRequest}) or null. */
    public void onConversation(OutboxAction action, long conversationId, Record payload, String summary) {
        sync.outbox().enqueue(action, conversationId, null, payload == null ? null : json.apply(payload), summary);
        sync.queued(conversationChange(conversationId));
    }

    public void onContact(OutboxAction action, long contactId, String summary) {
        onContact(action, contactId, null, summary);
    }

    /** Queues a contact action; {@code payload} is its request body ({@code ConsentNote}) or null. */
    public void onContact(OutboxAction action, long contactId, Record payload, String summary) {
        sync.outbox().enqueue(action, null, contactId, payload == null ? null : json.apply(payload), summary);
        sync.queued(contactChange(action, contactId));
    }

    public void retry(long outboxItemId) {
        sync.outbox().retry(outboxItemId).ifPresent(this::announce);
    }

    /** Retries a failed message the relay had accepted; false when nothing was queued (it is not failed, or a retry of it already waits). */
    public boolean retrySent(long messageId) {
        Optional<Outbox.Entry> entry = sync.outbox().enqueueRetry(messageId);
        entry.ifPresent(e -> sync.queued(List.of(new DeskChange.MessageChanged(e.conversationId(), messageId),
                DeskChange.ConversationChanged.of(e.conversationId()))));
        return entry.isPresent();
    }

    public void discard(long outboxItemId) {
        sync.outbox().discard(outboxItemId).ifPresent(this::announce);
    }

    private void announce(Outbox.Entry entry) {
        if (entry.contactId() != null) {
            sync.queued(contactChange(entry.action(), entry.contactId()));
        } else if (entry.action() == OutboxAction.SEND) {
            sync.queued(sendChange(entry));
        } else {
            sync.queued(conversationChange(entry.conversationId()));
        }
    }

    /** A block, unblock, opt-out or opt-in: the batch's reads take the contact's conversations with it. */
    private static List<DeskChange> contactChange(OutboxAction action, long contactId) {
        boolean optOut = action.turnsOptOut();
        return List.of(new DeskChange.ContactChanged(contactId, optOut, !optOut));
    }

    private static List<DeskChange> conversationChange(Long conversationId) {
        return conversationId == null ? List.of() : List.of(DeskChange.ConversationChanged.of(conversationId));
    }

    /** A queued or re-queued send: its local bubble (the negative id of its outbox item) and its conversation. */
    private static List<DeskChange> sendChange(Outbox.Entry entry) {
        return List.of(new DeskChange.MessageChanged(entry.conversationId(), -entry.id()), DeskChange.ConversationChanged.of(entry.conversationId()));
    }

    /** Text, files, or both: a message with neither is refused here, as the relay would. */
    private static void requireContent(String body, List<OutgoingFile> files) {
        if ((body == null || body.isBlank()) && files.isEmpty()) {
            throw new IllegalArgumentException("The message is empty.");
        }
    }
}
