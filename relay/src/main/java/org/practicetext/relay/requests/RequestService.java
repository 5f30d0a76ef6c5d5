// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.practicetext.core.Money;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.core.RequestTexts;
import org.practicetext.core.Role;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestDraft;
import org.practicetext.protocol.RequestSent;
import org.practicetext.protocol.RequestView;
import org.practicetext.protocol.Sender;
import org.practicetext.relay.background.Alarm;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.Texts;
import org.practicetext.relay.media.Outgoing;
import org.practicetext.relay.payments.PaymentException;
import org.practicetext.relay.payments.PaymentOutcomes;
import org.practicetext.relay.payments.PaymentProvider;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.refusal.Refusal.Reason;
import org.practicetext.relay.send.MessageSending;
import org.practicetext.relay.send.Originator;
import org.practicetext.relay.send.RequestMaker;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.MessageMedia;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.Requests;
import org.practicetext.relay.store.Requests.Row;
import org.practicetext.relay.store.SecureLinks;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.Uploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests (ADR 0024): made with the message that carries their link ({@link RequestMaker}),
 * moved forward by the message's delivery, the patient's page, the payment provider's webhook
 * ({@link PaymentOutcomes}), staff, and the expiry sweep; never deleted. Every change appends the
 * request's new view to its practice's feed.
 */
