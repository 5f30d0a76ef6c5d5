// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.demo;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.CarrierErrors;
import org.practicetext.core.ConsentChange;
import org.practicetext.core.MediaDelivery;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.core.Role;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.InboxView;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.Sender;
import org.practicetext.relay.consent.ConsentLog;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.media.Outgoing;
import org.practicetext.relay.requests.RequestService;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.MessageMedia;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.Requests;
import org.practicetext.relay.store.SecureLinks;
import org.practicetext.relay.store.Templates;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.Uploads;
import org.practicetext.relay.store.Users;
import org.practicetext.relay.tenancy.Tenancy;

/**
 * The demo practice "demo" (Bright Smile Dental): four team members (one of each role), patients
 * and leads, a handful of conversations that show every state the inbox knows, and the front
 * desk's templates. Seeded once; a relay that
 * already has it leaves it as it is.
 */
public final class DemoPractice {
    public static final String SLUG = "demo";
    public static final String NUMBER = "+15550100200";
    public static final String PASSWORD = "practicetext";
    /** username, display name, role. */
    public static final List<String[]> TEAM = List.of(
            new String[] {"alex", "Alex Rivera", "admin"},
            new String[] {"jordan", "Jordan Lee", "staff"},
            new String[] {"sam", "Sam Taylor", "viewer"},
            new String[] {"casey", "Casey Brooks", "billing"});
    /**
     * The front desk's saved replies: name, body. They use the placeholders the composer fills
     * ({@link org.practicetext.core.TemplateFields}).
     */
    public static final List<String[]> TEMPLATES = List.of(
            new String[] {"Appointment confirmation",
                "Hi {first name}, this is {practice name} confirming your appointment on [day] at [time]. Reply C to confirm or call us to reschedule."},
            new String[] {"Running late",
                "Hi {first name}, Dr. Green is running about 15 minutes behind today. We're sorry for the wait — feel free to come in a little later."},
            new String[] {"Schedule change",
                "Hi {first name}, {practice name} needs to move your appointment. Could you come on [day] at [time] instead? Reply YES or let us know what works."},
            new String[] {"Insurance card request",
                "Hi {first name}, could you text us a photo of the front and back of your insurance card before your visit? Thank you! — {practice name}"},
            new String[] {"Post-op check-in",
                "Hi {first name}, this is {practice name} checking in after your procedure. How are you feeling? Some swelling is normal; call us if the pain gets worse."},
            new String[] {"Balance reminder",
                "Hi {first name}, a friendly reminder from {practice name} that you have a balance of $[amount]. You can pay by phone or at your next visit."},
            new String[] {"Directions and parking",
                "{practice name} is at 120 Main Street, Suite 200. Free parking is behind the building; the entrance is next to the pharmacy."});

    private final Database db;
    private final PracticeWrites writes;
    private final Tenancy tenancy;
    private final Clock clock;
    private final Practices practices = new Practices();
    private final Users users = new Users();
    private final Contacts contacts = new Contacts();
    private final ConsentLog consent;
    private final Conversations conversations = new Conversations();
    private final Messages messages = new Messages();
    private final Templates templates = new Templates();
    private final SecureRandom random = new SecureRandom();

    private final RequestService requests;
    private final Requests requestRows = new Requests();
    private final SecureLinks links = new SecureLinks();
    private final Uploads uploads = new Uploads();
    private final MessageMedia media = new MessageMedia();

    /** A demo practice without requests (a relay whose requests are not wired). */
    public DemoPractice(Database db, ChangeFeed feed, Tenancy tenancy, Clock clock) {
        this(db, feed, tenancy, clock, null);
    }

    /** With {@code requests}: the demo also has a paid, an open, an expired and an accepted request, and settings for every tool. */
    public DemoPractice(Database db, ChangeFeed feed, Tenancy tenancy, Clock clock, RequestService requests) {
        this.db = db;
        this.writes = new PracticeWrites(db, feed);
        this.consent = new ConsentLog(feed);
        this.tenancy = tenancy;
        this.clock = clock;
        this.requests = requests;
    }

