// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.FeedRows;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedEvent;

/**
 * Delivers waiting outbox items to the relay, oldest first. An accepted item leaves the outbox
 * (a sent message's local bubble is replaced by the relay's answer at once when its conversation
 * is cached); a permanent refusal marks it failed and the next item goes; anything else (the relay
 * unreachable, 5xx, 429, a 401) stops delivery right there, so order is kept, and is rethrown.
 * Delivering an item twice is harmless: sends carry their client id, actions are idempotent.
 */
public final class OutboxDelivery {
    private final RelayApi api;
    private final Outbox outbox;
    private final CacheDatabase db;
    private final Consumer<ChangeSet> changed;
    private final FeedRows rows = new FeedRows();

    public OutboxDelivery(RelayApi api, Outbox outbox, CacheDatabase db, Consumer<ChangeSet> changed) {
        this.api = api;
        this.outbox = outbox;
        this.db = db;
        this.changed = changed;
    }

    /** Delivers until nothing is waiting; throws the first failure that is worth retrying later. */
    public void deliverWaiting() throws RelayException {
        Optional<Outbox.Entry> next;
        while ((next = outbox.nextPending()).isPresent()) {
            deliver(next.get());
        }
    }

    /** Delivers one item (whatever its state says: the relay's idempotency makes a second delivery a no-op). */
    public void deliver(Outbox.Entry entry) throws RelayException {
        JsonNode answer;
        try {
            answer = api.call(entry.action().target(entry.conversationId(), entry.contactId()), body(entry));
        } catch (RelayException e) {
            if (!e.permanent()) {
                outbox.attempted(entry.id());
                throw e;
            }
            db.writeDurably(sql -> {
                outbox.fail(sql, entry, e.code(), e.getMessage());
                return null;
            });
            changed.accept(touched(entry));
            return;
        }
        db.writeDurably(sql -> {
            sql.update("DELETE FROM outbox WHERE id = ?", entry.id());
            if (entry.action() == OutboxAction.SEND && answer != null && answer.hasNonNull("id")) {
                boolean cachedThread = sql.count("SELECT COUNT(*) FROM conversation WHERE id = ?", answer.path("conversationId").asLong()) > 0;
                boolean known = sql.count("SELECT COUNT(*) FROM message WHERE id = ?", answer.path("id").asLong()) > 0;
                if (cachedThread && !known) {
                    rows.apply(sql, List.of(new FeedEvent(0, EventTypes.MESSAGE, answer)), SyncState.read(sql).generation());
                }
            }
            return null;
        });
        changed.accept(touched(entry));
    }

    private static String body(Outbox.Entry entry) {
        return switch (entry.action()) {
            case SEND, ASSIGN, MOVE -> entry.payload();
            default -> null;
        };
    }

    private static ChangeSet touched(Outbox.Entry entry) {
        Set<Long> conversations = entry.conversationId() == null ? Set.of() : Set.of(entry.conversationId());
        return new ChangeSet(conversations, entry.action().onContact(), false, false, false, false);
    }
}
