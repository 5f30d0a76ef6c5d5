// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.Permission;
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

    public ThreadViewModel(UiSession session) {
        this.session = session;
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

    public boolean canAssign() {
        return session.can(Permission.SMS_ASSIGN);
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

    public void reopen() {
        act(id -> session.client().conversations().reopen(id));
    }

    public void block() {
        ConversationRow row = conversation.get();
        if (row != null) {
            session.tasks().run(() -> session.client().directory().block(row.contactId()));
        }
    }

    public void unblock() {
        ConversationRow row = conversation.get();
        if (row != null) {
            session.tasks().run(() -> session.client().directory().unblock(row.contactId()));
        }
    }

    /** Sends a failed message again: the outbox item itself, or the same text as a new message. */
    public void retry(MessageRow message) {
        if (message.local() && message.outboxItemId() != null) {
            session.tasks().run(() -> session.client().messages().retry(message.outboxItemId()));
        } else {
            session.tasks().run(() -> session.client().messages().send(message.conversationId(), message.body()));
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
