// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.practicetext.core.Permission;
import org.practicetext.core.SegmentCount;
import org.practicetext.core.SmsSegments;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The composer: the text, its live character/segment counter and Unicode warning, whether it may
 * send ({@link ComposerState}) and, when not, why (opted out, blocked, no permission) with the way out, a warning for landlines,
 * and a draft per thread, kept on disk, so neither switching threads nor restarting loses it. It sends into a conversation, or to
 * a new number for the new-message panel.
 */
public final class ComposerViewModel {
    private final UiSession session;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper counter = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper unicodeWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper disabledReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper landlineWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper blocked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ComposerState> state = new ReadOnlyObjectWrapper<>(ComposerState.NO_RECIPIENT);
    private final BooleanBinding canSend;
    private final BooleanBinding enabled;
    private final TemplatePickerViewModel templates;
    private final ComposerAttachments attachments;
    private final ThreadDrafts drafts;
    private String draftKey;
    private Long conversationId;
    private Long contactId;
    private String newNumber;
    private Consumer<String> afterNewNumberSent = e164 -> {
    };

    public ComposerViewModel(UiSession session) {
        this.session = session;
        this.drafts = new ThreadDrafts(session);
        text.addListener((o, a, b) -> {
            recount();
            if (draftKey != null) {
                drafts.put(draftKey, b);
            }
        });
        enabled = Bindings.createBooleanBinding(() -> state.get().open(), state);
        templates = new TemplatePickerViewModel(session, enabled);
        attachments = new ComposerAttachments(session, enabled);
        attachments.files().addListener((javafx.collections.ListChangeListener<AttachedFile>) change -> recount());
        recount();
        // A message of files alone is a message: the relay writes the line that goes with them.
        canSend = Bindings.createBooleanBinding(() -> state.get().open() && (!text.get().isBlank() || !attachments.files().isEmpty()),
                state, text, attachments.files());
    }

    /** The files attached to the message being written (the chips). */
    public ComposerAttachments attachments() {
        return attachments;
    }

    /** True when there is a recipient and nothing stops sending to them (the tools show only then). */
    public BooleanBinding enabledProperty() {
        return enabled;
    }

    public TemplatePickerViewModel templates() {
        return templates;
    }

