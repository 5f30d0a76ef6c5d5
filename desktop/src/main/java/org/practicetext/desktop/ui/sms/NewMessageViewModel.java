// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * "New message": search the directory by name or phone, pick a patient, or type any number. A
 * number being typed is a search too: it is offered ("Text (555) 210-7788") as soon as it is
 * complete, but a half-typed one is no error — the reason is shown only when the person chooses
 * to text it (Enter or the action). A recipient who already has a conversation opens it; anyone
 * else gets the composer addressed to their number.
 */
public final class NewMessageViewModel {
    static final int MATCHES = 20;

    private final UiSession session;
    private final ComposerViewModel composer;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<ContactRow> matches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper phoneError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<String> typedNumber = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper recipient = new ReadOnlyStringWrapper("");
    private Consumer<Long> openConversation = id -> {
    };
    private final LatestQuery<List<ContactRow>> lookup;

    public NewMessageViewModel(UiSession session, ComposerViewModel composer) {
        this.session = session;
        this.composer = composer;
        this.lookup = new LatestQuery<>(session.tasks(), matches::setAll);
        query.addListener((o, a, b) -> search());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ContactRow> matches() {
        return matches;
    }

    /**
     * Why the typed number cannot be texted, once the person chose to text it; empty while they
     * type (every keystroke clears it), and for a valid number or a name.
     */
    public ReadOnlyStringProperty phoneErrorProperty() {
        return phoneError.getReadOnlyProperty();
    }

    /** The typed number in E.164 when it is valid, else null. */
    public ReadOnlyObjectProperty<String> typedNumberProperty() {
        return typedNumber.getReadOnlyProperty();
    }

    /** Who the composer is addressed to, e.g. "Anna Smith · (555) 123-4567"; empty until chosen. */
    public ReadOnlyStringProperty recipientProperty() {
        return recipient.getReadOnlyProperty();
    }

    /** Where a recipient with an existing conversation is taken. */
    public void setOpenConversation(Consumer<Long> open) {
        this.openConversation = open;
    }

    public void start() {
        query.set("");
        recipient.set("");
        matches.clear();
        phoneError.set("");
        typedNumber.set(null);
        composer.clearTarget();
        search();
    }

    public void choose(ContactRow contact) {
        if (contact.conversationId() != null) {
            openConversation.accept(contact.conversationId());
            return;
        }
        recipient.set(contact.displayName() + " · " + contact.displayPhone());
        composer.showNewNumber(contact.phone(), contact);
    }

    /**
     * Picks the typed number: its conversation if it has one, else the composer for it. A typed
     * number that is not one (too short, too long) says why instead; a name does nothing.
     */
    public void chooseTypedNumber() {
        String e164 = typedNumber.get();
        if (e164 == null) {
            phoneError.set(whyNotANumber(text()));
            return;
        }
        session.tasks().run(() -> session.client().directory().contactByPhone(e164), (Optional<ContactRow> found) -> {
            if (found.isPresent() && found.get().conversationId() != null) {
                openConversation.accept(found.get().conversationId());
                return;
            }
            recipient.set(found.map(c -> c.displayName() + " · " + c.displayPhone()).orElse(session.phones().display(e164)));
            composer.showNewNumber(e164, found.orElse(null));
        });
    }

    private String text() {
        return query.get() == null ? "" : query.get().strip();
    }

    private void search() {
        String text = text();
        phoneError.set("");
        typedNumber.set(looksLikeNumber(text) ? parsed(text) : null);
        lookup.ask(() -> session.client().directory().contacts(text, MATCHES));
    }

    /** Text with digits and no letters is a phone number being typed; anything else is a name. */
    private static boolean looksLikeNumber(String text) {
        return !text.isEmpty() && text.chars().anyMatch(Character::isDigit) && text.chars().noneMatch(Character::isLetter);
    }

    private String parsed(String text) {
        try {
            return session.phones().parse(text).value();
        } catch (InvalidPhoneNumberException e) {
            return null;
        }
    }

    private String whyNotANumber(String text) {
        if (!looksLikeNumber(text)) {
            return "";
        }
        try {
            session.phones().parse(text);
            return "";
        } catch (InvalidPhoneNumberException e) {
            return e.getMessage();
        }
    }
}
