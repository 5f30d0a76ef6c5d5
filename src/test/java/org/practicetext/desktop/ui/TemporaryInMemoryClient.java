// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.Permission;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.core.Role;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.MessageHit;
import org.practicetext.desktop.cache.MessagePage;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.sync.ChangeSet;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.UserView;

/** TEMPORARY, until the real client is merged: demo-like data in memory, to look at the screens. */
public final class TemporaryInMemoryClient implements DesktopClient {
    final List<Consumer<ChangeSet>> changes = new CopyOnWriteArrayList<>();
    final Map<Long, ConversationRow> conversations = new ConcurrentHashMap<>();
    final Map<Long, List<MessageRow>> messages = new ConcurrentHashMap<>();
    final AtomicLong ids = new AtomicLong(100);
    final Instant now = Instant.now();
    final PhoneNumbers phones = new PhoneNumbers("US");

    public TemporaryInMemoryClient() {
        add(1, "Anna Smith", "+15551234567", "patient", 1, null, "Front Desk", false, false, null,
                msg(1, "out", "Hi Anna, this is Bright Smile Dental reminding you of your cleaning tomorrow at 10:30 AM. Reply C to confirm or call us to reschedule.", "campaign", "Appointment Reminders Campaign", "delivered", null, 1200),
                msg(1, "in", "C - see you then! Should I bring my new insurance card?", "contact", null, "received", null, 12));
        add(2, "Marcus Johnson", "+15552345678", "patient", 1, "Jordan Lee", "Front Desk", false, false, null,
                msg(2, "in", "Hi, I've had a toothache since yesterday. Any chance I can come in today?", "contact", null, "received", null, 180),
                msg(2, "out", "Hi Marcus, sorry to hear that! We can see you at 2:15 PM today with Dr. Green. Does that work?", "user", "Jordan Lee", "delivered", null, 170),
                msg(2, "in", "Yes perfect, thank you!", "contact", null, "received", null, 40));
        add(3, null, "+15553456789", "lead", 1, null, "Front Desk", false, false, null,
                msg(3, "in", "Hello, do you accept Delta Dental? Looking for a new dentist for my family of four.", "contact", null, "received", null, 95));
        add(5, "Robert Chen", "+15555678901", "patient", 0, null, "Front Desk", true, false, null,
                msg(5, "out", "Hi Robert, please complete your health history form before Monday's visit: https://forms.example/bsd/8841", "campaign", "Form Invites Campaign", "delivered", null, 1440),
                msg(5, "in", "STOP", "contact", null, "received", null, 1380));
        add(6, "Emily Davis", "+15556789012", "patient", 1, null, "Billing", false, false, null,
                msg(6, "in", "Can I pay my balance of $85 by card over the phone?", "contact", null, "received", null, 25));
        add(4, "Priya Patel", "+15554567890", "patient", 0, null, "Front Desk", false, false, null,
                msg(4, "out", "Hi Priya, your crown is back from the lab. Would Thursday at 9 AM work for the fitting?", "user", "Alex Rivera", "delivered", null, 2880),
                msg(4, "in", "Thursday 9 works, thanks!", "contact", null, "received", null, 2850));
        conversations.computeIfPresent(4L, (k, r) -> with(r, 0, "closed"));
        add(8, null, "+15550009999", "lead", 0, null, "Front Desk", false, true, null,
                msg(8, "in", "CONGRATS! You won a FREE cruise. Claim now at win-cruise.example", "contact", null, "received", null, 5760));
        add(7, "Tom Wilson", "+15557890123", "patient", 0, null, "Front Desk", false, false, "landline",
                msg(7, "out", "Hi Tom, just a reminder that your 6-month checkup is due. Reply or call to book.", "user", "Alex Rivera", "undelivered", 30006, 4320));
    }

    private MessageRow msg(long conv, String dir, String body, String kind, String sender, String status, Integer code, long minutesAgo) {
        return new MessageRow(ids.incrementAndGet(), conv, null, dir, body, status, code, null, kind, sender, List.of(), now.minus(Duration.ofMinutes(minutesAgo)), false, null);
    }

