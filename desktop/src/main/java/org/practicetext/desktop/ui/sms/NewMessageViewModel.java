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
import org.practicetext.core.PhoneNumbers;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * "New message": search the directory by name or phone, pick a patient, or type any number —
 * validated as it is typed, with the reason shown. A recipient who already has a conversation
 * opens it; anyone else gets the composer addressed to their number.
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

    /** Why the typed text is not a number one can text; empty when it is, or when it is a name. */
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

    /** Picks the typed number: its conversation if it has one, else the composer for it. */
    public void chooseTypedNumber() {
        String e164 = typedNumber.get();
        if (e164 == null) {
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

    private void search() {
        String text = query.get() == null ? "" : query.get().strip();
        validate(text);
        lookup.ask(() -> session.client().directory().contacts(text, MATCHES));
    }

    /** Text with digits and no letters is a phone number being typed; anything else is a name. */
    private void validate(String text) {
        boolean looksLikeNumber = !text.isEmpty() && text.chars().anyMatch(Character::isDigit) && text.chars().noneMatch(Character::isLetter);
        if (!looksLikeNumber) {
            phoneError.set("");
            typedNumber.set(null);
            return;
        }
        try {
            typedNumber.set(session.phones().parse(text).value());
            phoneError.set("");
        } catch (InvalidPhoneNumberException e) {
            typedNumber.set(null);
            phoneError.set(PhoneNumbers.digitsKey(text).length() < 3 ? "" : e.getMessage());
        }
    }
}