    /** The demo's review page and forms live on the simulator (they stand for Google's and the practice's form system). */
    public static final String REVIEW_URL = "https://review.simulator.invalid/bright-smile-dental";
    public static final String FORMS_URL = "https://forms.simulator.invalid/";

    /** Seeds the demo practice unless it exists; returns true when it was created now. */
    public boolean seedOnce() {
        if (db.read(tx -> practices.bySlug(tx, SLUG)).isPresent()) {
            return false;
        }
        tenancy.createPractice(SLUG, "Bright Smile Dental", "US", "America/New_York");
        tenancy.addNumber(SLUG, NUMBER, Tenancy.DEFAULT_INBOX);
        for (String[] member : TEAM) {
            tenancy.createUser(SLUG, member[0], member[1], Role.fromWire(member[2]).orElseThrow(), PASSWORD);
        }
        db.inTransaction(tx -> {
            seedConversations(tx);
            return null;
        });
        if (requests != null) {
            long practiceId = db.read(tx -> practices.bySlug(tx, SLUG)).orElseThrow().id();
            requests.settings().update(practiceId, new PracticeSettingsUpdate("Bright Smile Dental", null, REVIEW_URL, null, null, List.of(
                    new PracticeSettingsUpdate.FormInput(null, "New patient form", FORMS_URL + "new-patient?patient={patientId}&request={requestId}"),
                    new PracticeSettingsUpdate.FormInput(null, "Medical history", FORMS_URL + "medical-history?patient={patientId}&request={requestId}")),
                    null, null, null));
        }
        return true;
    }

    /** How to sign in, for the console. */
    public static String signInHelp(int port) {
        StringBuilder help = new StringBuilder();
        help.append("Demo practice \"").append(SLUG).append("\" (Bright Smile Dental), number ").append(NUMBER).append('\n');
        for (String[] member : TEAM) {
            help.append(String.format("  %-7s %-12s %-7s password: %s%n", member[0], member[1], member[2], PASSWORD));
        }
        help.append("Sign in:  curl -s -X POST http://localhost:").append(port)
                .append("/api/v1/session -H 'Content-Type: application/json' -d '{\"practice\":\"demo\",\"username\":\"alex\",\"password\":\"")
                .append(PASSWORD).append("\"}'\n");
        help.append("Follow:   curl -s 'http://localhost:").append(port)
                .append("/api/v1/events?after=0&wait=30' -H 'Authorization: Bearer <token>'\n");
        return help.toString();
    }

