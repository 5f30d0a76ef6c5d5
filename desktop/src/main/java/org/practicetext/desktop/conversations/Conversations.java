// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.conversations;

import java.util.List;
import java.util.Optional;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.ConversationRow;

/**
 * The message list and what the desk does to a conversation. Reads come from the local cache
 * (so they work offline); actions go to the outbox first and show at once. All methods may block
 * on disk I/O: call them off the FX thread.
 */
public interface Conversations {
    List<ConversationRow> conversations(ConversationFilter filter, int limit);

    /** The next rows of the same list after {@code after} (keyset paging: one indexed statement however deep). */
    List<ConversationRow> conversationsAfter(ConversationFilter filter, ConversationRow after, int limit);

    Optional<ConversationRow> conversation(long conversationId);

    /** Unread incoming messages in conversations this user may see (the SMS tab's badge). */
    int unreadBadge();

    void close(long conversationId);

    void reopen(long conversationId);

    void markRead(long conversationId);

    void markUnread(long conversationId);

    void assign(long conversationId, long userId);

    void unassign(long conversationId);

    void move(long conversationId, long inboxId);
}
