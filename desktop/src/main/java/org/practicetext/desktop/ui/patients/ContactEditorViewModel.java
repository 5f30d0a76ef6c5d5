// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.patients;

import java.util.Objects;
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
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.ConsentState;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.practice.PracticeAdmin;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.sms.ConsentText;

/**
 * The Patients page's form: add a patient, or show the chosen contact and (with
 * {@code contacts.manage}) edit its name, phone and patient id, or make a lead a patient. The
 * relay decides whether a number can be texted or is someone else's: its message is shown in the
 * form, which stays open with what was typed. Without the permission the form only shows.
 */
public final class ContactEditorViewModel {
    /** Nothing chosen, a new patient being added, or a chosen contact. */
    public enum Mode { NONE, NEW, EDIT }

    private final UiSession session;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NONE);
    private final ReadOnlyObjectWrapper<ContactRow> contact = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty externalId = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper consent = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final BooleanBinding lead;

    public ContactEditorViewModel(UiSession session) {
        this.session = session;
        this.lead = Bindings.createBooleanBinding(() -> mode.get() == Mode.EDIT && contact.get() != null && "lead".equals(contact.get().kind()),
                mode, contact);
    }

    public boolean canManage() {
        return session.can(Permission.CONTACTS_MANAGE);
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The contact shown (null when adding or nothing is chosen). */
    public ReadOnlyObjectProperty<ContactRow> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty externalIdProperty() {
        return externalId;
    }

    /** The relay's reason the last save was refused (empty when none). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The shown contact's consent state and its source (ADR 0025): "Opted out — texted 'STOP' on Nov 27,
     * 3:12 PM · Texts resume when the patient texts START."; empty when they may be texted.
     */
    public ReadOnlyStringProperty consentProperty() {
        return consent.getReadOnlyProperty();
    }

    /** What the last save did, in words ("Maria Lopez added."). */
    public ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The chosen contact is a lead (so "Make patient" applies). */
    public BooleanBinding leadProperty() {
        return lead;
    }

    /** An empty form for a new patient. */
    public void startNew() {
        if (!canManage()) {
            return;
        }
        contact.set(null);
        consent.set("");
        fill("", "", "");
        mode.set(Mode.NEW);
    }

    /** Shows this contact in the form (null: nothing chosen). */
    public void show(ContactRow chosen) {
        if (chosen == null) {
            if (mode.get() == Mode.EDIT) {
                close();
            }
            return;
        }
        contact.set(chosen);
        fill(orEmpty(chosen.name()), chosen.displayPhone(), orEmpty(chosen.externalId()));
        mode.set(Mode.EDIT);
        consent.set(ConsentText.state(chosen, ConsentState.NONE, session.times()).orElse(""));
        session.tasks().run(() -> session.client().directory().consent(chosen.id()), state -> {
            if (contact.get() == chosen) {
                consent.set(ConsentText.state(chosen, state, session.times())
                        .map(text -> text + ConsentText.howItEnds(chosen, state).map(t -> " · " + t).orElse("")).orElse(""));
            }
        });
    }

    public void close() {
        contact.set(null);
        consent.set("");
        fill("", "", "");
        mode.set(Mode.NONE);
    }

    /** Adds the patient, or sends what changed; the relay's refusal stays in the form. */
    public void save() {
        if (!canManage() || saving.get() || mode.get() == Mode.NONE) {
            return;
        }
        String typedName = name.get().strip();
        if (mode.get() == Mode.NEW) {
            String typedPhone = phone.get().strip();
            String typedId = externalId.get().strip();
            submit(() -> {
                session.client().practice().addPatient(typedPhone, typedName, typedId);
                return (typedName.isEmpty() ? "The patient" : typedName) + " added.";
            });
            return;
        }
        ContactRow shown = contact.get();
        PracticeAdmin.ContactChange change = changeFrom(shown);
        if (change.isEmpty()) {
            done.set("Nothing to save.");
            return;
        }
        submit(() -> {
            session.client().practice().editContact(shown.id(), change);
            return (typedName.isEmpty() ? shown.displayPhone() : typedName) + " saved.";
        });
    }

    /** Makes the shown lead a patient, with the name and patient id in the form (a changed number is saved first). */
    public void convert() {
        if (!canManage() || saving.get() || !lead.get()) {
            return;
        }
        ContactRow shown = contact.get();
        PracticeAdmin.ContactChange change = changeFrom(shown);
        String typedName = name.get().strip();
        String typedId = externalId.get().strip();
        submit(() -> {
            if (change.phone() != null) {
                session.client().practice().editContact(shown.id(), new PracticeAdmin.ContactChange(null, change.phone(), null));
            }
            session.client().practice().convertToPatient(shown.id(), typedName, typedId);
            return (typedName.isEmpty() ? shown.displayPhone() : typedName) + " is now a patient.";
        });
    }

    /** Only what differs from the shown contact; a field emptied clears it (except the phone, which can't be). */
    private PracticeAdmin.ContactChange changeFrom(ContactRow shown) {
        String typedName = name.get().strip();
        String typedPhone = phone.get().strip();
        String typedId = externalId.get().strip();
        return new PracticeAdmin.ContactChange(
                Objects.equals(typedName, orEmpty(shown.name())) ? null : typedName,
                typedPhone.isEmpty() || typedPhone.equals(shown.displayPhone()) ? null : typedPhone,
                Objects.equals(typedId, orEmpty(shown.externalId())) ? null : typedId);
    }

    private interface Save {
        String run() throws RelayException;
    }

    private void submit(Save work) {
        saving.set(true);
        error.set("");
        done.set("");
        session.tasks().run(work::run, said -> {
            saving.set(false);
            done.set(said);
            close();
        }, e -> {
            saving.set(false);
            error.set(e instanceof RelayException && e.getMessage() != null ? e.getMessage() : "Could not save: " + e.getClass().getSimpleName());
        });
    }

    private void fill(String n, String p, String id) {
        name.set(n);
        phone.set(p);
        externalId.set(id);
        error.set("");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