    private void seedConversations(Tx tx) throws SQLException {
        long practiceId = practices.bySlug(tx, SLUG).orElseThrow().id();
        writes.lock(tx, practiceId);
        Practices.PracticeNumber number = practices.number(tx, NUMBER).orElseThrow();
        InboxView billing = practices.createInbox(tx, practiceId, "Billing");
        writes.events().changed(tx, practiceId, EventTypes.INBOX, billing.id(), billing);
        Users.User alex = users.byLogin(tx, practiceId, "alex").orElseThrow();
        Users.User jordan = users.byLogin(tx, practiceId, "jordan").orElseThrow();
        Sender reminders = Sender.campaign("Appointment Reminders Campaign");
        Sender forms = Sender.campaign("Form Invites Campaign");
        Instant now = clock.instant();
        for (String[] template : TEMPLATES) {
            long id = templates.create(tx, practiceId, template[0], template[1], now).id();
            writes.events().changed(tx, practiceId, EventTypes.TEMPLATE, id, templates.byId(tx, practiceId, id).orElseThrow());
        }

        DemoThread anna = thread(tx, practiceId, number, "+15551234567", "patient", "Anna Smith", number.inboxId());
        anna.out(reminders, "Hi Anna, this is Bright Smile Dental reminding you of your cleaning tomorrow at 10:30 AM. Reply C to confirm or call us to reschedule.", now.minus(Duration.ofHours(20)), "delivered", null);
        anna.in("C - see you then! Should I bring my new insurance card?", now.minus(Duration.ofMinutes(12)));

        DemoThread marcus = thread(tx, practiceId, number, "+15552345678", "patient", "Marcus Johnson", number.inboxId());
        marcus.in("Hi, I've had a toothache since yesterday. Any chance I can come in today?", now.minus(Duration.ofHours(3)));
        marcus.out(Sender.user(jordan.id(), jordan.name()), "Hi Marcus, sorry to hear that! We can see you at 2:15 PM today with Dr. Green. Does that work?", now.minus(Duration.ofHours(2).plusMinutes(50)), "delivered", null);
        marcus.in("Yes perfect, thank you!", now.minus(Duration.ofMinutes(40)));
        conversations.setAssignee(tx, practiceId, marcus.conversation.id(), jordan.id());

        DemoThread lead = thread(tx, practiceId, number, "+15553456789", "lead", null, number.inboxId());
        lead.in("Hello, do you accept Delta Dental? Looking for a new dentist for my family of four.", now.minus(Duration.ofMinutes(95)));

        DemoThread priya = thread(tx, practiceId, number, "+15554567890", "patient", "Priya Patel", number.inboxId());
        priya.out(Sender.user(alex.id(), alex.name()), "Hi Priya, your crown is back from the lab. Would Thursday at 9 AM work for the fitting?", now.minus(Duration.ofDays(2)), "delivered", null);
        priya.in("Thursday 9 works, thanks!", now.minus(Duration.ofDays(2).minusMinutes(30)));
        priya.markRead();
        conversations.setStatus(tx, priya.conversation.id(), "closed");

        DemoThread robert = thread(tx, practiceId, number, "+15555678901", "patient", "Robert Chen", number.inboxId());
        robert.out(forms, "Hi Robert, please complete your health history form before Monday's visit: https://forms.example/bsd/8841", now.minus(Duration.ofDays(1)), "delivered", null);
        Instant robertStops = now.minus(Duration.ofHours(23));
        robert.in("Stop.", robertStops); // what the keyword rule takes: one word, its full stop ignored; Twilio named it STOP
        robert.markRead();
        consent.change(tx, practiceId, ConsentLog.keyword(robert.contact.id(), robert.conversation.id(), ConsentChange.OPTED_OUT, robertStops,
                "Stop.", "STOP", robert.written.getLast().id()));

        DemoThread emily = thread(tx, practiceId, number, "+15556789012", "patient", "Emily Davis", billing.id());
        emily.in("Can I pay my balance of $85 by card over the phone?", now.minus(Duration.ofMinutes(25)));

        DemoThread tom = thread(tx, practiceId, number, "+15557890123", "patient", "Tom Wilson", number.inboxId());
        tom.out(Sender.user(alex.id(), alex.name()), "Hi Tom, just a reminder that your 6-month checkup is due. Reply or call to book.", now.minus(Duration.ofDays(3)), "undelivered", 30006);
        contacts.setLineType(tx, practiceId, tom.contact.id(), "landline");

        DemoThread spam = thread(tx, practiceId, number, "+15552009999", "lead", null, number.inboxId());
        spam.in("CONGRATS! You won a FREE cruise. Claim now at win-cruise.example", now.minus(Duration.ofDays(4)));
        spam.markRead();
        consent.change(tx, practiceId, ConsentLog.staff(spam.contact.id(), spam.conversation.id(), ConsentChange.BLOCKED,
                now.minus(Duration.ofDays(4)).plus(Duration.ofMinutes(3)), alex.id(), alex.name(), "Spam: a prize scam, not a patient"));
        conversations.setStatus(tx, spam.conversation.id(), "closed"); // blocked: out of the open list

        if (requests != null) {
            seedRequests(tx, practiceId, alex, jordan, anna, marcus, priya, emily, now);
        }

        for (DemoThread t : List.of(anna, marcus, lead, priya, robert, emily, tom, spam)) {
            writes.events().contactChanged(tx, practiceId, t.contact.id());
            writes.events().conversationChanged(tx, practiceId, t.conversation.id());
            for (MessageView m : t.written) {
                writes.events().messageChanged(tx, practiceId, m.id());
            }
        }
    }

