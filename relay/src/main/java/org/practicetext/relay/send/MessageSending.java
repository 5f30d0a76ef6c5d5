// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.practicetext.core.ConversationStatus;
import org.practicetext.core.E164Number;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.MediaItem;
import org.practicetext.protocol.MessageView;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.Texts;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.StorageException;
import org.practicetext.relay.store.Tx;

/**
 * Accepts an outbound message: validates it, refuses opted-out and blocked contacts before the
 * carrier is ever involved, stores it as queued with its feed events, and leaves the carrier
 * call to the {@link Dispatcher}. The client id makes a repeated request return the first message.
 */
public final class MessageSending {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_BODY = 1600;
    private static final int MAX_MEDIA = 10;
    static final int MAX_MEDIA_URL = 2000;

    private final Database db;
    private final ChangeFeed feed;
    private final Clock clock;
    private final Runnable wakeDispatcher;
    private final Practices practices = new Practices();
    private final Contacts contacts = new Contacts();
    private final Conversations conversations = new Conversations();
    private final Messages messages = new Messages();

    public MessageSending(Database db, ChangeFeed feed, Clock clock, Runnable wakeDispatcher) {
        this.db = db;
        this.feed = feed;
        this.clock = clock;
        this.wakeDispatcher = wakeDispatcher;
    }

    /** What to send, once validated. Exactly one of conversationId and to is set. */
    public record Draft(String clientId, Long conversationId, String to, String from, String body, List<String> mediaUrls) {
    }

    /** The stored message, and whether it was created by this call (false: the client id was seen before). */
    public record Accepted(MessageView message, boolean created) {
    }

