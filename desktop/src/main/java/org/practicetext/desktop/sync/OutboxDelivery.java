// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.FeedRows;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedEvent;
import org.practicetext.protocol.RetryRequest;

/**
 * Delivers waiting outbox items to the relay, oldest first. An accepted item leaves the outbox
 * (a sent message's local bubble is replaced by the relay's answer at once when its conversation
 * is cached: the answer goes through the same {@link FeedRows#apply} as the feed's event for it,
 * so when the feed brings that message in the same state it is no change and nothing redraws);
 * a permanent refusal marks it failed and the next item goes; anything else (the relay
 * unreachable, 5xx, 429, a 401) stops delivery right there, so order is kept, and is rethrown.
 * Delivering an item twice is harmless: sends carry their client id, actions are idempotent.
 * A message's files are uploaded first ({@link UploadingSend}).
 */
public final class OutboxDelivery {
    private final RelayApi api;
    private final Outbox outbox;
    private final CacheDatabase db;
    private final Consumer<List<DeskChange>> changed;
    private final FeedRows rows = new FeedRows();
    private final UploadingSend uploads;

    public OutboxDelivery(RelayApi api, Outbox outbox, CacheDatabase db, Consumer<List<DeskChange>> changed) {
        this.api = api;
        this.uploads = new UploadingSend(api, outbox);
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
            answer = entry.action() == OutboxAction.SEND ? uploads.send(entry)
                    : api.call(entry.action().target(entry.conversationId(), entry.contactId(), entry.payload()), body(entry));
        } catch (RelayException e) {
            if (!e.permanent()) {
                outbox.attempted(entry.id());
                throw e;
            }
            db.writeDurably(sql -> {
                outbox.fail(sql, entry, e.code(), e.getMessage());
                return null;
            });
            outbox.waitingChanged();
            List<DeskChange> changes = new ArrayList<>(touched(entry));
            if (entry.action() == OutboxAction.SEND) {
                changes.add(new DeskChange.MessageChanged(entry.conversationId(), -entry.id()));
            } else if (entry.action() == OutboxAction.RETRY) {
                changes.add(new DeskChange.MessageChanged(entry.conversationId(), Outbox.retried(entry).messageId()));
            }
            changed.accept(changes);
            return;
        }
        List<OutboxFiles.Stored> sentFiles = new ArrayList<>();
        List<DeskChange> delivered = db.writeDurably(sql -> {
            sql.update("DELETE FROM outbox WHERE id = ?", entry.id());
            sentFiles.addAll(Outbox.removeFiles(sql, entry.id()));
            List<DeskChange> changes = new ArrayList<>(touched(entry));
            if ((entry.action() == OutboxAction.SEND || entry.action() == OutboxAction.RETRY) && answer != null && answer.hasNonNull("id")
                    && sql.count("SELECT COUNT(*) FROM conversation WHERE id = ?", answer.path("conversationId").asLong()) > 0) {
                changes.addAll(rows.apply(sql, List.of(new FeedEvent(0, EventTypes.MESSAGE, answer)), SyncState.read(sql).generation()));
            }
            return changes;
        });
        outbox.deleteCopies(sentFiles);
        outbox.waitingChanged();
        changed.accept(delivered);
    }

    private static String body(Outbox.Entry entry) {
        return switch (entry.action()) {
            case SEND, ASSIGN, MOVE, BLOCK, UNBLOCK, OPT_OUT, OPT_IN -> entry.payload();
            case RETRY -> Outbox.json(new RetryRequest(entry.clientId()));
            default -> null;
        };
    }

    /** The item left the outbox or failed: its conversation's waiting count changed, a contact action's state may have turned back. */
    private static List<DeskChange> touched(Outbox.Entry entry) {
        List<DeskChange> changes = new ArrayList<>();
        if (entry.conversationId() != null) {
            changes.add(DeskChange.ConversationChanged.of(entry.conversationId()));
        }
        if (entry.action().onContact() && entry.contactId() != null) {
            boolean optOut = entry.action().turnsOptOut();
            changes.add(new DeskChange.ContactChanged(entry.contactId(), optOut, !optOut));
        }
        return changes;
    }
}