    /**
     * The requests a new user should see: Emily paid her balance online minutes ago, Anna's copay waits
     * (delivered), Marcus's old balance expired unpaid (still listed, can be resent or marked paid), and
     * Priya accepted her treatment plan.
     */
    private void seedRequests(Tx tx, long practiceId, Users.User alex, Users.User jordan, DemoThread anna, DemoThread marcus, DemoThread priya,
                                    DemoThread emily, Instant now) throws SQLException {
        List<Long> made = new java.util.ArrayList<>();
        Sender jordanSends = Sender.user(jordan.id(), jordan.name());
        Sender alexSends = Sender.user(alex.id(), alex.name());
        long paid = request(tx, practiceId, emily, jordanSends, RequestKind.PAYMENT, "Hi Emily, your balance of $85.00 at Bright Smile Dental can be paid here: ",
                8500L, "Balance after your cleaning", "INV-2231", null, now.minus(Duration.ofMinutes(20)), Duration.ofDays(30));
        requestRows.delivered(tx, paid, now.minus(Duration.ofMinutes(20)));
        requestRows.opened(tx, paid, now.minus(Duration.ofMinutes(9)));
        requestRows.paid(tx, paid, 8500, "pi_demo_" + sid().substring(2, 14), now.minus(Duration.ofMinutes(7)));
        requestRows.setStatus(tx, paid, RequestStatus.PAID, now.minus(Duration.ofMinutes(7)), RequestService.PATIENT, null, now.minus(Duration.ofMinutes(7)));
        emily.in("Just paid online, thank you!", now.minus(Duration.ofMinutes(5)));
        made.add(paid);

        long open = request(tx, practiceId, anna, alexSends, RequestKind.PAYMENT, "Hi Anna, your $45.00 copay for tomorrow's cleaning can be paid ahead here: ",
                4500L, "Copay for your cleaning", null, null, now.minus(Duration.ofMinutes(10)), Duration.ofDays(30));
        requestRows.delivered(tx, open, now.minus(Duration.ofMinutes(10)));
        requestRows.setStatus(tx, open, RequestStatus.DELIVERED, null, null, null, now.minus(Duration.ofMinutes(10)));
        made.add(open);

        long expired = request(tx, practiceId, marcus, jordanSends, RequestKind.PAYMENT, "Hi Marcus, your balance of $120.00 at Bright Smile Dental can be paid here: ",
                12000L, "X-rays and exam", "INV-1987", null, now.minus(Duration.ofDays(40)), Duration.ofDays(30));
        requestRows.delivered(tx, expired, now.minus(Duration.ofDays(40)));
        requestRows.setStatus(tx, expired, RequestStatus.EXPIRED, null, null, null, now.minus(Duration.ofDays(10)));
        made.add(expired);

        byte[] plan = DemoPdf.of("Treatment plan - Priya Patel", List.of("Bright Smile Dental", "Crown, tooth 30 (D2740): $1,100.00",
                "Core buildup (D2950): $140.00", "Total: $1,240.00", "Your insurance estimate is on page 2 of your statement."));
        String upload = "up_" + Outgoing.token(24);
        uploads.insert(tx, new Uploads.Upload(upload, practiceId, "Treatment plan.pdf", "application/pdf", plan.length, null, null, Outgoing.sha256(plan), plan,
                null, now));
        long accepted = request(tx, practiceId, priya, alexSends, RequestKind.TREATMENT_PLAN, "Hi Priya, your treatment plan from Bright Smile Dental is ready: ",
                124000L, "Crown on tooth 30", null, upload, now.minus(Duration.ofDays(3)), Duration.ofDays(30));
        requestRows.delivered(tx, accepted, now.minus(Duration.ofDays(3)));
        requestRows.opened(tx, accepted, now.minus(Duration.ofDays(2).plusHours(3)));
        requestRows.setStatus(tx, accepted, RequestStatus.ACCEPTED, now.minus(Duration.ofDays(2).plusHours(3)), RequestService.PATIENT, null,
                now.minus(Duration.ofDays(2).plusHours(3)));
        made.add(accepted);
        for (long id : made) {
            requests.changed(tx, practiceId, id);
        }
    }

