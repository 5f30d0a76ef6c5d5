// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The SMS page's parts and how they move together: the list's selection opens the thread and
 * points the composer at it; the pencil switches the right side to "New message" (Cancel goes
 * back to the thread that was open); a first text to a new number opens that number's
 * conversation as soon as the cache has it. The selection is the list's
 * ({@link ConversationListViewModel#select}) and only a person's act changes it: a click or key
 * in the list, {@link #open} (a toast's "Open", the Patients page, the new-message picker, a text
 * they sent to a new number), {@link #closeThread}, {@link #startNewMessage}. A selected
 * conversation that the filters stop listing stays open, marked as outside the list.
 */
public final class SmsPageViewModel {
    /** What the right side shows. */
    public enum Mode { THREAD, NEW_MESSAGE }

    private final UiSession session;
    private final ConversationListViewModel list;
    private final ThreadViewModel thread;
    private final ComposerViewModel composer;
    private final NewMessageViewModel newMessage;
    private final AttachmentsViewModel attachments;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.THREAD);
    private String pendingNumber;
    private Long beforeNewMessage;

    public SmsPageViewModel(UiSession session) {
        this.session = session;
        this.list = new ConversationListViewModel(session);
        this.thread = new ThreadViewModel(session);
        this.composer = new ComposerViewModel(session);
        this.newMessage = new NewMessageViewModel(session, composer);
        this.attachments = new AttachmentsViewModel(session);
        list.selectedIdProperty().addListener((o, was, id) -> {
            if (id != null) {
                mode.set(Mode.THREAD);
            }
            thread.open(id);
            composer.clearTarget();
        });
        thread.setMarkUnread(list::markUnread);
        thread.conversationProperty().addListener((o, was, row) -> showComposer());
        thread.contactProperty().addListener((o, was, row) -> showComposer());
        thread.consent().stateProperty().addListener((o, was, consent) -> composer.consentFrom(consent));
        newMessage.setOpenConversation(this::open);
        composer.setAfterNewNumberSent(number -> {
            pendingNumber = number;
            openPendingNumber();
        });
        // The relay's conversation for the number arrives in a batch: its row says so, no query needed.
        session.events().onChange(batch -> {
            String number = pendingNumber;
            if (number != null) {
                batch.conversations().values().stream().filter(row -> row.id() > 0 && number.equals(row.phone())).findFirst().ifPresent(row -> {
                    pendingNumber = null;
                    open(row.id());
                });
            }
        });
    }

    public ConversationListViewModel list() {
        return list;
    }

    public ThreadViewModel thread() {
        return thread;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    public NewMessageViewModel newMessage() {
        return newMessage;
    }

    /** The open thread's attachments: what the bubbles show for them, previews, "Try again". */
    public AttachmentsViewModel attachments() {
        return attachments;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** Opens a conversation from anywhere (a notification, the Patients page, the new-message picker). */
    public void open(long conversationId) {
        beforeNewMessage = null;
        mode.set(Mode.THREAD);
        if (Long.valueOf(conversationId).equals(list.selectedIdProperty().get())) {
            return;
        }
        list.select(conversationId);
    }

    /** Ctrl+N or the pencil. */
    public void startNewMessage() {
        if (mode.get() == Mode.THREAD) {
            beforeNewMessage = list.selectedIdProperty().get();
        }
        list.select(null);
        mode.set(Mode.NEW_MESSAGE);
        newMessage.start();
    }

    /** Cancel on the new-message panel: back to the thread that was open before (or the empty side), draft kept. */
    public void cancelNewMessage() {
        composer.clearTarget();
        mode.set(Mode.THREAD);
        Long back = beforeNewMessage;
        beforeNewMessage = null;
        if (back != null) {
            list.select(back);
        }
    }

    /** "Close" on the bar over a thread the filters do not list: the thread side goes empty. */
    public void closeThread() {
        list.select(null);
    }

    /** "Show in list" on that bar: the filters widen so the open conversation is listed again. */
    public void showOpenInList() {
        ConversationRow row = thread.conversationProperty().get();
        if (row != null) {
            list.showInList(row);
        }
    }

    /** "Text this patient" from the directory: the conversation, or a new message to the number. */
    public void textContact(org.practicetext.desktop.cache.ContactRow contact) {
        if (contact.conversationId() != null) {
            open(contact.conversationId());
        } else {
            startNewMessage();
            newMessage.choose(contact);
        }
    }

    private void showComposer() {
        if (mode.get() == Mode.THREAD) {
            composer.showConversation(thread.conversationProperty().get(), thread.contactProperty().get());
        }
    }

    private void openPendingNumber() {
        String number = pendingNumber;
        if (number == null) {
            return;
        }
        session.tasks().run(() -> session.client().directory().contactByPhone(number), found -> found.map(c -> c.conversationId()).ifPresent(id -> {
            if (number.equals(pendingNumber)) {
                pendingNumber = null;
                open(id);
            }
        }));
    }
}
