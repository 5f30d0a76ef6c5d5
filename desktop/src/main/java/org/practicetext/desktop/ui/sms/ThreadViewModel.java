// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

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
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.MessagePage;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The open thread: its conversation and contact, its messages (newest page first, older pages
 * when the user scrolls to the top), and the header's actions. Opening a thread marks it read
 * while the user is looking ({@link #attentiveProperty()}: window focused, SMS page showing);
 * a sync that touches the thread reloads it in place, keeping the pages already loaded.
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
    private long generation;
    private boolean loadingOlder;

    public ThreadViewModel(UiSession session) {
        this.session = session;
        session.events().onChange(change -> {
            if (change.team() || change.reset()) {
                refreshTeam();
            }
            if (change.inboxes() || change.reset()) {
                refreshInboxes();
            }
            if (openId != null && (change.reset() || change.contacts() || change.conversationIds().contains(openId))) {
                load(openId, Math.max(PAGE, messages.size()), false);
            }
        });
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
        messages.clear();
        olderCursor = null;
        hasOlder.set(false);
        conversation.set(null);
        contact.set(null);
        if (conversationId != null) {
            load(conversationId, PAGE, true);
        } else {
            generation++;
        }
    }

    /** Loads the page before the oldest shown (the view calls this at the top of the scroll). */
    public void loadOlder() {
        if (openId == null || olderCursor == null || loadingOlder) {
            return;
        }
        loadingOlder = true;
        long id = openId;
        long ask = generation;
        MessagePage.MessageCursor cursor = olderCursor;
        session.tasks().run(() -> session.client().messages().messages(id, cursor, PAGE), page -> {
            loadingOlder = false;
            if (ask == generation && Long.valueOf(id).equals(openId)) {
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
        long ask = ++generation;
        session.tasks().run(() -> {
            Optional<ConversationRow> row = session.client().conversations().conversation(id);
            Optional<ContactRow> person = row.flatMap(r -> session.client().directory().contactByPhone(r.phone()));
            return new Loaded(row.orElse(null), person.orElse(null), session.client().messages().messages(id, null, pageSize));
        }, loaded -> {
            if (ask != generation || !Long.valueOf(id).equals(openId)) {
                return;
            }
            conversation.set(loaded.row());
            contact.set(loaded.contact());
            List<MessageRow> page = loaded.page().messages();
            if (fresh || !page.equals(messages)) {
                messages.setAll(page);
            }
            olderCursor = loaded.page().olderCursor();
            hasOlder.set(olderCursor != null);
            markReadIfAttentive();
        });
    }

    private void markReadIfAttentive() {
        ConversationRow row = conversation.get();
        if (attentive.get() && row != null && row.unreadCount() > 0 && row.id() == (openId == null ? -1 : openId)) {
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

    private record Loaded(ConversationRow row, ContactRow contact, MessagePage page) {
    }
}
