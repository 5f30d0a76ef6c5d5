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
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.practicetext.core.ConsentSource;
import org.practicetext.core.ConversationStatus;
import org.practicetext.core.E164Number;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.MediaDelivery;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.core.RequestTexts;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.MediaItem;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.RequestDraft;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.Texts;
import org.practicetext.relay.media.Outgoing;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.refusal.Refusal.Reason;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.DispatchSignal;
import org.practicetext.relay.store.DispatchState;
import org.practicetext.relay.store.MessageMedia;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.SecureLinks;
import org.practicetext.relay.store.StorageException;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.Uploads;

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
    private final PracticeWrites writes;
    private final Clock clock;
    private final DispatchSignal dispatch;
    private final Practices practices = new Practices();
    private final Contacts contacts = new Contacts();
    private final Conversations conversations = new Conversations();
    private final Messages messages = new Messages();

    private final Uploads uploads = new Uploads();
    private final MessageMedia media = new MessageMedia();
    private final SecureLinks links = new SecureLinks();
    private Supplier<String> publicBase = () -> "http://localhost";
    private RequestMaker requests = RequestMaker.NONE;
    private PracticeNames names = (tx, practiceId, fallback) -> fallback;

    /** How a text the relay words itself names the practice (its settings' display name). */
    @FunctionalInterface
    public interface PracticeNames {
        String of(Tx tx, long practiceId, String practiceName) throws SQLException;
    }

    public MessageSending names(PracticeNames practiceNames) {
        this.names = practiceNames;
        return this;
    }

    /** What makes a message a request (ADR 0024). */
    public MessageSending requests(RequestMaker maker) {
        this.requests = maker;
        return this;
    }

    /** The relay's public base URL ({@code PT_PUBLIC_URL}): where the carrier fetches an MMS file and the patient opens a link. */
    public MessageSending publicBase(Supplier<String> base) {
        this.publicBase = base;
        return this;
    }

    public MessageSending(Database db, ChangeFeed feed, Clock clock, DispatchSignal dispatch) {
        this.db = db;
        this.writes = new PracticeWrites(db, feed);
        this.clock = clock;
        this.dispatch = dispatch;
    }

    /** What to send, once validated. Exactly one of conversationId and to is set; {@code uploads} are upload ids (ADR 0023). */
    public record Draft(String clientId, Long conversationId, String to, String from, String body, List<String> mediaUrls, List<String> uploads,
                        RequestDraft request, Long replacesRequest) {
        public Draft {
            uploads = uploads == null ? List.of() : uploads;
        }

        /** A draft with files and no request. */
        public Draft(String clientId, Long conversationId, String to, String from, String body, List<String> mediaUrls, List<String> uploads) {
            this(clientId, conversationId, to, from, body, mediaUrls, uploads, null, null);
        }

        /** A draft with no uploads. */
        public Draft(String clientId, Long conversationId, String to, String from, String body, List<String> mediaUrls) {
            this(clientId, conversationId, to, from, body, mediaUrls, List.of());
        }
    }

    /** An MMS file stays fetchable by the carrier this long after the message was stored or retried. */
    static final java.time.Duration SERVED_TO_THE_CARRIER = java.time.Duration.ofDays(7);

    /** The stored message, and whether it was created by this call (false: the client id was seen before). */
    public record Accepted(MessageView message, boolean created) {
    }

    public Accepted accept(Originator who, Draft draft) {
        String clientId = draft.clientId();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw Refusal.invalid("clientId is required: 1-64 letters, digits or . _ : - (a UUID is ideal).");
        }
        Optional<MessageView> seen = db.read(tx -> messages.byClientId(tx, who.practiceId(), clientId));
        if (seen.isPresent()) {
            return new Accepted(seen.get(), false);
        }
        String body = draft.body() == null ? "" : draft.body();
        List<MediaItem> media = media(draft.mediaUrls());
        if (media.size() + draft.uploads().size() > MAX_MEDIA) {
            throw Refusal.invalid("A message can carry at most " + MAX_MEDIA + " attachments.");
        }
        for (int i = 0; i < draft.uploads().size(); i++) {
            String id = draft.uploads().get(i);
            if (id == null || !id.matches("up_[A-Za-z0-9_-]{16,44}")) {
                throw Refusal.invalid("uploads[" + i + "] is not an upload id (POST /api/v1/uploads answers one).");
            }
        }
        if (draft.request() != null && (!media.isEmpty() || !draft.uploads().isEmpty())) {
            throw Refusal.invalid("A request carries only its own document (request.document); send other files in a message of their own.");
        }
        if (draft.request() != null && draft.request().kind() == null) {
            throw Refusal.invalid("request.kind is required: payment, review, forms or treatment_plan.");
        }
        if (draft.request() != null && draft.request().document() != null && !draft.request().document().matches("up_[A-Za-z0-9_-]{16,44}")) {
            throw Refusal.invalid("request.document is not an upload id (POST /api/v1/uploads answers one).");
        }
        if (body.isBlank() && media.isEmpty() && draft.uploads().isEmpty() && draft.request() == null) {
            throw Refusal.invalid("The message is empty: write some text or attach a file.");
        }
        int length = body.codePointCount(0, body.length());
        if (length > MAX_BODY) {
            throw Refusal.invalid("The message is " + length + " characters; a text can have at most " + MAX_BODY + ".");
        }
        boolean hasTo = draft.to() != null && !draft.to().isBlank();
        if (draft.conversationId() != null && hasTo) {
            throw Refusal.invalid("Give either conversationId or to (a phone number), not both.");
        }
        if (draft.conversationId() == null && !hasTo) {
            throw Refusal.invalid("Say where the message goes: conversationId, or to (a phone number).");
        }
        E164Number to = null;
        if (draft.conversationId() == null) {
            try {
                to = new PhoneNumbers(who.region()).parse(draft.to());
            } catch (InvalidPhoneNumberException e) {
                throw new Refusal(Reason.INVALID_PHONE, e.getMessage());
            }
        }
        E164Number recipient = to;
        try {
            MessageView message = db.inTransaction(tx -> store(tx, who, draft, recipient, body, media));
            return new Accepted(message, true);
        } catch (StorageException e) {
            if (e.isDuplicateKey()) {
                return new Accepted(db.read(tx -> messages.byClientId(tx, who.practiceId(), clientId)).orElseThrow(), false);
            }
            throw e;
        }
    }

    private MessageView store(Tx tx, Originator who, Draft draft, E164Number to, String body, List<MediaItem> media) throws SQLException {
        long practiceId = who.practiceId();
        writes.lock(tx, practiceId);
        Optional<MessageView> raced = messages.byClientId(tx, practiceId, draft.clientId());
        if (raced.isPresent()) {
            return raced.get();
        }
        Instant now = clock.instant();
        ConversationView conversation;
        ContactView contact;
        boolean contactCreated = false;
        if (draft.conversationId() != null) {
            conversation = conversations.byId(tx, practiceId, draft.conversationId())
                    .orElseThrow(() -> Refusal.notFound("Conversation " + draft.conversationId()));
            contact = contacts.byId(tx, practiceId, conversation.contactId()).orElseThrow();
        } else {
            Conversations.Opened opened = conversations.findOrOpen(tx, fromNumber(tx, practiceId, draft.from()), to.value(), now);
            contact = opened.contact();
            contactCreated = opened.contactCreated();
            conversation = opened.conversation();
        }
        refuseIfUnreachable(contact);

        RequestMaker.Prepared request = draft.request() == null ? null : requests.prepare(tx, practiceId, contact, conversation, draft.request(), now);
        List<String> uploadIds = request != null && request.draft().document() != null ? List.of(request.draft().document()) : draft.uploads();
        List<Uploads.Facts> files = uploadIds.isEmpty() ? List.of()
                : uploads.facts(tx, practiceId, uploadIds)
                        .orElseThrow(() -> new Refusal(Reason.UPLOAD_GONE,
                                "An upload is gone (the relay keeps one a day, for its own practice): upload the file again."));
        if (request != null && !files.isEmpty() && !files.getFirst().contentType().equals("application/pdf")) {
            throw Refusal.invalid("A request's document must be a PDF (this one is " + files.getFirst().contentType() + ").");
        }
        List<MediaDelivery> deliveries = request != null ? files.stream().map(f -> MediaDelivery.LINK).toList() : deliveries(files, media.size());
        String linkToken = request != null ? request.token() : deliveries.contains(MediaDelivery.LINK) ? Outgoing.token(16) : null;
        SecureLinks.Rules rules = linkToken == null || request != null ? null : links.rules(tx, practiceId, contact.id());
        String text = request != null ? RequestTexts.withLink(body, request.url())
                : linkToken == null ? body : withLink(body, names.of(tx, practiceId, rules.practiceName()), publicBase.get() + "/l/" + linkToken,
                        (int) deliveries.stream().filter(d -> d == MediaDelivery.LINK).count());
        int length = text.codePointCount(0, text.length());
        if (length > MAX_BODY) {
            throw Refusal.invalid("With its link the message is " + length + " characters; a text can have at most " + MAX_BODY + ".");
        }
        MessageView message = messages.insert(tx, practiceId, new Messages.NewMessage(conversation.id(), "out", text, "queued", null,
                draft.clientId(), who.sender(), media, now));
        if (request != null) {
            links.create(tx, linkToken, practiceId, message.id(), contact.id(), request.asksBirthDate(), request.expiresAt(), now);
        }
        if (!files.isEmpty()) {
            for (int i = 0; i < files.size(); i++) {
                MediaDelivery delivery = deliveries.get(i);
                String publicToken = delivery == MediaDelivery.MMS ? Outgoing.token(32) : null;
                String url = delivery == MediaDelivery.MMS ? publicBase.get() + "/media/" + publicToken : publicBase.get() + "/l/" + linkToken;
                this.media.attachUpload(tx, practiceId, message.id(), media.size() + i, files.get(i).id(), delivery, url, publicToken,
                        now.plus(SERVED_TO_THE_CARRIER));
            }
            if (linkToken != null && request == null) {
                links.create(tx, linkToken, practiceId, message.id(), contact.id(), rules.asksBirthDate(),
                        now.plus(java.time.Duration.ofDays(rules.days())), now);
            }
            message = messages.byId(tx, practiceId, message.id()).orElseThrow();
        }
        if (request != null) {
            requests.created(tx, practiceId, request, message, who.sender(), draft.replacesRequest(), now);
        }
        messages.queueForDispatch(tx, message.id(), now);
        dispatch.raiseAtCommit(tx);
        if (conversation.status() == ConversationStatus.CLOSED) {
            conversations.setStatus(tx, conversation.id(), "open");
        }
        conversations.touch(tx, conversation.id(), now, request != null ? text : body.isBlank() ? attachmentPreview(files, media.size()) : body, "out");

        if (contactCreated) {
            writes.events().changed(tx, practiceId, EventTypes.CONTACT, contact.id(), contact);
        }
        writes.events().conversationChanged(tx, practiceId, conversation.id());
        writes.events().changed(tx, practiceId, EventTypes.MESSAGE, message.id(), message);
        return message;
    }

    /**
     * Retries a failed outbound message: the same message becomes a new attempt, queued for the
     * dispatcher, so the carrier gets exactly one send per attempt. The retry's client id makes a
     * repeated request answer the attempt it started ({@code created} false); any other retry of a
     * message that is not failed (an attempt under way, or already delivered) is refused, so two
     * clicks or two desks never send it twice. Opted-out and blocked contacts are refused as for a
     * new message.
     */
    public Accepted retry(Originator who, long messageId, String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw Refusal.invalid("clientId is required: 1-64 letters, digits or . _ : - (a new one for each retry).");
        }
        Accepted accepted = db.inTransaction(tx -> {
            long practiceId = who.practiceId();
            writes.lock(tx, practiceId);
            Messages.Attempt attempt = messages.attempt(tx, practiceId, messageId).orElseThrow(() -> Refusal.notFound("The message " + messageId));
            if (clientId.equals(attempt.retryClientId())) {
                return new Accepted(messages.byId(tx, practiceId, messageId).orElseThrow(), false);
            }
            if (!"out".equals(attempt.direction())) {
                throw Refusal.invalid("Only a message the practice sent can be retried.");
            }
            boolean failed = "failed".equals(attempt.status()) || "undelivered".equals(attempt.status());
            boolean underWay = attempt.dispatchState().map(MessageSending::unfinished).orElse(false);
            if (!failed || underWay) {
                throw Refusal.conflict("This message is " + attempt.status() + ", not failed: it was already retried or is on its way, "
                        + "so it is not sent again.");
            }
            MessageView message = messages.byId(tx, practiceId, messageId).orElseThrow();
            ConversationView conversation = conversations.byId(tx, practiceId, message.conversationId()).orElseThrow();
            refuseIfUnreachable(contacts.byId(tx, practiceId, conversation.contactId()).orElseThrow());
            Instant now = clock.instant();
            messages.startNewAttempt(tx, practiceId, messageId, clientId, now);
            media.servePublicUntil(tx, messageId, now.plus(SERVED_TO_THE_CARRIER)); // a new hand-off: the carrier fetches the files again
            dispatch.raiseAtCommit(tx);
            if (conversation.status() == ConversationStatus.CLOSED) {
                conversations.setStatus(tx, conversation.id(), "open");
            }
            MessageView again = messages.byId(tx, practiceId, messageId).orElseThrow();
            writes.events().conversationChanged(tx, practiceId, conversation.id());
            writes.events().changed(tx, practiceId, EventTypes.MESSAGE, again.id(), again);
            return new Accepted(again, true);
        });
        return accepted;
    }

    /**
     * How each upload goes: photos in the MMS while the message's files stay within the carriers'
     * limits (5 MB, 10 files with the links passed on), in order; documents and the rest behind the link.
     */
    public static List<MediaDelivery> deliveries(List<Uploads.Facts> files, int linksPassedOn) {
        List<MediaDelivery> out = new java.util.ArrayList<>();
        long total = 0;
        int count = linksPassedOn;
        for (Uploads.Facts f : files) {
            boolean mms = Outgoing.deliveryAlone(f.contentType(), f.size()) == MediaDelivery.MMS && total + f.size() <= Outgoing.MMS_TOTAL
                    && count < Outgoing.MMS_FILES;
            if (mms) {
                total += f.size();
                count++;
            }
            out.add(mms ? MediaDelivery.MMS : MediaDelivery.LINK);
        }
        return out;
    }

    /** The text with its secure link: after what staff wrote, or, when they wrote nothing, a line that says who sent what. */
    static String withLink(String body, String practiceName, String link, int documents) {
        if (body.isBlank()) {
            return practiceName + " sent you " + (documents == 1 ? "a document" : documents + " documents") + ": " + link;
        }
        return body.stripTrailing() + "\n" + link;
    }

    private static String attachmentPreview(List<Uploads.Facts> files, int links) {
        int n = files.size() + links;
        boolean photos = links == 0 && files.stream().allMatch(f -> f.contentType().startsWith("image/"));
        return photos ? (n == 1 ? "Photo" : n + " photos") : (n == 1 ? "Attachment" : n + " attachments");
    }

    private static boolean unfinished(DispatchState state) {
        return state == DispatchState.PENDING || state == DispatchState.HANDING || state == DispatchState.CHECKING;
    }

    /** Opted-out and blocked contacts are refused here, so the carrier is never called for them. */
    static void refuseIfUnreachable(ContactView contact) {
        String who = contact.name() != null && !contact.name().isBlank() ? contact.name() : "This contact";
        if (contact.optedOut()) {
            String when = contact.optedOutAt() == null ? ""
                    : " on " + DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(contact.optedOutAt());
            boolean byStaff = ConsentSource.STAFF.wire().equals(contact.optedOutVia()); // asked the practice, not the carrier
            throw new Refusal(Reason.OPTED_OUT, who + " opted out of text messages" + when + (byStaff
                    ? ", as recorded by the practice. Messages can resume once they ask again and a team member records it (Opt in)."
                    : ". Messages can resume only after they text START to the practice's number."));
        }
        if (contact.blocked()) {
            throw new Refusal(Reason.BLOCKED, who + " is blocked. Unblock the contact before sending a message.");
        }
    }

    private Practices.PracticeNumber fromNumber(Tx tx, long practiceId, String from) throws SQLException {
        List<Practices.PracticeNumber> numbers = practices.numbers(tx, practiceId);
        if (numbers.isEmpty()) {
            throw new Refusal(Reason.NO_NUMBER, "The practice has no texting number yet. An administrator must add one.");
        }
        if (from == null || from.isBlank()) {
            return numbers.getFirst();
        }
        return numbers.stream().filter(n -> n.phone().equals(from.strip())).findFirst()
                .orElseThrow(() -> Refusal.invalid("from must be one of the practice's numbers."));
    }

    /** Attachment URLs: at most ten, each an http(s) address of at most {@value #MAX_MEDIA_URL} characters. */
    private static List<MediaItem> media(List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            return List.of();
        }
        if (urls.size() > MAX_MEDIA) {
            throw Refusal.invalid("A message can carry at most " + MAX_MEDIA + " attachments.");
        }
        List<MediaItem> media = new java.util.ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            String field = "mediaUrls[" + i + "]";
            if (url == null || url.isBlank()) {
                throw Refusal.invalid(field + " is empty; give the attachment's http(s) address.");
            }
            if (Texts.length(url) > MAX_MEDIA_URL) {
                throw Refusal.invalid(field + " is " + Texts.length(url) + " characters; an attachment URL can have at most " + MAX_MEDIA_URL + ".");
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(field + " is not a valid URL.");
            }
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
                throw Refusal.invalid("Attachment URLs must be public http(s) addresses (" + field + " is not).");
            }
            media.add(MediaItem.linked(url, null));
        }
        return List.copyOf(media);
    }
}
