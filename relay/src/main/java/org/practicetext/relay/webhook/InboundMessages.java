// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.practicetext.core.ConsentChange;
import org.practicetext.core.Keyword;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.Sender;
import org.practicetext.relay.consent.ConsentLog;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.EntityEvents;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.Practices.PracticeNumber;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.UnroutedMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an inbound text, with everything it implies, in the caller's transaction: the contact
 * (a new LEAD for an unknown number), opt-out or opt-in keywords, the conversation reopened and
 * its unread count raised (not for a blocked contact), and the feed events.
 */
public final class InboundMessages {
    private static final Logger LOG = LoggerFactory.getLogger(InboundMessages.class);

    /** What happened to one webhook. */
    public enum Outcome { STORED, DUPLICATE, UNROUTED }

    private final ChangeFeed feed;
    private final EntityEvents events;
    private final UnroutedMessages unrouted = new UnroutedMessages();
    private final Practices practices = new Practices();
    private final Conversations conversations = new Conversations();
    private final Messages messages = new Messages();
    private final ConsentLog consent;

    private volatile Runnable mediaArrived = () -> { };

    public InboundMessages(ChangeFeed feed) {
        this.feed = feed;
        this.events = new EntityEvents(feed);
        this.consent = new ConsentLog(feed);
    }

    /** What runs after the commit of a text with attachments: the media fetcher's wake-up (ADR 0022). */
    public void onMedia(Runnable wake) {
        this.mediaArrived = wake;
    }

    /**
     * Applies an inbound text in the caller's transaction. {@code receivedAt} is when Twilio
     * delivered it, which is the message's time even when it is applied later.
     */
    public Outcome store(Tx tx, InboundSms sms, Map<String, List<String>> allParams, Instant receivedAt) throws SQLException {
        Outcome outcome = messages.existsSid(tx, sms.sid()) ? Outcome.DUPLICATE
                : apply(tx, sms, allParams, receivedAt, practices.number(tx, sms.to()), false);
        LOG.info("inbound {} {}", sms.sid(), outcome);
        return outcome;
    }

    /**
     * Reads ahead the contacts and conversations of a batch's texts to {@code number} (see {@link
     * Conversations#readAhead}), under the practice's feed lock, which every writer of its contacts
     * holds: nothing read ahead can be created by another transaction before this one commits.
     */
    void readAhead(Tx tx, PracticeNumber number, List<String> phones) throws SQLException {
        feed.lock(tx, number.practiceId());
        conversations.readAhead(tx, number, phones);
    }

    /**
     * {@link #store} for a text of a batch that has already found, in this transaction, that no
     * message or unrouted text has its SID, and which practice number it was sent to ({@code
     * owner}). A text with the same SID committed meanwhile by another node breaks the batch on
     * the unique SID, and the batch's texts are then applied alone.
     */
    Outcome storeChecked(Tx tx, InboundSms sms, Map<String, List<String>> allParams, Instant receivedAt, Optional<PracticeNumber> owner)
            throws SQLException {
        Outcome outcome = apply(tx, sms, allParams, receivedAt, owner, true);
        LOG.info("inbound {} {}", sms.sid(), outcome);
        return outcome;
    }

    /** What the conversation list shows for a text that is only attachments. */
    private static String attachmentPreview(InboundSms sms) {
        boolean photos = sms.media().stream().allMatch(org.practicetext.protocol.MediaItem::isImage);
        int n = sms.media().size();
        return photos ? (n == 1 ? "Photo" : n + " photos") : (n == 1 ? "Attachment" : n + " attachments");
    }

    private Outcome apply(Tx tx, InboundSms sms, Map<String, List<String>> allParams, Instant now, Optional<PracticeNumber> owner, boolean checked)
            throws SQLException {
        if (owner.isEmpty() || !sms.repliable()) {
            if (!checked && unrouted.exists(tx, sms.sid())) {
                return Outcome.DUPLICATE;
            }
            String reason = owner.isEmpty() ? "unknown number" : "sender cannot be replied to";
            unrouted.keep(tx, sms.sid(), sms.from(), sms.to(), sms.body(), paramsJson(allParams), now, reason);
            LOG.warn("inbound {} kept in unrouted_message: {}", sms.sid(), reason);
            return Outcome.UNROUTED;
        }
        PracticeNumber number = owner.get();
        long practiceId = number.practiceId();
        feed.lock(tx, practiceId);
        if (!checked && messages.existsSid(tx, sms.sid())) {
            return Outcome.DUPLICATE;
        }

        Conversations.Opened opened = conversations.findOrOpen(tx, number, sms.from(), now);
        ContactView contact = opened.contact();
        ConversationView conversation = opened.conversation();
        boolean contactChanged = opened.contactCreated();
        if (opened.conversationCreated() && contact.blocked()) {
            conversations.setStatus(tx, conversation.id(), "closed"); // kept, but not in anyone's open list
        }

        // The message first, so that a keyword's consent record names it.
        MessageView message = messages.insert(tx, practiceId, new Messages.NewMessage(conversation.id(), "in", sms.body(), "received",
                sms.sid(), null, Sender.contact(contact.name()), sms.media(), now));
        Keyword keyword = Keyword.of(sms.body(), sms.optOutType());
        ConsentChange change = keyword == Keyword.OPT_OUT && !contact.optedOut() ? ConsentChange.OPTED_OUT
                : keyword == Keyword.OPT_IN && contact.optedOut() ? ConsentChange.OPTED_IN : null;
        if (change != null) {
            conversations.forgetContact(tx, practiceId, sms.from());
            consent.change(tx, practiceId, ConsentLog.keyword(contact.id(), conversation.id(), change, now, sms.body(), sms.optOutType(), message.id()));
            contactChanged = true;
        }
        if (!sms.media().isEmpty()) {
            tx.afterCommit(mediaArrived); // fetched after the commit and the answer to Twilio, never before
        }
        if (!contact.blocked()) {
            conversations.receivedInbound(tx, conversation.id(), now, sms.body().isEmpty() ? attachmentPreview(sms) : sms.body());
        }

        if (contactChanged) {
            events.contactChanged(tx, practiceId, contact.id());
        }
        if (opened.conversationCreated() || !contact.blocked()) {
            events.conversationChanged(tx, practiceId, conversation.id());
        }
        events.created(tx, practiceId, EventTypes.MESSAGE, message.id(), message);
        return Outcome.STORED;
    }

    private static String paramsJson(Map<String, List<String>> params) {
        try {
            return Json.mapper().writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