    /** One request and its message: the text with its link, its secure link, and its document when there is one. */
    private long request(Tx tx, long practiceId, DemoThread thread, Sender sender, RequestKind kind, String text, Long cents, String description,
                         String reference, String document, Instant at, Duration lasts) throws SQLException {
        String token = Outgoing.token(16);
        String link = requests.settings().linkBase() + token;
        MessageView m = messages.insert(tx, practiceId, new Messages.NewMessage(thread.conversation.id(), "out", text + link, "delivered", sid(), null,
                sender, List.of(), at));
        links.create(tx, token, practiceId, m.id(), thread.contact.id(), false, at.plus(lasts), at);
        if (document != null) {
            media.attachUpload(tx, practiceId, m.id(), 0, document, MediaDelivery.LINK, link, null, at.plus(lasts));
        }
        thread.written.add(m);
        conversations.touch(tx, thread.conversation.id(), at, text + link, "out");
        return requestRows.insert(tx, new Requests.NewRequest(practiceId, kind, thread.conversation.id(), thread.contact.id(), m.id(), token, at.plus(lasts),
                description, reference, cents, "USD", null, null, null, sender, at));
    }

    private DemoThread thread(Tx tx, long practiceId, Practices.PracticeNumber number, String phone, String kind, String name, long inboxId) throws SQLException {
        Instant now = clock.instant();
        Optional<ContactView> existing = contacts.byPhone(tx, practiceId, phone);
        // Patients carry the id the practice software gave them (shown on the Patients page); leads have none yet.
        String patientId = "patient".equals(kind) ? "PMS-" + phone.substring(phone.length() - 4) : null;
        ContactView contact = existing.isPresent() ? existing.get() : contacts.create(tx, practiceId, phone, kind, name, patientId, now);
        ConversationView conversation = conversations.create(tx, practiceId, number.id(), contact.id(), inboxId, now);
        return new DemoThread(tx, practiceId, contact, conversation);
    }

    private String sid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }

    /** Writes one demo conversation's messages in order. */
    private final class DemoThread {
        final Tx tx;
        final long practiceId;
        final ContactView contact;
        final ConversationView conversation;
        final java.util.ArrayList<MessageView> written = new java.util.ArrayList<>();

        DemoThread(Tx tx, long practiceId, ContactView contact, ConversationView conversation) {
            this.tx = tx;
            this.practiceId = practiceId;
            this.contact = contact;
            this.conversation = conversation;
        }

        void in(String body, Instant at) throws SQLException {
            written.add(messages.insert(tx, practiceId, new Messages.NewMessage(conversation.id(), "in", body, "received", sid(), null,
                    Sender.contact(contact.name()), List.of(), at)));
            conversations.reopenAndCountUnread(tx, conversation.id());
            conversations.touch(tx, conversation.id(), at, body, "in");
        }

        void out(Sender sender, String body, Instant at, String status, Integer errorCode) throws SQLException {
            MessageView m = messages.insert(tx, practiceId, new Messages.NewMessage(conversation.id(), "out", body, status, sid(),
                    null, sender, List.of(), at));
            if (errorCode != null) {
                messages.setStatus(tx, m.id(), status, errorCode, CarrierErrors.explain(errorCode), at);
            }
            written.add(m);
            conversations.touch(tx, conversation.id(), at, body, "out");
        }

        void markRead() throws SQLException {
            conversations.setUnreadCount(tx, practiceId, conversation.id(), 0);
        }
    }
}