    private void add(long id, String name, String phone, String kind, int unread, String assignee, String inbox, boolean optedOut, boolean blocked,
                     String lineType, MessageRow... thread) {
        MessageRow last = thread[thread.length - 1];
        boolean failed = last.outgoing() && last.failed();
        conversations.put(id, new ConversationRow(id, id + 1000, name, phone, phones.display(phone), kind, last.body(), last.direction(), last.createdAt(),
                unread, "open", assignee == null ? null : 2L, assignee, "Billing".equals(inbox) ? 2 : 1, inbox, optedOut, blocked, lineType, failed, 0));
        messages.put(id, new ArrayList<>(List.of(thread)));
    }

    @Override public UserView me() { return new UserView(1, "alex", "Alex Rivera", "admin", List.of(), true); }
    @Override public PracticeView practice() { return new PracticeView(1, "demo", "Bright Smile Dental", "US", "America/New_York"); }
    @Override public boolean can(Permission permission) { return Role.ADMIN.allows(permission); }
    @Override public ConnectionState connection() { return new ConnectionState(ConnectionState.Kind.ONLINE, now, 0, 0, 0, null); }
    @Override public void onConnection(Consumer<ConnectionState> listener) { }
    @Override public void onChange(Consumer<ChangeSet> listener) { changes.add(listener); }

    @Override
    public List<ConversationRow> conversations(ConversationFilter filter, int limit) {
        return conversations.values().stream()
                .filter(r -> switch (filter.status()) {
                    case ALL_OPEN -> r.isOpen();
                    case OPEN_UNREAD -> r.isOpen() && r.unreadCount() > 0;
                    case ALL -> true;
                    case CLOSED -> !r.isOpen();
                })
                .filter(r -> switch (filter.contactType()) {
                    case ALL -> true;
                    case PATIENTS -> r.kind().equals("patient");
                    case LEADS -> r.kind().equals("lead");
                })
                .filter(r -> switch (filter.assignment()) {
                    case ALL -> true;
                    case MINE -> Long.valueOf(1).equals(r.assigneeId());
                    case UNASSIGNED -> r.assigneeId() == null;
                })
                .filter(r -> filter.inboxId() == null || r.inboxId() == filter.inboxId())
                .filter(r -> filter.search() == null || r.displayName().toLowerCase().contains(filter.search().toLowerCase())
                        || (!PhoneNumbers.digitsKey(filter.search()).isEmpty() && r.phone().contains(PhoneNumbers.digitsKey(filter.search()))))
                .sorted(Comparator.comparing(ConversationRow::lastMessageAt).reversed()).limit(limit).toList();
    }

    @Override public Optional<ConversationRow> conversation(long id) { return Optional.ofNullable(conversations.get(id)); }
    @Override public MessagePage messages(long id, MessagePage.MessageCursor before, int pageSize) {
        return new MessagePage(before == null ? List.copyOf(messages.getOrDefault(id, List.of())) : List.of(), null);
    }
    @Override public List<MessageHit> searchMessages(String text, int limit) {
        return messages.values().stream().flatMap(List::stream).filter(m -> m.body().toLowerCase().contains(text.toLowerCase()))
                .map(m -> new MessageHit(m.id(), m.conversationId(), conversations.get(m.conversationId()).displayName(), m.body(), m.createdAt())).limit(limit).toList();
    }
    @Override public int unreadBadge() { return conversations.values().stream().mapToInt(ConversationRow::unreadCount).sum(); }
    @Override public List<ContactRow> contacts(String search, int limit) {
        return conversations.values().stream().map(r -> new ContactRow(r.contactId(), r.phone(), r.displayPhone(), r.kind(), r.contactName(), null, r.optedOut(),
                r.optedOut() ? now.minus(Duration.ofDays(1)) : null, r.blocked(), r.lineType(), r.id()))
                .filter(c -> search == null || search.isBlank() || c.displayName().toLowerCase().contains(search.toLowerCase())).limit(limit).toList();
    }
    @Override public Optional<ContactRow> contactByPhone(String e164) { return contacts("", 100).stream().filter(c -> c.phone().equals(e164)).findFirst(); }
    @Override public List<ContactRow> optedOut(String search) { return contacts(search, 100).stream().filter(ContactRow::optedOut).toList(); }
    @Override public List<ContactRow> blocked() { return contacts("", 100).stream().filter(ContactRow::blocked).toList(); }
    @Override public List<Directory.Inbox> inboxes() { return List.of(new Directory.Inbox(1, "Front Desk"), new Directory.Inbox(2, "Billing")); }
    @Override public List<Directory.TeamMember> team() {
        return List.of(new Directory.TeamMember(1, "alex", "Alex Rivera", "admin", true), new Directory.TeamMember(2, "jordan", "Jordan Lee", "staff", true));
    }
    @Override public List<Directory.Template> templates() { return List.of(); }
    @Override public List<OutboxItem> outbox() { return List.of(); }