    public Accepted accept(Originator who, Draft draft) {
        String clientId = draft.clientId();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw ApiError.badRequest("clientId is required: 1-64 letters, digits or . _ : - (a UUID is ideal).");
        }
        Optional<MessageView> seen = db.read(tx -> byClientId(tx, who.practiceId(), clientId));
        if (seen.isPresent()) {
            return new Accepted(seen.get(), false);
        }
        String body = draft.body() == null ? "" : draft.body();
        List<MediaItem> media = media(draft.mediaUrls());
        if (body.isBlank() && media.isEmpty()) {
            throw ApiError.badRequest("The message is empty: write some text or attach a file.");
        }
        int length = body.codePointCount(0, body.length());
        if (length > MAX_BODY) {
            throw ApiError.badRequest("The message is " + length + " characters; a text can have at most " + MAX_BODY + ".");
        }
        boolean hasTo = draft.to() != null && !draft.to().isBlank();
        if (draft.conversationId() != null && hasTo) {
            throw ApiError.badRequest("Give either conversationId or to (a phone number), not both.");
        }
        if (draft.conversationId() == null && !hasTo) {
            throw ApiError.badRequest("Say where the message goes: conversationId, or to (a phone number).");
        }
        E164Number to = null;
        if (draft.conversationId() == null) {
            try {
                to = new PhoneNumbers(who.region()).parse(draft.to());
            } catch (InvalidPhoneNumberException e) {
                throw new ApiError(422, "invalid_phone", e.getMessage());
            }
        }
        E164Number recipient = to;
        try {
            MessageView message = db.inTransaction(tx -> store(tx, who, draft, recipient, body, media));
            wakeDispatcher.run();
            return new Accepted(message, true);
        } catch (StorageException e) {
            if (e.isDuplicateKey()) {
                return new Accepted(db.read(tx -> byClientId(tx, who.practiceId(), clientId)).orElseThrow(), false);
            }
            throw e;
        }
    }

    private MessageView store(Tx tx, Originator who, Draft draft, E164Number to, String body, List<MediaItem> media) throws SQLException {
        long practiceId = who.practiceId();
        feed.lock(tx, practiceId);
        Optional<MessageView> raced = byClientId(tx, practiceId, draft.clientId());
        if (raced.isPresent()) {
            return raced.get();
        }
        Instant now = clock.instant();
        ConversationView conversation;
        ContactView contact;
        boolean contactCreated = false;
        boolean conversationCreated = false;
        if (draft.conversationId() != null) {
            conversation = conversations.byId(tx, practiceId, draft.conversationId())
                    .orElseThrow(() -> ApiError.notFound("Conversation " + draft.conversationId()));
            contact = contacts.byId(tx, practiceId, conversation.contactId()).orElseThrow();
        } else {
            Practices.PracticeNumber number = fromNumber(tx, practiceId, draft.from());
            Optional<ContactView> known = contacts.byPhone(tx, practiceId, to.value());
            contactCreated = known.isEmpty();
            contact = contactCreated ? contacts.create(tx, practiceId, to.value(), "lead", null, null, now) : known.get();
            Optional<ConversationView> existing = conversations.byPair(tx, number.id(), contact.id());
            conversationCreated = existing.isEmpty();
            conversation = conversationCreated ? conversations.create(tx, practiceId, number.id(), contact.id(), number.inboxId(), now) : existing.get();
        }
        refuseIfUnreachable(contact);

        MessageView message = messages.insert(tx, practiceId, new Messages.NewMessage(conversation.id(), "out", body, "queued", null,
                draft.clientId(), who.sender(), media, now));
        tx.update("UPDATE message SET dispatch_state = 'pending', next_attempt_at = ? WHERE id = ?", now, message.id());
        if (conversation.status() == ConversationStatus.CLOSED) {
            conversations.setStatus(tx, conversation.id(), "open");
        }
        conversations.touch(tx, conversation.id(), now, body.isEmpty() ? "Attachment" : body, "out");

        if (contactCreated) {
            feed.append(tx, practiceId, EventTypes.CONTACT, contact.id(), contact);
        }
        feed.append(tx, practiceId, EventTypes.CONVERSATION, conversation.id(), conversations.byId(tx, practiceId, conversation.id()).orElseThrow());
        feed.append(tx, practiceId, EventTypes.MESSAGE, message.id(), message);
        return message;
    }

    /** Opted-out and blocked contacts are refused here, so the carrier is never called for them. */
    static void refuseIfUnreachable(ContactView contact) {
        String who = contact.name() != null && !contact.name().isBlank() ? contact.name() : "This contact";
        if (contact.optedOut()) {
            String when = contact.optedOutAt() == null ? ""
                    : " on " + DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(contact.optedOutAt());
            throw new ApiError(409, "opted_out", who + " opted out of text messages" + when
                    + ". Messages can resume only after they text START to the practice's number.");
        }
        if (contact.blocked()) {
            throw new ApiError(409, "blocked", who + " is blocked. Unblock the contact before sending a message.");
        }
    }

    private Practices.PracticeNumber fromNumber(Tx tx, long practiceId, String from) throws SQLException {
        List<Practices.PracticeNumber> numbers = practices.numbers(tx, practiceId);
        if (numbers.isEmpty()) {
            throw new ApiError(409, "no_number", "The practice has no texting number yet. An administrator must add one.");
        }
        if (from == null || from.isBlank()) {
            return numbers.getFirst();
        }
        return numbers.stream().filter(n -> n.phone().equals(from.strip())).findFirst()
                .orElseThrow(() -> ApiError.badRequest("from must be one of the practice's numbers."));
    }

    private Optional<MessageView> byClientId(Tx tx, long practiceId, String clientId) throws SQLException {
        Optional<Long> id = tx.queryOne("SELECT id FROM message WHERE practice_id = ? AND client_id = ?", rs -> rs.getLong(1), practiceId, clientId);
        return id.isEmpty() ? Optional.empty() : messages.byId(tx, practiceId, id.get());
    }

    /** Attachment URLs: at most ten, each an http(s) address of at most {@value #MAX_MEDIA_URL} characters. */
    private static List<MediaItem> media(List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            return List.of();
        }
        if (urls.size() > MAX_MEDIA) {
            throw ApiError.badRequest("A message can carry at most " + MAX_MEDIA + " attachments.");
        }
        List<MediaItem> media = new java.util.ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            String field = "mediaUrls[" + i + "]";
            if (url == null || url.isBlank()) {
                throw ApiError.badRequest(field + " is empty; give the attachment's http(s) address.");
            }
            if (Texts.length(url) > MAX_MEDIA_URL) {
                throw ApiError.badRequest(field + " is " + Texts.length(url) + " characters; an attachment URL can have at most " + MAX_MEDIA_URL + ".");
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(field + " is not a valid URL.");
            }
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
                throw ApiError.badRequest("Attachment URLs must be public http(s) addresses (" + field + " is not).");
            }
            media.add(new MediaItem(url, null));
        }
        return List.copyOf(media);
    }
}
