// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestView;

/**
 * What one applied batch changed, with what the screens need to show it, read ONCE for all of
 * them: the rows of the changed conversations (also those of changed contacts), the changed
 * messages, the unread badge, the changed directory lists, the changed requests and the
 * communication settings when they changed. A changed id with no row in the
 * maps is gone from the cache. A part not read is null (nothing of that kind changed).
 */
public record ChangeBatch(List<DeskChange> changes, Map<Long, ConversationRow> conversations, Map<Long, MessageRow> messages,
                          Integer unreadBadge, List<Directory.Inbox> inboxes, List<Directory.TeamMember> team,
                          List<Directory.Template> templates, Map<Long, RequestView> requests, PracticeSettingsView communicationSettings) {

    public ChangeBatch {
        changes = List.copyOf(changes);
        conversations = Map.copyOf(conversations);
        messages = Map.copyOf(messages);
        requests = requests == null ? Map.of() : Map.copyOf(requests);
    }

    /** A batch that changed no request and no settings. */
    public ChangeBatch(List<DeskChange> changes, Map<Long, ConversationRow> conversations, Map<Long, MessageRow> messages, Integer unreadBadge,
                       List<Directory.Inbox> inboxes, List<Directory.TeamMember> team, List<Directory.Template> templates) {
        this(changes, conversations, messages, unreadBadge, inboxes, team, templates, Map.of(), null);
    }

    public boolean resynced() {
        return changes.stream().anyMatch(DeskChange.Resynced.class::isInstance);
    }

    public <T extends DeskChange> Stream<T> all(Class<T> kind) {
        return changes.stream().filter(kind::isInstance).map(kind::cast);
    }

    /** Every conversation this batch touched: changed itself, a message in it, or its contact (by the rows read). */
    public Set<Long> conversationIds() {
        Set<Long> ids = new LinkedHashSet<>(conversations.keySet());
        for (DeskChange change : changes) {
            switch (change) {
                case DeskChange.ConversationChanged c -> ids.addAll(c.ids());
                case DeskChange.MessageChanged m -> ids.add(m.conversationId());
                case DeskChange.TextArrived t -> ids.add(t.conversationId());
                case DeskChange.RequestChanged r -> ids.add(r.conversationId());
                case DeskChange.ConsentRecorded c when c.record().conversationId() != null -> ids.add(c.record().conversationId());
                default -> { }
            }
        }
        return ids;
    }

    /** The requests this batch wrote in one conversation, as they are now (the chip and the thread's outcome lines follow them). */
    public List<RequestView> requests(long conversationId) {
        return all(DeskChange.RequestChanged.class).filter(r -> r.conversationId() == conversationId).map(r -> requests.get(r.requestId()))
                .filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The consent records this batch brought that a thread shows (ADR 0025): those of the conversation, and
     * those of its contact that belong to no conversation.
     */
    public List<org.practicetext.protocol.ConsentRecordView> consents(long conversationId, long contactId) {
        return all(DeskChange.ConsentRecorded.class).map(DeskChange.ConsentRecorded::record)
                .filter(r -> r.conversationId() == null ? r.contactId() == contactId : r.conversationId() == conversationId).toList();
    }

    /** Whether this batch brought a consent record of the contact (or everything changed). */
    public boolean consentRecorded(long contactId) {
        return resynced() || all(DeskChange.ConsentRecorded.class).anyMatch(c -> c.record().contactId() == contactId);
    }

    /** Whether any request changed (or everything did). */
    public boolean requestsChanged() {
        return resynced() || all(DeskChange.RequestChanged.class).findAny().isPresent();
    }

    /** The practice's communication settings, when this batch changed them. */
    public Optional<PracticeSettingsView> settings() {
        return Optional.ofNullable(communicationSettings);
    }

    public boolean touches(long conversationId) {
        return conversationIds().contains(conversationId);
    }

    /** The conversation's row as it is now; empty when it is gone (or was not touched). */
    public Optional<ConversationRow> conversation(long id) {
        return Optional.ofNullable(conversations.get(id));
    }

    /** The ids of the messages this batch wrote, changed or removed in one conversation. */
    public Set<Long> messageIds(long conversationId) {
        Set<Long> ids = new LinkedHashSet<>();
        for (DeskChange change : changes) {
            switch (change) {
                case DeskChange.MessageChanged m when m.conversationId() == conversationId -> ids.add(m.messageId());
                case DeskChange.TextArrived t when t.conversationId() == conversationId -> ids.add(t.messageId());
                default -> { }
            }
        }
        return ids;
    }

    public boolean contactChanged(long contactId) {
        return all(DeskChange.ContactChanged.class).anyMatch(c -> c.contactId() == contactId);
    }

    public boolean directoryChanged(DeskChange.DirectoryChanged.Part part) {
        return resynced() || all(DeskChange.DirectoryChanged.class).anyMatch(d -> d.parts().contains(part));
    }

    public OptionalInt badge() {
        return unreadBadge == null ? OptionalInt.empty() : OptionalInt.of(unreadBadge);
    }
}