    /**
     * Puts {@code snippet} (a template body, an emoji) where the caret is, replacing the
     * selection from {@code start} to {@code end}; returns where the caret goes next.
     */
    public int insert(String snippet, int start, int end) {
        String current = text.get();
        int from = Math.clamp(Math.min(start, end), 0, current.length());
        int to = Math.clamp(Math.max(start, end), from, current.length());
        text.set(current.substring(0, from) + snippet + current.substring(to));
        return from + snippet.length();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty counterProperty() {
        return counter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unicodeWarningProperty() {
        return unicodeWarning.getReadOnlyProperty();
    }

    /** Whether the composer may send, and if not, why. */
    public ReadOnlyObjectProperty<ComposerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Empty when the composer may send (or has no recipient); otherwise the reason and the way out, in words of {@link #stateProperty()}. */
    public ReadOnlyStringProperty disabledReasonProperty() {
        return disabledReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty landlineWarningProperty() {
        return landlineWarning.getReadOnlyProperty();
    }

    /** True when the recipient is blocked and this user may unblock them ("Unblock to send"). */
    public ReadOnlyBooleanProperty unblockOfferedProperty() {
        return blocked.getReadOnlyProperty();
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /** Called when a new number's first message was queued, with its E.164 number. */
    public void setAfterNewNumberSent(Consumer<String> listener) {
        this.afterNewNumberSent = listener;
    }

    /** Targets an existing conversation; its contact (when known) says opted out since when. */
    public void showConversation(ConversationRow row, ContactRow contact) {
        if (row == null) {
            clearTarget();
            return;
        }
        boolean sameTarget = conversationId != null && conversationId == row.id();
        conversationId = row.id();
        contactId = row.contactId();
        newNumber = null;
        if (!sameTarget) {
            switchDraft("conversation:" + row.id());
        }
        boolean optedOut = row.optedOut() || (contact != null && contact.optedOut());
        boolean isBlocked = row.blocked() || (contact != null && contact.blocked());
        String name = row.displayName();
        templates.recipientNameProperty().set(contact != null ? contact.name() : row.contactName());
        applyRules(name, optedOut, contact == null ? null : contact.optedOutAt(), isBlocked, row.lineType());
    }

    /** Targets a number with no conversation yet ({@code contact} when it is in the directory). */
    public void showNewNumber(String e164, ContactRow contact) {
        conversationId = null;
        contactId = contact == null ? null : contact.id();
        newNumber = e164;
        switchDraft("number:" + e164);
        String name = contact == null ? session.phones().display(e164) : contact.displayName();
        templates.recipientNameProperty().set(contact == null ? null : contact.name());
        applyRules(name, contact != null && contact.optedOut(), contact == null ? null : contact.optedOutAt(),
                contact != null && contact.blocked(), contact == null ? null : contact.lineType());
    }

    public void clearTarget() {
        conversationId = null;
        contactId = null;
        newNumber = null;
        draftKey = null;
        templates.recipientNameProperty().set(null);
        state.set(ComposerState.NO_RECIPIENT);
        attachments.clear();
        text.set("");
        disabledReason.set("");
        landlineWarning.set("");
        blocked.set(false);
    }

    /**
     * Enter: sends the text (trimmed) and the attached files if allowed; the draft and the chips are
     * cleared. Should the message not even be queued (an attached file could not be copied), the
     * files come back and the reason shows under them.
     */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        String body = text.get().strip();
        Long conversation = conversationId;
        String number = newNumber;
        List<AttachedFile> attached = List.copyOf(attachments.files());
        List<OutgoingFile> files = attachments.outgoing();
        Consumer<Throwable> notQueued = e -> {
            if (attached.isEmpty() || !java.util.Objects.equals(conversation, conversationId) || !java.util.Objects.equals(number, newNumber)) {
                session.tasks().failures().accept(e);
                return;
            }
            attachments.restore(attached);
            attachments.notQueued(e.getMessage());
            if (text.get().isEmpty()) {
                text.set(body);
            }
        };
        if (conversation != null) {
            session.tasks().run(() -> session.client().messages().send(conversation, body, files), id -> { }, notQueued);
        } else if (number != null) {
            session.tasks().run(() -> session.client().messages().sendTo(number, body, files), id -> afterNewNumberSent.accept(number), notQueued);
        }
        attachments.clear();
        text.set("");
    }

    /** "Unblock to send": unblocks the contact of the current conversation. */
    public void unblock() {
        Long contact = contactId;
        if (contact != null) {
            session.tasks().run(() -> session.client().directory().unblock(contact));
        }
    }

    private void applyRules(String name, boolean optedOut, java.time.Instant optedOutAt, boolean isBlocked, String lineType) {
        blocked.set(isBlocked && session.can(Permission.CONTACTS_BLOCK));
        ComposerState next = ComposerState.of(session.can(Permission.SMS_SEND), isBlocked, optedOut);
        disabledReason.set(switch (next) {
            case READ_ONLY -> "Your role can read messages but not send them. Ask a practice admin for sending rights.";
            case BLOCKED -> name + " is blocked. Unblock to send.";
            case OPTED_OUT -> name + " opted out of text messages" + (optedOutAt == null ? "" : " on " + session.times().date(optedOutAt))
                    + ". They must text START to receive messages.";
            case NO_RECIPIENT, READY -> "";
        });
        state.set(next);
        landlineWarning.set("landline".equalsIgnoreCase(lineType)
                ? "This number is known to be a landline; texts to it will probably not arrive. Call the patient or ask for a mobile number."
                : "");
    }

    /** Shows the thread's draft: from memory at once, or from disk once read (unless typing began). */
    private void switchDraft(String key) {
        // Files attached for one patient never go to the next one.
        attachments.clear();
        draftKey = null;
        String known = drafts.known(key);
        text.set(known == null ? "" : known);
        draftKey = key;
        if (known == null) {
            drafts.load(key, stored -> {
                if (key.equals(draftKey) && text.get().isEmpty() && !stored.isEmpty()) {
                    text.set(stored);
                }
            });
        }
    }

    private void recount() {
        SegmentCount count = SmsSegments.count(text.get());
        if (attachments == null || attachments.files().isEmpty()) {
            counter.set(SegmentCounterText.counter(text.get()));
        } else {
            int photos = (int) attachments.files().stream().filter(AttachedFile::inMms).count();
            counter.set(SegmentCounterText.counter(text.get(), photos, attachments.files().size() - photos, session.client().session().practice().name()));
        }
        unicodeWarning.set(SegmentCounterText.unicodeWarning(count));
    }
}
