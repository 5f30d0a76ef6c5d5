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
import org.practicetext.core.ConsentSource;
import org.practicetext.core.Permission;
import org.practicetext.core.SegmentCount;
import org.practicetext.core.SmsSegments;
import org.practicetext.desktop.cache.ConsentState;
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
    private final RequestToolsViewModel tools;
    private final ComposerRequestMode requestMode = new ComposerRequestMode();
    private final ReadOnlyStringWrapper linkHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper inConversation = new ReadOnlyBooleanWrapper();
    private final ThreadDrafts drafts;
    private String draftKey;
    private Long conversationId;
    private Long contactId;
    private RequestTarget requestTarget;
    private String newNumber;
    private String reasonName;
    private java.time.Instant reasonOptedOutAt;
    private ConsentState consent = ConsentState.NONE;
    private Consumer<String> afterNewNumberSent = e164 -> {
    };

    public ComposerViewModel(UiSession session) {
        this.session = session;
        this.drafts = new ThreadDrafts(session);
        text.addListener((o, a, b) -> {
            recount();
            if (draftKey != null) {
                // A request's text is not kept on disk: the draft stays the plain text from before it.
                drafts.put(draftKey, requestMode.active() ? requestMode.plainText() : b);
            }
        });
        enabled = Bindings.createBooleanBinding(() -> state.get().open(), state);
        templates = new TemplatePickerViewModel(session, enabled);
        tools = new RequestToolsViewModel(session, Bindings.createBooleanBinding(() -> enabled.get() && inConversation.get(), enabled, inConversation));
        // Files go in a plain message only (a request's PDF is chosen in its dialog), and only while the practice has them on.
        attachments = new ComposerAttachments(session, Bindings.createBooleanBinding(
                () -> enabled.get() && requestMode.requestProperty().get() == null && attachmentsOn(tools.settingsProperty().get()),
                enabled, requestMode.requestProperty(), tools.settingsProperty()));
        attachments.files().addListener((javafx.collections.ListChangeListener<AttachedFile>) change -> recount());
        requestMode.requestProperty().addListener((o, a, b) -> recount());
        tools.settingsProperty().addListener((o, a, b) -> recount());
        recount();
        // A message of files alone is a message: the relay writes the line that goes with them. A request may be
        // its link alone: the relay writes the link where the text would be.
        canSend = Bindings.createBooleanBinding(() -> state.get().open() && (requestMode.active()
                        ? inConversation.get()
                        : !text.get().isBlank() || !attachments.files().isEmpty()),
                state, text, attachments.files(), requestMode.requestProperty(), inConversation);
    }

    private static boolean attachmentsOn(org.practicetext.protocol.PracticeSettingsView settings) {
        return settings == null || settings.features() == null || settings.features().attachments();
    }

    /** The tools menu ("+"): payment, review, forms and treatment-plan requests. */
    public RequestToolsViewModel tools() {
        return tools;
    }

    /** The request the text carries (the chip above it), or null for a plain text. */
    public ReadOnlyObjectProperty<ComposedRequest> requestProperty() {
        return requestMode.requestProperty();
    }

    /** In request mode, where the link goes ("{link} is where…", or after the text); empty otherwise. */
    public ReadOnlyStringProperty linkHintProperty() {
        return linkHint.getReadOnlyProperty();
    }

    /** The conversation a request would go to; null when the composer is not in one. */
    public RequestTarget requestTarget() {
        return requestTarget;
    }

    /** A tool's Insert: the composer holds the request's text, and Send sends the request. Attached files are dropped (they would not go with it). */
    public void startRequest(ComposedRequest request) {
        if (requestTarget == null || !enabled.get()) {
            return;
        }
        if (!attachments.files().isEmpty()) {
            attachments.clear();
            attachments.notQueued("files are not sent with a " + org.practicetext.core.RequestTexts.inSentence(request.kind())
                    + "; send them in a message of their own.");
        }
        text.set(requestMode.start(request, text.get()));
    }

    /** The chip's ✕: back to the plain text there was before the request. */
    public void cancelRequest() {
        if (requestMode.active()) {
            text.set(requestMode.cancel());
        }
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
        if (!sameTarget) {
            leaveThread();
        }
        conversationId = row.id();
        contactId = row.contactId();
        newNumber = null;
        String patientName = contact != null ? contact.name() : row.contactName();
        requestTarget = new RequestTarget(row.id(), row.contactId(), row.inboxId(), row.inboxName(), patientName, row.displayName());
        inConversation.set(true);
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
        leaveThread();
        conversationId = null;
        requestTarget = null;
        inConversation.set(false);
        contactId = contact == null ? null : contact.id();
        newNumber = e164;
        switchDraft("number:" + e164);
        String name = contact == null ? session.phones().display(e164) : contact.displayName();
        templates.recipientNameProperty().set(contact == null ? null : contact.name());
        applyRules(name, contact != null && contact.optedOut(), contact == null ? null : contact.optedOutAt(),
                contact != null && contact.blocked(), contact == null ? null : contact.lineType());
    }

    public void clearTarget() {
        leaveThread();
        conversationId = null;
        requestTarget = null;
        inConversation.set(false);
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
        if (requestMode.active()) {
            sendRequest(body, conversation);
            return;
        }
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

    private void sendRequest(String body, Long conversation) {
        ComposedRequest request = requestMode.requestProperty().get();
        if (conversation == null) {
            return;
        }
        requestMode.sent();
        text.set("");
        session.tasks().run(() -> session.client().messages().sendRequest(conversation, body, request.draft(), request.document()), id -> { }, e -> {
            if (!java.util.Objects.equals(conversation, conversationId)) {
                session.tasks().failures().accept(e);
                return;
            }
            // Not even queued: the request comes back as it was, with the reason.
            text.set(requestMode.start(request, text.get()));
            text.set(body);
            attachments.notQueued(e.getMessage());
        });
    }

    /** The thread being left keeps its request (if any) for when it is opened again. */
    private void leaveThread() {
        requestMode.leave(draftKey, text.get());
    }

    /** "Unblock to send": unblocks the contact of the current conversation. */
    public void unblock() {
        Long contact = contactId;
        if (contact != null) {
            session.tasks().run(() -> session.client().directory().unblock(contact));
        }
    }

    /**
     * The open thread's consent records say where its contact's opt-out came from: one that staff
     * recorded ends with "Undo opt-out", not with the patient texting START (ADR 0025).
     */
    public void consentFrom(ConsentState records) {
        consent = records == null ? ConsentState.NONE : records;
        if (state.get() == ComposerState.OPTED_OUT) {
            disabledReason.set(optedOutReason());
        }
    }

    private String optedOutReason() {
        String on = reasonOptedOutAt == null ? "" : " on " + session.times().date(reasonOptedOutAt);
        Long contact = contactId;
        boolean byStaff = consent.optedOutBy().filter(r -> contact != null && r.contactId() == contact).map(r -> r.source() == ConsentSource.STAFF)
                .orElse(false);
        if (byStaff) {
            return reasonName + " asked not to be texted (recorded" + on + "). "
                    + (session.can(Permission.CONTACTS_BLOCK) ? "To text them again, choose Undo opt-out in the thread's menu."
                            : "A practice admin can undo the opt-out if they agree to texts again.");
        }
        return reasonName + " opted out of text messages" + on + ". They must text START to receive messages.";
    }

    private void applyRules(String name, boolean optedOut, java.time.Instant optedOutAt, boolean isBlocked, String lineType) {
        blocked.set(isBlocked && session.can(Permission.CONTACTS_BLOCK));
        ComposerState next = ComposerState.of(session.can(Permission.SMS_SEND), isBlocked, optedOut);
        reasonName = name;
        reasonOptedOutAt = optedOutAt;
        disabledReason.set(switch (next) {
            case READ_ONLY -> "Your role can read messages but not send them. Ask a practice admin for sending rights.";
            case BLOCKED -> name + " is blocked. Unblock to send.";
            case OPTED_OUT -> optedOutReason();
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
        java.util.Optional<String> request = requestMode.enter(key);
        text.set(request.orElse(known == null ? "" : known));
        draftKey = key;
        if (request.isPresent()) {
            return;
        }
        if (known == null) {
            drafts.load(key, stored -> {
                if (key.equals(draftKey) && text.get().isEmpty() && !stored.isEmpty()) {
                    text.set(stored);
                }
            });
        }
    }

    private void recount() {
        if (requestMode.active()) {
            String linkBase = tools == null || tools.settingsProperty().get() == null ? "" : tools.settingsProperty().get().linkBase();
            counter.set(SegmentCounterText.requestCounter(text.get(), linkBase));
            unicodeWarning.set(SegmentCounterText.unicodeWarning(org.practicetext.core.RequestTexts.counted(text.get(), linkBase)));
            linkHint.set(ComposerRequestMode.linkHint(text.get()));
            return;
        }
        linkHint.set("");
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
