// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.CarrierErrors;
import org.practicetext.core.Permission;
import org.practicetext.core.Role;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.MessagePage;
import org.practicetext.desktop.cache.MessageQueries;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The open thread: its conversation and contact, its messages (newest page first, older pages
 * when the user scrolls to the top), and the header's actions. Two things mark a thread read:
 * the act of opening it, and an incoming text placed into it while it is open; either waits
 * until the user is looking ({@link #attentiveProperty()}: window focused, SMS page showing).
 * Nothing else does — a batch that only changed the row (someone marked it unread, a resync, a
 * list refresh) leaves the unread state alone — and a role that cannot reply never marks read
 * (the team keeps the signal that a text waits for an answer).
 * A change batch that touches the thread is put in place from the rows it carries (the
 * conversation, the messages written or removed), keeping the pages already loaded; the thread
 * asks the cache again only for a changed contact, or everything after a resync.
 */
public final class ThreadViewModel {
    static final int PAGE = 50;
    static final String LANDLINE_WARNING = "This number looks like a landline; texts usually don't arrive. Send anyway?";
    private static final String LANDLINE = "landline";

    private final UiSession session;
    private final ReadOnlyObjectWrapper<ConversationRow> conversation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ContactRow> contact = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MessageRow> messages = FXCollections.observableArrayList();
    private final ObservableList<Directory.TeamMember> team = FXCollections.observableArrayList();
    private final ObservableList<Directory.Inbox> inboxes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper();
    private final BooleanProperty attentive = new SimpleBooleanProperty(true);
    private MessagePage.MessageCursor olderCursor;
    private Long openId;
    private final LatestQuery<Loaded> loader;
    private boolean loadingOlder;
    /** Opened, or a text arrived, and not yet marked read (the user was not looking then). */
    private boolean readPending;
    private Consumer<ConversationRow> markUnread = row -> { };
    private final Set<Long> retrying = new HashSet<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ThreadRequests requests;
    private final ThreadConsent consent;

    public ThreadViewModel(UiSession session) {
        this.session = session;
        this.requests = new ThreadRequests(session, this::patientFirstName);
        this.consent = new ThreadConsent(session, conversation::get);
        messages.addListener((javafx.collections.ListChangeListener<MessageRow>) c -> {
            requests.messagesChanged();
            consent.messagesChanged();
        });
        hasOlder.addListener((o, was, now) -> consent.messagesChanged());
        this.loader = new LatestQuery<>(session.tasks(), this::show);
        session.events().onChange(this::changed);
        attentive.addListener((o, was, now) -> markReadIfAttentive());
        refreshTeam();
        refreshInboxes();
    }

    public ReadOnlyObjectProperty<ConversationRow> conversationProperty() {
        return conversation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContactRow> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    /** Oldest first, as the thread shows them. */
    public ObservableList<MessageRow> messages() {
        return messages;
    }

    public ObservableList<Directory.TeamMember> team() {
        return team;
    }

    public ObservableList<Directory.Inbox> inboxes() {
        return inboxes;
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    /** Whether the user can see the thread now (so arriving texts count as read). */
    public BooleanProperty attentiveProperty() {
        return attentive;
    }

    public Long openId() {
        return openId;
    }

    /** The open thread's requests: the chips on its bubbles, its outcome lines and its Requests view. */
    public ThreadRequests requests() {
        return requests;
    }

    /** The open thread's consent records (ADR 0025): its system lines and its contact's state. */
    public ThreadConsent consent() {
        return consent;
    }

    /** The patient's first name for the thread's outcome lines ("Maria accepted…"); null for an unnamed lead. */
    private String patientFirstName() {
        ConversationRow row = conversation.get();
        if (row == null || row.contactName() == null || row.contactName().isBlank()) {
            return null;
        }
        return row.contactName().strip().split("\\s+")[0];
    }

    public boolean canAssign() {
        return session.can(Permission.SMS_ASSIGN);
    }

    /** This workstation's settings: the cells follow its privacy screen (ADR 0026). */
    public org.practicetext.desktop.ui.common.LocalSettings settings() {
        return session.settings();
    }

    /** Replying, closing, reopening and retrying need {@code sms.send}, as on the relay. */
    public boolean canReply() {
        return session.can(Permission.SMS_SEND);
    }

    public boolean canBlock() {
        return session.can(Permission.CONTACTS_BLOCK);
    }

    /** Opens a conversation (or none). */
    public void open(Long conversationId) {
        openId = conversationId;
        readPending = conversationId != null;
        messages.clear();
        olderCursor = null;
        hasOlder.set(false);
        conversation.set(null);
        contact.set(null);
        requests.open(conversationId);
        consent.open(conversationId);
        if (conversationId != null) {
            load(conversationId, PAGE, true);
        } else {
            loader.cancel();
        }
    }

    /** Loads the page before the oldest shown (the view calls this at the top of the scroll). */
    public void loadOlder() {
        if (openId == null || olderCursor == null || loadingOlder) {
            return;
        }
        loadingOlder = true;
        long id = openId;
        long asked = loader.latest();
        MessagePage.MessageCursor cursor = olderCursor;
        session.tasks().run(() -> session.client().messages().messages(id, cursor, PAGE), page -> {
            loadingOlder = false;
            if (asked == loader.latest() && Long.valueOf(id).equals(openId)) {
                messages.addAll(0, page.messages());
                olderCursor = page.olderCursor();
                hasOlder.set(olderCursor != null);
            }
        }, e -> {
            loadingOlder = false;
            session.tasks().failures().accept(e);
        });
    }

    public void assign(Directory.TeamMember member) {
        act(id -> session.client().conversations().assign(id, member.id()));
    }

    public void unassign() {
        act(id -> session.client().conversations().unassign(id));
    }

    public void move(Directory.Inbox target) {
        act(id -> session.client().conversations().move(id, target.id()));
    }

    public void close() {
        act(id -> session.client().conversations().close(id));
    }

    /** Where the thread's "Mark as Unread" goes: the list marks it and leaves the open thread (set by the SMS page). */
    public void setMarkUnread(Consumer<ConversationRow> markUnread) {
        this.markUnread = markUnread;
    }

    /** Mark as Unread from the thread's menu: the same act as the list row's, so the thread is left and nothing re-marks it read. */
    public void markUnread() {
        ConversationRow row = conversation.get();
        if (row != null) {
            markUnread.accept(row);
        }
    }

    public void reopen() {
        act(id -> session.client().conversations().reopen(id));
    }

    /** Team members the conversation can be assigned to: active, and able to reply (the assignee is who answers). */
    public List<Directory.TeamMember> assignees() {
        return team.stream().filter(Directory.TeamMember::active)
                .filter(m -> Role.fromWire(m.role()).map(r -> r.allows(Permission.SMS_SEND)).orElse(false)).toList();
    }

    /** The open thread's contact in the block question and toast: the name, or the number for an unnamed lead. */
    public String contactLabel() {
        ConversationRow row = conversation.get();
        if (row == null) {
            return "";
        }
        return row.contactName() != null && !row.contactName().isBlank() ? row.contactName() : row.displayPhone();
    }

    /** What Block asks before it acts: what blocking does on the relay (the send refusal, the withheld texts, the quiet inbound). */
    public String blockQuestion() {
        String who = contactLabel();
        return "No texts will be sent to " + who + ", including any still waiting to go out. Texts from " + who
                + " still arrive and are kept in this conversation, but they won't reopen it, count as unread or move it to the top. "
                + "You can unblock them at any time.";
    }

    /** Something the thread did that the shell shows as a toast, with an action (Undo). A new object each time. */
    public record Notice(String text, String actionLabel, Runnable action) {
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Blocks the contact with no reason given. */
    public void block() {
        block(null);
    }

    /**
     * Blocks the contact (the view asked first, with an optional reason kept in the consent record);
     * the toast offers Undo, which unblocks the same contact.
     */
    public void block(String reason) {
        ConversationRow row = conversation.get();
        if (row != null) {
            long contactId = row.contactId();
            String who = contactLabel();
            session.tasks().run(() -> {
                session.client().directory().block(contactId, reason);
                return contactId;
            }, blocked -> notice.set(new Notice(who + " is blocked: no texts will be sent to them.", "Undo",
                    () -> session.tasks().run(() -> session.client().directory().unblock(contactId, null)))));
        }
    }

    public void unblock() {
        unblock(null);
    }

    public void unblock(String reason) {
        ConversationRow row = conversation.get();
        if (row != null) {
            session.tasks().run(() -> session.client().directory().unblock(row.contactId(), reason));
        }
    }

    /** Whether the contact is opted out now (the row's flag or the contact's: a queued opt-out shows at once). */
    public boolean optedOut() {
        ConversationRow row = conversation.get();
        ContactRow person = contact.get();
        return row != null && row.optedOut() || person != null && person.optedOut();
    }

    /** Record opt-out… is for anyone who may text (stopping texts is always allowed), while the contact is not opted out. */
    public boolean canRecordOptOut() {
        return canReply() && !optedOut();
    }

    /** Undo opt-out… only for an opt-out that staff recorded, and only with contacts.block (ADR 0025). */
    public boolean canUndoOptOut() {
        return optedOut() && canBlock() && ConsentText.staffMayUndo(consent.stateProperty().get());
    }

    /** What the thread's menu says about an opt-out staff may not undo (by keyword or by the carrier); empty otherwise. */
    public Optional<String> optOutEndsWithPatient() {
        return optedOut() ? ConsentText.howItEnds(contactOrRow(), consent.stateProperty().get()) : Optional.empty();
    }

    /** What Record opt-out asks: what it does. */
    public String optOutQuestion() {
        return "Record that " + contactLabel() + " asked not to be texted (in person or on the phone). No texts will be sent to them, "
                + "including any still waiting to go out. A team member who may block contacts can undo it.";
    }

    /** Records the patient's opt-out (asked in person); the reason is optional. The composer refuses at once. */
    public void recordOptOut(String reason) {
        ConversationRow row = conversation.get();
        if (row != null) {
            long contactId = row.contactId();
            String who = contactLabel();
            session.tasks().run(() -> {
                session.client().directory().optOut(contactId, reason);
                return contactId;
            }, done -> notice.set(new Notice(who + " is opted out: no texts will be sent to them.", null, null)));
        }
    }

    /** Undoes a staff opt-out; the reason is required (the relay keeps it). */
    public void undoOptOut(String reason) {
        ConversationRow row = conversation.get();
        if (row != null && reason != null && !reason.isBlank()) {
            session.tasks().run(() -> session.client().directory().optIn(row.contactId(), reason));
        }
    }

    /** The contact as the consent wording needs it: the cached contact, or one made from the conversation's row. */
    private ContactRow contactOrRow() {
        ContactRow person = contact.get();
        ConversationRow row = conversation.get();
        if (person != null || row == null) {
            return person;
        }
        return new ContactRow(row.contactId(), row.phone(), row.displayPhone(), row.kind(), row.contactName(), null, row.optedOut(), null,
                row.blocked(), row.lineType(), row.id());
    }

    /** The contact's consent state with its source, for the header ("Opted out — texted 'STOP' on Nov 27, 3:12 PM"); empty when textable. */
    public Optional<String> consentState() {
        return ConsentText.state(contactOrRow(), consent.stateProperty().get(), session.times());
    }

    /**
     * Why Retry should ask first, or empty: the number is known to be a landline (its line type,
     * or the carrier's landline codes such as 21614 and 30006), where texts usually don't arrive.
     */
    public Optional<String> retryWarning(MessageRow message) {
        ConversationRow row = conversation.get();
        ContactRow person = contact.get();
        boolean landline = CarrierErrors.meansLandline(message.errorCode()) || row != null && LANDLINE.equals(row.lineType())
                || person != null && LANDLINE.equals(person.lineType());
        return landline ? Optional.of(LANDLINE_WARNING) : Optional.empty();
    }

    /** Whether a retry of this message was asked for and is being queued (its bubble offers no Retry meanwhile). */
    public boolean retrying(MessageRow message) {
        return retrying.contains(message.id());
    }

    /**
     * Sends a failed message again, once: the outbox item itself, or (a message the relay had
     * accepted) the same message as a new attempt whose status the bubble then follows. A second
     * call before the first is queued does nothing, and the outbox refuses a second retry of a
     * message that is not failed any more.
     */
    public void retry(MessageRow message) {
        if (!message.failed() || !canReply() || !retrying.add(message.id())) {
            return;
        }
        Runnable done = () -> retrying.remove(message.id());
        if (message.local() && message.outboxItemId() != null) {
            session.tasks().run(() -> {
                session.client().messages().retry(message.outboxItemId());
                return null;
            }, x -> done.run(), e -> {
                done.run();
                session.tasks().failures().accept(e);
            });
        } else {
            session.tasks().run(() -> session.client().messages().retrySent(message.id()), x -> done.run(), e -> {
                done.run();
                session.tasks().failures().accept(e);
            });
        }
    }

    /** Drops a message the relay refused before it was ever sent. */
    public void discard(MessageRow message) {
        if (message.local() && message.outboxItemId() != null) {
            session.tasks().run(() -> session.client().messages().discard(message.outboxItemId()));
        }
    }

    private void act(IdAction action) {
        Long id = openId;
        if (id != null) {
            session.tasks().run(() -> action.run(id));
        }
    }

    private void load(long id, int pageSize, boolean fresh) {
        loader.ask(() -> {
            Optional<ConversationRow> row = session.client().conversations().conversation(id);
            Optional<ContactRow> person = row.flatMap(r -> session.client().directory().contactByPhone(r.phone()));
            return new Loaded(id, fresh, row.orElse(null), person.orElse(null), session.client().messages().messages(id, null, pageSize));
        });
    }

    private void show(Loaded loaded) {
        if (!Long.valueOf(loaded.id()).equals(openId)) {
            return;
        }
        conversation.set(loaded.row());
        contact.set(loaded.contact());
        List<MessageRow> page = loaded.page().messages();
        if (loaded.fresh() || !page.equals(messages)) {
            messages.setAll(page);
        }
        olderCursor = loaded.page().olderCursor();
        hasOlder.set(olderCursor != null);
        markReadIfAttentive();
    }

    private void changed(ChangeBatch batch) {
        if (batch.team() != null) {
            team.setAll(batch.team());
        }
        if (batch.inboxes() != null) {
            inboxes.setAll(batch.inboxes());
        }
        Long id = openId;
        if (id == null || !batch.touches(id) && !batch.resynced()) {
            return;
        }
        if (textArrived(batch, id)) {
            readPending = true;
        }
        ConversationRow shown = conversation.get();
        if (batch.resynced() || loader.busy() || shown == null) {
            load(id, Math.max(PAGE, messages.size()), false);
            return;
        }
        ConversationRow row = batch.conversations().get(id);
        conversation.set(row);
        if (row != null && (batch.contactChanged(row.contactId()) || !row.phone().equals(shown.phone()))) {
            session.tasks().run(() -> session.client().directory().contactByPhone(row.phone()), person -> {
                if (id.equals(openId)) {
                    contact.set(person.orElse(null));
                }
            });
        }
        placeMessages(batch, id);
        markReadIfAttentive();
    }

    /** The batch's written messages of this thread in (createdAt, id) order; removed ones out; older than the loaded pages left for them. */
    private void placeMessages(ChangeBatch batch, long id) {
        List<MessageRow> rows = new ArrayList<>(messages);
        for (long messageId : batch.messageIds(id)) {
            rows.removeIf(m -> m.id() == messageId);
            MessageRow written = batch.messages().get(messageId);
            if (written == null || written.conversationId() != id) {
                continue;
            }
            int at = Collections.binarySearch(rows, written, MessageQueries.ORDER);
            int index = at < 0 ? -at - 1 : at;
            if (index == 0 && hasOlder.get() && !rows.isEmpty()) {
                continue;
            }
            rows.add(index, written);
        }
        if (!rows.equals(messages)) {
            messages.setAll(rows);
        }
    }

    /** Whether the batch carries an incoming message of this thread that it does not show yet. */
    private boolean textArrived(ChangeBatch batch, long id) {
        for (long messageId : batch.messageIds(id)) {
            MessageRow written = batch.messages().get(messageId);
            if (written != null && written.conversationId() == id && "in".equals(written.direction())
                    && messages.stream().noneMatch(m -> m.id() == messageId)) {
                return true;
            }
        }
        return false;
    }

    private void markReadIfAttentive() {
        ConversationRow row = conversation.get();
        if (!readPending || !attentive.get() || row == null || row.id() != (openId == null ? -1 : openId)) {
            return;
        }
        readPending = false;
        if (row.unreadCount() > 0 && session.can(Permission.SMS_SEND)) {
            session.tasks().run(() -> session.client().conversations().markRead(row.id()));
        }
    }

    private void refreshTeam() {
        session.tasks().run(session.client().directory()::team, team::setAll);
    }

    private void refreshInboxes() {
        session.tasks().run(session.client().directory()::inboxes, inboxes::setAll);
    }

    @FunctionalInterface
    private interface IdAction {
        void run(long conversationId) throws Exception;
    }

    private record Loaded(long id, boolean fresh, ConversationRow row, ContactRow contact, MessagePage page) {
    }
}