public final class RequestService implements RequestMaker, PaymentOutcomes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestService.class);
    static final int DESCRIPTION_MAX = 80;
    static final int REFERENCE_MAX = 40;
    static final int NOTE_MAX = 200;
    static final int FORMS_PER_REQUEST = 10;
    /** Who ends a request by the patient's own act (paid online, accepted, declined). */
    public static final String PATIENT = "Patient";
    /** A checkout this close to its end is not handed to a patient again: a new one is made. */
    private static final Duration CHECKOUT_MARGIN = Duration.ofMinutes(5);
    private static final Duration CHECKOUT_LONGEST = Duration.ofHours(23);

    /** Who acts on a request from a desk: a team member's id, name and role. */
    public record Staff(long practiceId, long userId, String name, Role role, String region) {
    }

    /** A form as a request keeps it: as it was in the library when it was sent. */
    public record SentForm(long id, String name, String url) {
    }

    private final Database db;
    private final PracticeWrites writes;
    private final Clock clock;
    private final CommunicationSettings settings;
    private final Supplier<String> publicBase;
    private final Requests store = new Requests();
    private final SecureLinks links = new SecureLinks();
    private final Messages messages = new Messages();
    private final Conversations conversations = new Conversations();
    private final Uploads uploads = new Uploads();
    private final Alarm alarm;
    private final boolean sharedDatabase;
    private volatile PaymentProvider provider;
    private volatile MessageSending sending;
    private volatile Supplier<Boolean> leader = () -> true;
    private volatile boolean running;
    private Thread sweeper;

    public RequestService(Database db, ChangeFeed feed, Clock clock, CommunicationSettings settings, Supplier<String> publicBase, boolean sharedDatabase) {
        this.db = db;
        this.writes = new PracticeWrites(db, feed);
        this.clock = clock;
        this.settings = settings;
        this.publicBase = publicBase;
        this.alarm = new Alarm(clock);
        this.sharedDatabase = sharedDatabase;
    }

    /** The payment provider (none: payment requests are refused). */
    public RequestService provider(PaymentProvider payments) {
        this.provider = payments;
        return this;
    }

    /** The payment provider, or null. */
    public PaymentProvider provider() {
        return provider;
    }

    /** How a resend sends its new message. */
    public RequestService sending(MessageSending messageSending) {
        this.sending = messageSending;
        return this;
    }

    public CommunicationSettings settings() {
        return settings;
    }

    // --- made with a message ----------------------------------------------------------------

    @Override
    public Prepared prepare(Tx tx, long practiceId, ContactView contact, ConversationView conversation, RequestDraft draft, Instant now)
            throws SQLException {
        PracticeSettingsView s = settings.view(tx, practiceId);
        RequestKind kind = draft.kind();
        if (!featureOn(s.features(), kind)) {
            throw new Refusal(Reason.FEATURE_OFF, "The practice has turned " + RequestTexts.inSentence(kind)
                    + "s off (an admin turns them on in Settings → Communication Settings).");
        }
        String description = draft.description() == null || draft.description().isBlank() ? null
                : Texts.line("request.description", draft.description().strip(), DESCRIPTION_MAX);
        String reference = draft.reference() == null || draft.reference().isBlank() ? null
                : Texts.line("request.reference", draft.reference().strip(), REFERENCE_MAX);
        Long amount = draft.amountCents();
        if (amount != null && (amount < 1 || amount > Money.LARGEST_CENTS)) {
            throw Refusal.invalid("request.amountCents must be 1 to " + Money.LARGEST_CENTS + " (integer cents of " + settings.currency() + ").");
        }
        String forms = null;
        String destination = null;
        int days;
        switch (kind) {
            case PAYMENT -> {
                if (provider == null) {
                    throw new Refusal(Reason.FEATURE_OFF, "No payment provider is set up on this relay, so payment requests cannot be sent yet.");
                }
                if (amount == null) {
                    throw Refusal.invalid("A payment request needs its amount (request.amountCents, integer cents).");
                }
                if (description == null) {
                    throw Refusal.invalid("Say what the payment is for (request.description): the patient sees it.");
                }
                days = s.linkDays().payment();
            }
            case REVIEW -> {
                destination = s.reviewLinks().stream().filter(l -> l.inboxId() == conversation.inboxId()).map(PracticeSettingsView.ReviewLink::url)
                        .findFirst().orElse(s.reviewUrl());
                if (destination == null) {
                    throw Refusal.invalid("The practice has no review link for this inbox yet: an admin adds it in Settings → Communication Settings.");
                }
                Optional<Instant> last = store.lastOfKind(tx, practiceId, contact.id(), RequestKind.REVIEW);
                int repeat = s.reviewRepeatDays();
                if (last.isPresent() && repeat > 0 && last.get().plus(Duration.ofDays(repeat)).isAfter(now) && !draft.repeatAllowed()) {
                    String who = contact.name() == null || contact.name().isBlank() ? "This patient" : contact.name();
                    throw new Refusal(Reason.REVIEW_RECENTLY_SENT, who + " was sent a review request on "
                            + DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US).withZone(ZoneOffset.UTC).format(last.get())
                            + ", within the practice's " + repeat + " days. Send another only if you mean to (repeatAllowed).");
                }
                days = s.linkDays().review();
            }
            case FORMS -> {
                if (draft.formIds().isEmpty() || draft.formIds().size() > FORMS_PER_REQUEST) {
                    throw Refusal.invalid("Pick 1 to " + FORMS_PER_REQUEST + " forms of the practice's library (request.formIds).");
                }
                List<SentForm> picked = new ArrayList<>();
                for (Long id : draft.formIds()) {
                    CommunicationSettings.StoredForm form = id == null ? null : settings.form(tx, practiceId, id).filter(f -> !f.retired()).orElse(null);
                    if (form == null) {
                        throw Refusal.invalid("Form " + id + " is not in the practice's library (an admin manages forms in Settings).");
                    }
                    if (picked.stream().noneMatch(p -> p.id() == form.id())) {
                        picked.add(new SentForm(form.id(), form.name(), form.url()));
                    }
                }
                forms = json(picked);
                days = s.linkDays().forms();
            }
            case TREATMENT_PLAN -> {
                if (draft.document() == null) {
                    throw Refusal.invalid("A treatment plan needs the plan as a PDF (request.document: an upload id).");
                }
                days = s.linkDays().treatmentPlan();
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        boolean document = draft.document() != null;
        boolean asks = (kind == RequestKind.TREATMENT_PLAN || kind == RequestKind.PAYMENT && document)
                && links.rules(tx, practiceId, contact.id()).asksBirthDate();
        String token = Outgoing.token(16);
        RequestDraft clean = new RequestDraft(kind, amount, description, reference, draft.formIds(), draft.document(), draft.repeatAllowed());
        return new Prepared(token, publicBase.get() + "/l/" + token, now.plus(Duration.ofDays(days)), asks, clean, settings.currency(), forms,
                destination);
    }

    @Override
    public void created(Tx tx, long practiceId, Prepared p, MessageView message, Sender sender, Long replacesId, Instant now) throws SQLException {
        RequestDraft d = p.draft();
        boolean money = d.kind() == RequestKind.PAYMENT || d.kind() == RequestKind.TREATMENT_PLAN && d.amountCents() != null;
        long id = store.insert(tx, new Requests.NewRequest(practiceId, d.kind(), message.conversationId(), conversationContact(tx, practiceId, message),
                message.id(), p.token(), p.expiresAt(), d.description(), d.reference(), d.amountCents(), money ? p.currency() : null, p.forms(),
                p.destination(), replacesId, sender, now));
        if (replacesId != null) {
            Row old = store.byId(tx, practiceId, replacesId).orElseThrow();
            end(tx, old, RequestStatus.CANCELLED, sender.name(), "Replaced by a new link", now);
            store.replacedBy(tx, old.id(), id, now);
            announce(tx, practiceId, old.id());
        }
        announce(tx, practiceId, id);
        alarm.wake();
    }

    private long conversationContact(Tx tx, long practiceId, MessageView message) throws SQLException {
        return conversations.byId(tx, practiceId, message.conversationId()).orElseThrow().contactId();
    }

    // --- reads ------------------------------------------------------------------------------

    public List<RequestView> list(long practiceId, Long conversationId, boolean openOnly) {
        return db.read(tx -> {
            List<RequestView> out = new ArrayList<>();
            for (Row r : store.list(tx, practiceId, conversationId, openOnly, 500)) {
                out.add(view(tx, r));
            }
            return out;
        });
    }

    public RequestView get(long practiceId, long id) {
        return db.read(tx -> view(tx, store.byId(tx, practiceId, id).orElseThrow(() -> Refusal.notFound("The request " + id))));
    }

    RequestView view(Tx tx, Row r) throws SQLException {
        List<RequestView.RequestForm> forms = sentForms(r).stream().map(f -> new RequestView.RequestForm(f.id(), f.name())).toList();
        return new RequestView(r.id(), r.kind(), r.status(), r.conversationId(), r.contactId(), r.messageId(), publicBase.get() + "/l/" + r.token(),
                r.expiresAt(), r.deliveredAt(), r.openedAt(), r.finishedAt(), r.finishedBy(), r.note(), r.description(), r.reference(),
                r.amountCents(), r.currency(), forms, r.fileName(), r.replacesId(), r.replacedById(), r.sender(), r.createdAt(), r.updatedAt());
    }

    /** The forms a forms request was sent with. */
    public static List<SentForm> sentForms(Row r) {
        if (r.forms() == null) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(r.forms(), new TypeReference<List<SentForm>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request " + r.id() + ": its forms do not read", e);
        }
    }

    // --- staff ------------------------------------------------------------------------------

    public RequestView cancel(Staff who, long id, String note) {
        String why = note(note);
        RequestView view = writes.run(who.practiceId(), tx -> {
            Row r = mine(tx, who, id);
            if (r.status().finished()) {
                throw Refusal.conflict("This " + RequestTexts.inSentence(r.kind()) + " is already " + r.status().wire() + ": nothing to cancel.");
            }
            end(tx, r, RequestStatus.CANCELLED, who.name(), why, clock.instant());
            return announce(tx, who.practiceId(), id);
        });
        return view;
    }

    public RequestView markPaid(Staff who, long id, String note) {
        String how = note(note);
        return writes.run(who.practiceId(), tx -> {
            Row r = mine(tx, who, id);
            if (r.kind() != RequestKind.PAYMENT) {
                throw Refusal.invalid("Only a payment request can be marked as paid.");
            }
            if (r.status().finished()) {
                throw Refusal.conflict("This payment request is already " + r.status().wire() + ".");
            }
            end(tx, r, RequestStatus.PAID, who.name(), how == null ? "Paid outside PracticeText" : how, clock.instant());
            return announce(tx, who.practiceId(), id);
        });
    }

    /** A forms request completed: by a team member ({@code who}), or by the practice's form system ({@code system} names its API key). */
    public RequestView complete(long practiceId, Staff who, String system, long id) {
        return writes.run(practiceId, tx -> {
            Row r = who != null ? mine(tx, who, id) : store.byId(tx, practiceId, id).orElseThrow(() -> Refusal.notFound("The request " + id));
            if (r.kind() != RequestKind.FORMS) {
                throw Refusal.invalid("Only a forms request is completed this way.");
            }
            if (r.status() == RequestStatus.COMPLETED) {
                return view(tx, r);
            }
            if (r.status().finished()) {
                throw Refusal.conflict("This forms request is " + r.status().wire() + ".");
            }
            end(tx, r, RequestStatus.COMPLETED, who != null ? who.name() : system, null, clock.instant());
            return announce(tx, practiceId, id);
        });
    }

    /** The simulated form system's Submit (demo and tests only): a forms request its patient opened is completed. */
    public RequestView completeBySimulatedFormSystem(long id) {
        Row r = db.read(tx -> store.byIdInAnyPractice(tx, id)).filter(row -> row.kind() == RequestKind.FORMS && row.openedAt() != null)
                .orElseThrow(() -> Refusal.notFound("No opened forms request " + id));
        return complete(r.practiceId(), null, "Form system", id);
    }

    /**
     * A new link for an open or expired request, in a new message with the old text (its link
     * replaced); the old request is cancelled and names the new one. The same {@code clientId}
     * twice answers the first resend.
     */
    public RequestSent resend(Staff who, long id, String clientId) {
        MessageSending send = sending;
        Row old = db.read(tx -> mine(tx, who, id));
        Optional<MessageView> again = clientId == null ? Optional.empty() : db.read(tx -> messages.byClientId(tx, who.practiceId(), clientId));
        if (again.isPresent()) {
            Row made = db.read(tx -> store.byMessage(tx, again.get().id())).orElseThrow(() -> Refusal.conflict("clientId " + clientId
                    + " was used for a message that is not a request."));
            return new RequestSent(get(who.practiceId(), made.id()), again.get());
        }
        if (old.status().finished()) {
            throw Refusal.conflict("This " + RequestTexts.inSentence(old.kind()) + " is " + old.status().wire() + ": there is nothing to resend.");
        }
        MessageView oldMessage = db.read(tx -> messages.byId(tx, who.practiceId(), old.messageId())).orElseThrow();
        String oldLink = publicBase.get() + "/l/" + old.token();
        String body = oldMessage.body().contains(oldLink) ? oldMessage.body().replace(oldLink, RequestTexts.LINK) : oldMessage.body();
        String document = null;
        if (oldMessage.media().stream().findFirst().isPresent()) {
            document = db.inTransaction(tx -> copyToUpload(tx, who.practiceId(), old.messageId()));
        }
        List<Long> formIds = sentForms(old).stream().map(SentForm::id).toList();
        RequestDraft draft = new RequestDraft(old.kind(), old.amountCents(), old.description(), old.reference(), formIds, document, true);
        MessageSending.Accepted accepted = send.accept(new Originator(who.practiceId(), who.region(), Sender.user(who.userId(), who.name())),
                new MessageSending.Draft(clientId, old.conversationId(), null, null, body, null, null, draft, old.id()));
        Row made = db.read(tx -> store.byMessage(tx, accepted.message().id())).orElseThrow();
        return new RequestSent(get(who.practiceId(), made.id()), accepted.message());
    }

    private String copyToUpload(Tx tx, long practiceId, long messageId) throws SQLException {
        MessageMedia.File file = links.file(tx, messageId, 0).orElseThrow(() -> Refusal.conflict("The request's document is not on the relay any more."));
        String id = "up_" + Outgoing.token(24);
        uploads.insert(tx, new Uploads.Upload(id, practiceId, file.fileName(), file.contentType(), file.content().length, null, null,
                Outgoing.sha256(file.content()), file.content(), null, clock.instant()));
        return id;
    }

    private Row mine(Tx tx, Staff who, long id) throws SQLException {
        Row r = store.byId(tx, who.practiceId(), id).orElseThrow(() -> Refusal.notFound("The request " + id));
        if (!who.role().allows(r.kind().permission())) {
            throw new Refusal(Reason.NOT_ALLOWED, "Your role does not allow this (" + r.kind().permission().key() + ").");
        }
        return r;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : Texts.line("note", note.strip(), NOTE_MAX);
    }

    // --- the message's delivery -------------------------------------------------------------

    /** The message of a request reached the phone: the request is delivered (if it was not further already). */
    public void delivered(Tx tx, long practiceId, long messageId) throws SQLException {
        Optional<Row> found = store.byMessage(tx, messageId);
        if (found.isEmpty()) {
            return;
        }
        Row r = found.get();
        Instant now = clock.instant();
        store.delivered(tx, r.id(), now);
        if (r.status().canMoveTo(RequestStatus.DELIVERED)) {
            store.setStatus(tx, r.id(), RequestStatus.DELIVERED, null, null, null, now);
        }
        announce(tx, practiceId, r.id());
    }

    // --- the patient's page -----------------------------------------------------------------

    public Optional<Row> byToken(String token) {
        return db.read(tx -> store.byToken(tx, token));
    }

    public Optional<Row> reread(Row r) {
        return db.read(tx -> store.byId(tx, r.practiceId(), r.id()));
    }

    /** The patient acted on the link (a button, a date of birth, the forwarding page): opened, once. */
    public void opened(Row r) {
        if (r.openedAt() != null && !r.status().canMoveTo(RequestStatus.OPENED)) {
            return;
        }
        writes.run(r.practiceId(), tx -> {
            Row now = store.byId(tx, r.practiceId(), r.id()).orElseThrow();
            Instant at = clock.instant();
            boolean changed = false;
            if (now.openedAt() == null) {
                store.opened(tx, r.id(), at);
                changed = true;
            }
            if (now.status().canMoveTo(RequestStatus.OPENED)) {
                store.setStatus(tx, r.id(), RequestStatus.OPENED, null, null, null, at);
                changed = true;
            }
            if (links.opened(tx, r.token(), at)) {
                writes.events().messageChanged(tx, r.practiceId(), r.messageId());
            }
            if (changed) {
                announce(tx, r.practiceId(), r.id());
            }
            return null;
        });
    }

    /** The patient's answer to a treatment plan: final, and shown in the thread. False when it had an answer (or ended) already. */
    public boolean answer(Row r, boolean accepted) {
        opened(r);
        return writes.run(r.practiceId(), tx -> {
            Row now = store.byId(tx, r.practiceId(), r.id()).orElseThrow();
            if (now.kind() != RequestKind.TREATMENT_PLAN || !now.status().open()) {
                return false;
            }
            Instant at = clock.instant();
            end(tx, now, accepted ? RequestStatus.ACCEPTED : RequestStatus.DECLINED, PATIENT, null, at);
            announce(tx, r.practiceId(), r.id());
            conversations.touch(tx, now.conversationId(), at, accepted ? "Treatment plan accepted" : "Treatment plan declined", "in");
            writes.events().conversationChanged(tx, r.practiceId(), now.conversationId());
            return true;
        });
    }

    /** Where the patient pays: the request's open checkout, or a new one made now. */
    public String checkout(Row r, String practiceName) {
        PaymentProvider payments = provider;
        if (payments == null) {
            throw new Refusal(Reason.PAYMENT_PROVIDER, "Online payment is not available right now.");
        }
        Instant now = clock.instant();
        if (r.checkoutUrl() != null && r.checkoutExpiresAt() != null && r.checkoutExpiresAt().isAfter(now.plus(CHECKOUT_MARGIN))) {
            return r.checkoutUrl();
        }
        Instant until = r.expiresAt().isBefore(now.plus(CHECKOUT_LONGEST)) ? r.expiresAt() : now.plus(CHECKOUT_LONGEST);
        String page = publicBase.get() + "/l/" + r.token();
        PaymentProvider.Checkout made;
        try {
            made = payments.checkout(new PaymentProvider.Order(Long.toString(r.id()), r.practiceId(), r.amountCents(), r.currency(),
                    r.description(), practiceName, until, page + "?paid=1", page));
        } catch (PaymentException e) {
            LOG.warn("request {}: the payment provider did not make a checkout: {}", r.id(), e.getMessage());
            throw new Refusal(Reason.PAYMENT_PROVIDER, "Online payment is not available right now. Please try again in a few minutes.");
        }
        db.inTransaction(tx -> {
            store.checkout(tx, r.id(), made.sessionId(), made.url(), made.expiresAt(), now);
            return null;
        });
        return made.url();
    }

    // --- the payment provider ----------------------------------------------------------------

    @Override
    public void paid(String reference, String sessionId, long amountCents, String currency, String paymentId) {
        Row r = byReference(reference);
        writes.run(r.practiceId(), tx -> {
            Row now = store.byId(tx, r.practiceId(), r.id()).orElseThrow();
            if (now.kind() != RequestKind.PAYMENT) {
                throw Refusal.invalid("Request " + reference + " is not a payment request.");
            }
            if (paymentId != null && paymentId.equals(now.paymentId())) {
                return null; // the same payment reported again
            }
            Instant at = clock.instant();
            store.paid(tx, now.id(), amountCents, paymentId, at);
            if (now.openedAt() == null) {
                store.opened(tx, now.id(), at);
            }
            String note = amountCents == now.amountCents() ? null : "Paid " + Money.format(amountCents, currency) + " of "
                    + Money.format(now.amountCents(), now.currency());
            if (now.status().canMoveTo(RequestStatus.PAID)) {
                end(tx, now, RequestStatus.PAID, PATIENT, note, at);
            } else {
                // Paid after it was cancelled or marked paid: keep what the provider says, for the practice to refund or reconcile.
                store.setStatus(tx, now.id(), now.status(), null, null, "Also paid online " + Money.format(amountCents, currency)
                        + (now.status() == RequestStatus.CANCELLED ? " after it was cancelled" : ""), at);
            }
            store.dropCheckout(tx, now.id(), sessionId);
            announce(tx, r.practiceId(), r.id());
            return null;
        });
    }

    @Override
    public void sessionExpired(String reference, String sessionId) {
        Row r = byReference(reference);
        db.inTransaction(tx -> store.dropCheckout(tx, r.id(), sessionId));
    }

    private Row byReference(String reference) {
        long id;
        try {
            id = Long.parseLong(reference == null ? "" : reference);
        } catch (NumberFormatException e) {
            throw Refusal.notFound("No request has the reference " + reference);
        }
        return db.read(tx -> store.byIdInAnyPractice(tx, id)).orElseThrow(() -> Refusal.notFound("No request has the reference " + reference));
    }

    // --- the end of a request ---------------------------------------------------------------

    /** Ends a request: the outcome, its link closed when no one should use it again, and an open checkout ended at the provider. */
    private void end(Tx tx, Row r, RequestStatus outcome, String by, String note, Instant now) throws SQLException {
        if (!r.status().canMoveTo(outcome)) {
            return;
        }
        store.setStatus(tx, r.id(), outcome, now, by, note, now);
        if (outcome == RequestStatus.CANCELLED || outcome == RequestStatus.PAID) {
            String session = r.checkoutSession();
            PaymentProvider payments = provider;
            if (session != null && payments != null) {
                tx.afterCommit(() -> {
                    try {
                        payments.expire(session);
                    } catch (RuntimeException e) {
                        LOG.warn("request {}: its checkout could not be ended at the provider: {}", r.id(), e.getMessage());
                    }
                });
            }
        }
    }

    /** Expires open requests whose time ran out; answers how many. */
    public int expireDue() {
        int expired = 0;
        while (true) {
            List<Row> due = db.read(tx -> store.due(tx, clock.instant(), 100));
            if (due.isEmpty()) {
                return expired;
            }
            for (Row r : due) {
                writes.run(r.practiceId(), tx -> {
                    Row now = store.byId(tx, r.practiceId(), r.id()).orElseThrow();
                    Instant at = clock.instant();
                    if (now.status().open() && !now.expiresAt().isAfter(at)) {
                        store.setStatus(tx, now.id(), RequestStatus.EXPIRED, null, null, null, at);
                        announce(tx, r.practiceId(), r.id());
                    }
                    return null;
                });
                expired++;
            }
        }
    }

    /** Runs the expiry sweep on the leader, at each next expiry and after each new request (and once a minute on a shared database). */
    public void start(Supplier<Boolean> isLeader) {
        this.leader = isLeader;
        running = true;
        sweeper = Thread.ofVirtual().name("request-expiry").start(() -> {
            while (running) {
                try {
                    Optional<Instant> next = Optional.empty();
                    if (leader.get()) {
                        expireDue();
                        next = db.read(store::nextDue);
                    }
                    // An idle relay runs no statements: it waits for the next expiry or a new request (and, on a shared
                    // database, looks once a minute for what other nodes made, or for leadership).
                    alarm.await(alarm.lookingOut(next, sharedDatabase));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("the request expiry sweep failed; trying again in a minute: {}", e.toString());
                    try {
                        Thread.sleep(Duration.ofSeconds(5));
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        running = false;
        if (sweeper != null) {
            sweeper.interrupt();
            try {
                sweeper.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Appends a request that was written by hand (the demo practice's) to the feed; the caller holds the practice's feed lock. */
    public RequestView changed(Tx tx, long practiceId, long id) throws SQLException {
        return announce(tx, practiceId, id);
    }

    private RequestView announce(Tx tx, long practiceId, long id) throws SQLException {
        RequestView view = view(tx, store.byId(tx, practiceId, id).orElseThrow());
        writes.events().changed(tx, practiceId, EventTypes.REQUEST, id, view);
        return view;
    }

    private static boolean featureOn(PracticeSettingsView.Features f, RequestKind kind) {
        return switch (kind) {
            case PAYMENT -> f.payments();
            case REVIEW -> f.reviews();
            case FORMS -> f.forms();
            case TREATMENT_PLAN -> f.treatmentPlans();
        };
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
