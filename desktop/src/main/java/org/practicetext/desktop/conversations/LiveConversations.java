// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.conversations;

import java.util.List;
import java.util.Optional;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.UserActions;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ConversationQueries;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.DirectoryQueries;
import org.practicetext.desktop.session.Session;
import org.practicetext.desktop.sync.OutboxAction;
import org.practicetext.protocol.AssignRequest;
import org.practicetext.protocol.MoveRequest;

/** Conversations over the cache and the outbox; an action's summary names the team member or inbox as the cache knows it. */
public final class LiveConversations implements Conversations {
    private final Session session;
    private final ConversationQueries conversations;
    private final DirectoryQueries directory;
    private final UserActions actions;

    public LiveConversations(CacheDatabase db, Session session, UserActions actions) {
        this.session = session;
        this.conversations = new ConversationQueries(db);
        this.directory = new DirectoryQueries(db);
        this.actions = actions;
    }

    @Override
    public List<ConversationRow> conversations(ConversationFilter filter, int limit) {
        return conversations.list(filter, session.me().id(), limit);
    }

    @Override
    public List<ConversationRow> conversationsAfter(ConversationFilter filter, ConversationRow after, int limit) {
        return conversations.list(filter, session.me().id(), after, limit);
    }

    @Override
    public Optional<ConversationRow> conversation(long conversationId) {
        return conversations.byId(conversationId);
    }

    @Override
    public int unreadBadge() {
        return conversations.unreadBadge();
    }

    @Override
    public void close(long conversationId) {
        actions.onConversation(OutboxAction.CLOSE, conversationId, null, "Close conversation");
    }

    @Override
    public void reopen(long conversationId) {
        actions.onConversation(OutboxAction.REOPEN, conversationId, null, "Reopen conversation");
    }

    @Override
    public void markRead(long conversationId) {
        actions.onConversation(OutboxAction.READ, conversationId, null, "Mark as read");
    }

    @Override
    public void markUnread(long conversationId) {
        actions.onConversation(OutboxAction.UNREAD, conversationId, null, "Mark as unread");
    }

    @Override
    public void assign(long conversationId, long userId) {
        String who = directory.team().stream().filter(t -> t.id() == userId).map(Directory.TeamMember::name).findFirst().orElse("user " + userId);
        actions.onConversation(OutboxAction.ASSIGN, conversationId, new AssignRequest(userId), "Assign to " + who);
    }

    @Override
    public void unassign(long conversationId) {
        actions.onConversation(OutboxAction.UNASSIGN, conversationId, null, "Unassign");
    }

    @Override
    public void move(long conversationId, long inboxId) {
        String name = directory.inboxes().stream().filter(i -> i.id() == inboxId).map(Directory.Inbox::name).findFirst().orElse("inbox " + inboxId);
        actions.onConversation(OutboxAction.MOVE, conversationId, new MoveRequest(inboxId), "Move to " + name);
    }
}
