// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.consent;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.practicetext.core.ConsentChange;
import org.practicetext.core.ConsentSource;
import org.practicetext.protocol.ConsentRecordView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.store.ConsentRecords;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes a contact's consent and records the change (ADR 0025), in the caller's transaction,
 * which holds the practice's feed lock: the contact's flag (the current state every consent check
 * reads), one {@code consent_record} row, and its feed event. An opt-out or a block also withholds
 * every message of the contact not yet handed to the carrier ({@link Consent#withdrawn}).
 *
 * <p>The caller decides that the state changes (a second STOP is a message, not a record) and
 * appends the contact's own event.
 */
public final class ConsentLog {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentLog.class);

    private final ChangeFeed feed;
    private final ConsentRecords records = new ConsentRecords();
    private final Contacts contacts = new Contacts();
    private final Conversations conversations = new Conversations();

    public ConsentLog(ChangeFeed feed) {
        this.feed = feed;
    }

    /** Applies {@code draft}'s change to the contact and stores it; returns the record as stored. */
    public ConsentRecordView change(Tx tx, long practiceId, ConsentRecordView draft) throws SQLException {
        long contactId = draft.contactId();
        Instant at = draft.at();
        switch (draft.change()) {
            case OPTED_OUT -> contacts.setOptedOut(tx, practiceId, contactId, true, draft.source().wire(), at);
            case OPTED_IN -> contacts.setOptedOut(tx, practiceId, contactId, false, null, at);
            case BLOCKED -> contacts.setBlocked(tx, practiceId, contactId, true, draft.byUserId(), at);
            case UNBLOCKED -> contacts.setBlocked(tx, practiceId, contactId, false, null, at);
        }
        ConsentRecordView stored = records.insert(tx, practiceId, draft);
        feed.appendNew(tx, practiceId, EventTypes.CONSENT, stored.id(), stored);
        if (draft.change().stopsTexts()) {
            Consent.withdrawn(tx, feed, practiceId, contactId, at);
        }
        return stored;
    }

    /** The conversation a record without a message of its own belongs to: the contact's first, or null. */
    public Long conversationOf(Tx tx, long practiceId, long contactId) throws SQLException {
        List<Long> ids = conversations.idsOfContact(tx, practiceId, contactId);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    /** A patient's keyword: the inbound text as received, Twilio's {@code OptOutType} if it sent one, the inbound message. */
    public static ConsentRecordView keyword(long contactId, long conversationId, ConsentChange change, Instant at, String text, String optOutType,
                                            long messageId) {
        String type = optOutType == null || optOutType.isBlank() ? null : optOutType;
        return new ConsentRecordView(0, contactId, conversationId, change, ConsentSource.KEYWORD, at, text, type, null, messageId, null, null, null);
    }

    /** The carrier refused {@code messageId} with {@code errorCode} (21610). */
    public static ConsentRecordView carrier(long contactId, long conversationId, Instant at, int errorCode, long messageId) {
        return new ConsentRecordView(0, contactId, conversationId, ConsentChange.OPTED_OUT, ConsentSource.CARRIER, at, null, null, errorCode, messageId,
                null, null, null);
    }

    /** A team member's act, with their name as it is now and the reason they gave (or null). */
    public static ConsentRecordView staff(long contactId, Long conversationId, ConsentChange change, Instant at, long userId, String name,
                                          String reason) {
        return new ConsentRecordView(0, contactId, conversationId, change, ConsentSource.STAFF, at, null, null, null, null, userId, name, reason);
    }

    /**
     * Appends a feed event for every record that has none: the ones the V15 migration wrote from
     * the flags (SQL cannot write a view's JSON with the practice's next number). Runs when the
     * relay starts; each practice's lock is taken before its records are read again, so two nodes
     * starting together announce each record once.
     */
    public int announceBackfill(Database db) {
        List<Long> practices = db.read(tx -> records.unannounced(tx).stream().map(ConsentRecords.Unannounced::practiceId).distinct().toList());
        int announced = 0;
        for (long practiceId : practices) {
            announced += db.inTransaction(tx -> {
                feed.lock(tx, practiceId);
                int n = 0;
                for (ConsentRecords.Unannounced u : records.unannounced(tx)) {
                    if (u.practiceId() == practiceId) {
                        feed.appendNew(tx, practiceId, EventTypes.CONSENT, u.record().id(), u.record());
                        n++;
                    }
                }
                return n;
            });
        }
        if (announced > 0) {
            LOG.info("{} consent record(s) written by the migration added to their practices' feeds", announced);
        }
        return announced;
    }
}
