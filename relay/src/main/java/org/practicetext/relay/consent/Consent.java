// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.consent;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.practicetext.core.DeliveryStatus;
import org.practicetext.protocol.ContactView;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.EntityEvents;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.DispatchState;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.Tx;

/**
 * A contact's consent to be texted, enforced up to the moment a message is handed to the carrier.
 *
 * <p>The rule: a message that was not yet claimed for hand-off when its contact opted out or was
 * blocked never goes out. It ends {@code failed} with one of the two plain reasons below, dispatch
 * state {@code withheld}. Every opt-out and block goes through {@link ConsentLog#change}, which
 * records it and calls {@link #withdrawn} in the transaction that changes the contact, and the dispatcher ({@code relay.send.Dispatcher}) reads consent in the transaction that
 * claims a message. Both hold the practice's feed lock, so they are serialised: a message is
 * either claimed before the opt-out commits (it was already on its way) or it is withheld.
 */
public final class Consent {
    /** The desk's words for a message withheld because the patient opted out; stable, clients may match it. */
    public static final String OPTED_OUT = "Not sent: the patient opted out before it went out. "
            + "Texts can resume only after they text START to the practice's number.";
    /** The desk's words for a message withheld because the contact was blocked; stable, clients may match it. */
    public static final String BLOCKED = "Not sent: this number was blocked before it went out. Unblock the contact to text them again.";

    private static final Contacts CONTACTS = new Contacts();
    private static final Messages MESSAGES = new Messages();

    private Consent() {
    }

    /** Why nothing may be sent to this contact now, or empty if they may be texted. */
    public static Optional<String> refusal(boolean optedOut, boolean blocked) {
        if (optedOut) {
            return Optional.of(OPTED_OUT);
        }
        return blocked ? Optional.of(BLOCKED) : Optional.empty();
    }

    /**
     * The contact has just opted out or been blocked (call it after the change, in the same
     * transaction, holding the practice's feed lock): every message of theirs that is not yet
     * handed to the carrier (waiting for its first attempt, for a retry, or behind an earlier
     * message of its conversation) is withheld. Does nothing for a contact who may be texted.
     * A message mid hand-off, or whose hand-off is being checked, is left to the dispatcher.
     *
     * @return how many messages were withheld
     */
    public static int withdrawn(Tx tx, ChangeFeed feed, long practiceId, long contactId, Instant now) throws SQLException {
        ContactView contact = CONTACTS.byId(tx, practiceId, contactId).orElseThrow();
        Optional<String> reason = refusal(contact.optedOut(), contact.blocked());
        if (reason.isEmpty()) {
            return 0;
        }
        int withheld = 0;
        for (long id : MESSAGES.waitingForContact(tx, practiceId, contactId)) {
            withheld += withhold(tx, feed, practiceId, id, reason.get(), now) ? 1 : 0;
        }
        return withheld;
    }

    /**
     * Ends one waiting message as failed with {@code reason}, with its feed event; false if it was
     * no longer waiting. The caller holds the practice's feed lock.
     */
    public static boolean withhold(Tx tx, ChangeFeed feed, long practiceId, long messageId, String reason, Instant now) throws SQLException {
        if (!MESSAGES.withhold(tx, practiceId, messageId, reason)) {
            return false;
        }
        MESSAGES.setStatus(tx, messageId, DeliveryStatus.FAILED.wire(), null, reason, now);
        new EntityEvents(feed).messageChanged(tx, practiceId, messageId);
        return true;
    }
}
