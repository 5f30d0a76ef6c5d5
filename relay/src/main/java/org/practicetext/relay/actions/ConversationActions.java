// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Objects;
import org.practicetext.core.Permission;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.InboxView;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.Users;

/**
 * What a team member does to a conversation from the message list and the thread menu: close,
 * reopen, mark read or unread (shared by the whole practice), assign, unassign, move to an inbox.
 * Only a team member who can reply ({@code sms.send}) can be assigned: the assignee is who answers.
 *
 * <p>Each answers the conversation's new view. An action that changes nothing (closing a closed
 * conversation) answers the current view and appends no event, so the desktop outbox can
 * safely deliver an action twice.
 */
public final class ConversationActions {
    private final PracticeWrites writes;
    private final Conversations conversations = new Conversations();
    private final Practices practices = new Practices();
    private final Users users = new Users();

    public ConversationActions(Database db, ChangeFeed feed) {
        this.writes = new PracticeWrites(db, feed);
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.CONVERSATION_CLOSE, ctx -> change(ctx, Permission.SMS_SEND, (tx, c) -> setStatus(tx, c, "closed")));
        Routes.add(config, Endpoints.CONVERSATION_REOPEN, ctx -> change(ctx, Permission.SMS_SEND, (tx, c) -> setStatus(tx, c, "open")));
        Routes.add(config, Endpoints.CONVERSATION_READ, ctx -> change(ctx, Permission.SMS_VIEW, (tx, c) -> readBy(ctx, tx, c)));
        Routes.add(config, Endpoints.CONVERSATION_UNREAD, ctx -> change(ctx, Permission.SMS_VIEW, (tx, c) -> setUnread(tx, c, Math.max(1, c.unreadCount()))));
        Routes.add(config, Endpoints.CONVERSATION_UNASSIGN, ctx -> change(ctx, Permission.SMS_ASSIGN, (tx, c) -> setAssignee(tx, c, null)));
        Routes.add(config, Endpoints.CONVERSATION_ASSIGN, this::assign);
        Routes.add(config, Endpoints.CONVERSATION_MOVE, this::move);
    }

    private void assign(Context ctx) throws Exception {
        AuthRoutes.principal(ctx).require(Permission.SMS_ASSIGN);
        long userId = RequestInput.body(ctx).requiredId("userId");
        change(ctx, Permission.SMS_ASSIGN, (tx, c) -> {
            Users.User user = users.byId(tx, c.practiceId(), userId).orElseThrow(() -> Refusal.notFound("The user " + userId));
            if (!user.active()) {
                throw Refusal.invalid(user.name() + " is no longer an active team member; assign the conversation to someone else.");
            }
            if (!user.role().allows(Permission.SMS_SEND)) {
                // An assignee is who answers the patient; someone who cannot reply would leave it unanswered.
                throw Refusal.conflict(user.name() + " cannot reply to texts (role " + user.role().wire()
                        + "), so the conversation cannot be assigned to them; assign it to someone who can reply.");
            }
            return setAssignee(tx, c, userId);
        });
    }

    private void move(Context ctx) throws Exception {
        AuthRoutes.principal(ctx).require(Permission.SMS_ASSIGN);
        long inboxId = RequestInput.body(ctx).requiredId("inboxId");
        change(ctx, Permission.SMS_ASSIGN, (tx, c) -> {
            InboxView inbox = practices.inbox(tx, c.practiceId(), inboxId).orElseThrow(() -> Refusal.notFound("The inbox " + inboxId));
            if (inbox.deleted()) {
                throw Refusal.invalid("The inbox " + inbox.name() + " was deleted; move the conversation to another inbox.");
            }
            if (c.view().inboxId() == inboxId) {
                return false;
            }
            conversations.setInbox(tx, c.practiceId(), c.view().id(), inboxId);
            return true;
        });
    }

    private boolean setStatus(Tx tx, Current c, String status) throws SQLException {
        if (c.view().status().wire().equals(status)) {
            return false;
        }
        conversations.setStatus(tx, c.view().id(), status);
        return true;
    }

    /**
     * Reading marks read only for someone who can reply: unread is the team's signal that a text
     * waits for an answer, and a viewer cannot give one. A viewer's read answers the unchanged
     * view (200, no event), so a desk that still sends it is not refused and nothing is lost.
     */
    private boolean readBy(Context ctx, Tx tx, Current c) throws SQLException {
        if (!AuthRoutes.principal(ctx).role().allows(Permission.SMS_SEND)) {
            return false;
        }
        return setUnread(tx, c, 0);
    }

    private boolean setUnread(Tx tx, Current c, int count) throws SQLException {
        if (c.unreadCount() == count) {
            return false;
        }
        conversations.setUnreadCount(tx, c.practiceId(), c.view().id(), count);
        return true;
    }

    private boolean setAssignee(Tx tx, Current c, Long userId) throws SQLException {
        if (Objects.equals(c.view().assigneeId(), userId)) {
            return false;
        }
        conversations.setAssignee(tx, c.practiceId(), c.view().id(), userId);
        return true;
    }

    /** Checks the permission, finds the conversation in the caller's practice (404 otherwise) and applies the change. */
    private void change(Context ctx, Permission permission, Change change) {
        Principal who = AuthRoutes.principal(ctx, permission);
        long id = RequestInput.pathId(ctx, "conversation");
        ctx.json(writes.run(who.practiceId(), tx -> {
            ConversationView current = conversations.byId(tx, who.practiceId(), id).orElseThrow(() -> Refusal.notFound("The conversation " + id));
            return change.apply(tx, new Current(who.practiceId(), current)) ? writes.events().conversationChanged(tx, who.practiceId(), id) : current;
        }));
    }

    /** The conversation as it was before the action, and its practice. */
    private record Current(long practiceId, ConversationView view) {
        int unreadCount() {
            return view.unreadCount();
        }
    }

    /** Changes the conversation; answers whether anything changed. */
    @FunctionalInterface
    private interface Change {
        boolean apply(Tx tx, Current conversation) throws SQLException;
    }
}