    @Override
    public String send(long conversationId, String body) {
        messages.get(conversationId).add(new MessageRow(-ids.incrementAndGet(), conversationId, "c", "out", body, "sending", null, null, "user", "Alex Rivera", List.of(), Instant.now(), true, null));
        fire(conversationId);
        return "c";
    }

    @Override public String sendTo(String phone, String body) { return "c"; }
    @Override public void close(long id) { update(id, r -> with(r, 0, "closed")); }
    @Override public void reopen(long id) { update(id, r -> with(r, r.unreadCount(), "open")); }
    @Override public void markRead(long id) { update(id, r -> with(r, 0, r.status())); }
    @Override public void markUnread(long id) { update(id, r -> with(r, 1, r.status())); }
    @Override public void assign(long c, long u) { }
    @Override public void unassign(long c) { }
    @Override public void move(long c, long i) { }
    @Override public void block(long c) { }
    @Override public void unblock(long c) { }
    @Override public void retry(long o) { }
    @Override public void discard(long o) { }
    @Override public Directory.Inbox createInbox(String name) { return new Directory.Inbox(9, name); }
    @Override public void renameInbox(long id, String name) { }
    @Override public void deleteInbox(long id, long to) { }
    @Override public ImportReport importPatients(String csv) { return new ImportReport(0, 0, List.of()); }
    @Override public void signOut() { }
    @Override public void close() { }

    void receive(String phone, String body) {
        ConversationRow r = conversations.values().stream().filter(c -> c.phone().equals(phone)).findFirst().orElseThrow();
        MessageRow m = new MessageRow(ids.incrementAndGet(), r.id(), null, "in", body, "received", null, null, "contact", null, List.of(), Instant.now(), false, null);
        messages.get(r.id()).add(m);
        conversations.put(r.id(), new ConversationRow(r.id(), r.contactId(), r.contactName(), r.phone(), r.displayPhone(), r.kind(), body, "in", m.createdAt(),
                r.unreadCount() + 1, "open", r.assigneeId(), r.assigneeName(), r.inboxId(), r.inboxName(), r.optedOut(), r.blocked(), r.lineType(), false, 0));
        new Thread(() -> fire(r.id())).start();
    }

    private static ConversationRow with(ConversationRow r, int unread, String status) {
        return new ConversationRow(r.id(), r.contactId(), r.contactName(), r.phone(), r.displayPhone(), r.kind(), r.preview(), r.lastDirection(), r.lastMessageAt(),
                unread, status, r.assigneeId(), r.assigneeName(), r.inboxId(), r.inboxName(), r.optedOut(), r.blocked(), r.lineType(), r.lastOutboundFailed(), r.waitingToSend());
    }

    private void update(long id, java.util.function.UnaryOperator<ConversationRow> change) {
        conversations.computeIfPresent(id, (k, r) -> change.apply(r));
        fire(id);
    }

    private void fire(long id) {
        ChangeSet set = new ChangeSet(Set.of(id), false, false, false, false, false);
        changes.forEach(l -> l.accept(set));
    }
}
