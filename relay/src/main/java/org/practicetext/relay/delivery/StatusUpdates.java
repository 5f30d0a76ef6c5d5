// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.delivery;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.practicetext.core.CarrierErrors;
import org.practicetext.core.DeliveryStatus;
import org.practicetext.protocol.MessageView;
import org.practicetext.relay.consent.ConsentLog;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.EntityEvents;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.StatusCallbacks;
import org.practicetext.relay.store.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies delivery-status reports. Each report is recorded as it came; the message's status only
 * moves forward ({@link DeliveryStatus#canMoveTo}), so late, repeated and out-of-order reports
 * change nothing. A report for a SID the relay does not know yet is kept and applied when the SID
 * is assigned.
 *
 * <p>Its home is neither {@code webhook} (where reports arrive) nor {@code send} (where a hand-off
 * settles a message), since both use it.
 */
public final class StatusUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(StatusUpdates.class);

    private final ChangeFeed feed;
    private final Clock clock;
    private final Messages messages = new Messages();
    private final Contacts contacts = new Contacts();
    private final Conversations conversations = new Conversations();
    private final StatusCallbacks callbacks = new StatusCallbacks();
    private final EntityEvents events;
    private final ConsentLog consent;

    /** What else follows a message's delivery, in its transaction (a request it carries is delivered too). */
    @FunctionalInterface
    public interface Delivered {
        void delivered(Tx tx, long practiceId, long messageId) throws SQLException;
    }

    private volatile Delivered delivered = (tx, practiceId, messageId) -> { };

    public void onDelivered(Delivered listener) {
        this.delivered = listener;
    }

    public StatusUpdates(ChangeFeed feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
        this.events = new EntityEvents(feed);
        this.consent = new ConsentLog(feed);
    }

    /** Records and applies one report in the caller's transaction; returns true when the message's status changed. */
    public boolean report(Tx tx, String sid, String status, Integer errorCode) throws SQLException {
        Optional<Messages.Stored> found = messages.bySid(tx, sid);
        if (found.isEmpty()) {
            callbacks.record(tx, sid, status, errorCode, false, false, clock.instant());
            LOG.info("status {} for unknown {} kept for later", status, sid);
            return false;
        }
        feed.lock(tx, found.get().practiceId());
        boolean applied = apply(tx, found.get().practiceId(), sid, status, errorCode);
        callbacks.record(tx, sid, status, errorCode, applied, true, clock.instant());
        return applied;
    }

    /**
     * Moves a message's status forward if {@code status} is later than its current one; the caller
     * holds the practice's feed lock. Also used when a SID is first assigned and reports had come early.
     */
    public boolean apply(Tx tx, long practiceId, String sid, String status, Integer errorCode) throws SQLException {
        MessageView message = messages.bySid(tx, sid).orElseThrow().view();
        Optional<DeliveryStatus> next = DeliveryStatus.fromWire(status);
        Optional<DeliveryStatus> current = DeliveryStatus.fromWire(message.status());
        if (next.isEmpty() || current.isEmpty() || !current.get().canMoveTo(next.get())) {
            return false;
        }
        Integer code = next.get().isFailure() ? errorCode : null;
        settle(tx, practiceId, message, next.get(), code, next.get().isFailure() ? CarrierErrors.explain(code) : null);
        return true;
    }

    /**
     * Sets a message's status and what follows from its error code (21610 opts the contact out,
     * landline codes mark the line), with the feed events. The caller holds the feed lock.
     */
    public void settle(Tx tx, long practiceId, MessageView message, DeliveryStatus status, Integer code, String explanation) throws SQLException {
        Instant now = clock.instant();
        messages.setStatus(tx, message.id(), status.wire(), code, explanation, now);
        if (CarrierErrors.meansOptedOut(code) || CarrierErrors.meansLandline(code)) {
            long contactId = conversations.byId(tx, practiceId, message.conversationId()).orElseThrow().contactId();
            if (CarrierErrors.meansOptedOut(code)) {
                if (!contacts.byId(tx, practiceId, contactId).orElseThrow().optedOut()) {
                    consent.change(tx, practiceId, ConsentLog.carrier(contactId, message.conversationId(), now, code, message.id()));
                }
            } else {
                contacts.setLineType(tx, practiceId, contactId, "landline");
            }
            events.contactChanged(tx, practiceId, contactId);
        }
        events.messageChanged(tx, practiceId, message.id());
        if (status == DeliveryStatus.DELIVERED || status == DeliveryStatus.READ) {
            delivered.delivered(tx, practiceId, message.id());
        }
    }

    /** Applies, in arrival order, reports that came for {@code sid} before the relay knew it. */
    public void applyEarlyReports(Tx tx, long practiceId, String sid) throws SQLException {
        for (StatusCallbacks.Waiting early : callbacks.waiting(tx, sid)) {
            boolean applied = apply(tx, practiceId, sid, early.status(), early.errorCode());
            callbacks.markProcessed(tx, early.id(), applied);
        }
    }
}
