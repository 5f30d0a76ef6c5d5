// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one applied batch changed, with what the screens need to show it, read ONCE for all of
 * them: the rows of the changed conversations (also those of changed contacts), the changed
 * messages, the unread badge, and the changed directory lists. A changed id with no row in the
 * maps is gone from the cache. A part not read is null (nothing of that kind changed).
 */
public record ChangeBatch(List<DeskChange> changes, Map<Long, ConversationRow> conversations, Map<Long, MessageRow> messages,
                          Integer unreadBadge, List<Directory.Inbox> inboxes, List<Directory.TeamMember> team,
                          List<Directory.Template> templates) {

    public ChangeBatch {
        changes = List.copyOf(changes);
        conversations = Map.copyOf(conversations);
        messages = Map.copyOf(messages);
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
                default -> { }
            }
        }
        return ids;
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
