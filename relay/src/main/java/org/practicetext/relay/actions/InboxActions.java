// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Optional;
import org.practicetext.core.Permission;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.EventTypes;
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

/**
 * Creating, renaming and deleting a practice's inboxes (settings). Every conversation is in
 * exactly one live inbox and every practice number feeds one, so deleting an inbox first moves
 * both to the inbox named by {@code moveTo}; the practice always keeps at least one inbox.
 * A deleted inbox stays in the feed as a tombstone and cannot be changed again.
 */
public final class InboxActions {
    private static final int NAME_MAX = 100;

    private final PracticeWrites writes;
    private final Practices practices = new Practices();
    private final Conversations conversations = new Conversations();

    public InboxActions(Database db, ChangeFeed feed) {
        this.writes = new PracticeWrites(db, feed);
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.INBOX_CREATE, this::create);
        Routes.add(config, Endpoints.INBOX_RENAME, this::rename);
        Routes.add(config, Endpoints.INBOX_DELETE, this::delete);
    }

    private void create(Context ctx) throws Exception {
        Principal who = manager(ctx);
        String name = RequestInput.body(ctx).requiredLine("name", NAME_MAX);
        InboxView created = writes.run(who.practiceId(), "An inbox named " + name + " was just created.", tx -> {
            refuseTaken(tx, who.practiceId(), name, 0);
            InboxView inbox = practices.createInbox(tx, who.practiceId(), name);
            writes.events().changed(tx, who.practiceId(), EventTypes.INBOX, inbox.id(), inbox);
            return inbox;
        });
        ctx.status(201).json(created);
    }

    private void rename(Context ctx) throws Exception {
        Principal who = manager(ctx);
        long id = RequestInput.pathId(ctx, "inbox");
        String name = RequestInput.body(ctx).requiredLine("name", NAME_MAX);
        ctx.json(writes.run(who.practiceId(), tx -> {
            InboxView inbox = live(tx, who.practiceId(), id);
            if (inbox.name().equals(name)) {
                return inbox;
            }
            refuseTaken(tx, who.practiceId(), name, id);
            practices.renameInbox(tx, who.practiceId(), id, name);
            return announce(tx, who.practiceId(), id);
        }));
    }

    /** Moves the inbox's conversations and numbers to {@code moveTo}, then leaves a tombstone. */
    private void delete(Context ctx) {
        Principal who = manager(ctx);
        long id = RequestInput.pathId(ctx, "inbox");
        String moveToText = ctx.queryParam(Endpoints.MOVE_TO);
        ctx.json(writes.run(who.practiceId(), tx -> {
            InboxView inbox = live(tx, who.practiceId(), id);
            if (practices.countActiveInboxes(tx, who.practiceId()) <= 1) {
                throw Refusal.invalid("The inbox " + inbox.name() + " is the practice's last inbox; create another before deleting it.");
            }
            if (moveToText == null || moveToText.isBlank()) {
                throw Refusal.invalid("moveTo is required: the id of the inbox that takes over " + inbox.name() + "'s conversations and numbers.");
            }
            long moveTo = RequestInput.parseId(moveToText, "moveTo");
            if (moveTo == id) {
                throw Refusal.invalid("moveTo must be another inbox than the one being deleted.");
            }
            InboxView target = practices.inbox(tx, who.practiceId(), moveTo).orElseThrow(() -> Refusal.notFound("The inbox " + moveTo));
            if (target.deleted()) {
                throw Refusal.invalid("The inbox " + target.name() + " was deleted; move the conversations to a live inbox.");
            }
            for (long conversationId : conversations.idsInInbox(tx, who.practiceId(), id)) {
                conversations.setInbox(tx, who.practiceId(), conversationId, moveTo);
                writes.events().conversationChanged(tx, who.practiceId(), conversationId);
            }
            practices.moveNumbers(tx, who.practiceId(), id, moveTo);
            practices.deleteInbox(tx, who.practiceId(), id);
            return announce(tx, who.practiceId(), id);
        }));
    }

    private InboxView announce(Tx tx, long practiceId, long id) throws SQLException {
        InboxView inbox = practices.inbox(tx, practiceId, id).orElseThrow();
        writes.events().changed(tx, practiceId, EventTypes.INBOX, id, inbox);
        return inbox;
    }

    /** The inbox, if it is in the caller's practice and not deleted; a deleted inbox is gone for every action. */
    private InboxView live(Tx tx, long practiceId, long id) throws SQLException {
        return practices.inbox(tx, practiceId, id).filter(i -> !i.deleted()).orElseThrow(() -> Refusal.notFound("The inbox " + id));
    }

    private void refuseTaken(Tx tx, long practiceId, String name, long exceptId) throws SQLException {
        Optional<InboxView> same = practices.inboxByName(tx, practiceId, name);
        if (same.isPresent() && same.get().id() != exceptId) {
            throw Refusal.conflict("The practice already has an inbox named " + same.get().name() + ".");
        }
    }

    private static Principal manager(Context ctx) {
        return AuthRoutes.principal(ctx, Permission.SETTINGS_MANAGE);
    }
}
