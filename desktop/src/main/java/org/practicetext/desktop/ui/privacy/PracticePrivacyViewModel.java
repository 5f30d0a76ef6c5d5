// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.practicetext.core.HiddenPreviews;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.PracticeSettingsView;

/**
 * Settings → Privacy, the practice's part (admins, ADR 0026): minutes without input before a desk
 * locks (0 = never, at most {@link PracticeSettingsView.Privacy#LOCK_MINUTES_MAX}), the privacy
 * screen for everyone, what hidden previews show, and whether signing out always removes the
 * workstation's copy. Saved to the relay as the settings' {@code privacy} only; the form is then
 * what the relay answered, and every desk gets it with its next sync.
 */
public final class PracticePrivacyViewModel {
    private final UiSession session;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringProperty lockMinutes = new SimpleStringProperty("10");
    private final StringBinding lockMinutesProblem;
    private final BooleanProperty privacyScreenForAll = new SimpleBooleanProperty();
    private final ObjectProperty<HiddenPreviews> hiddenPreviews = new SimpleObjectProperty<>(HiddenPreviews.NAMES);
    private final BooleanProperty removeCopyOnSignOut = new SimpleBooleanProperty();

    public PracticePrivacyViewModel(UiSession session) {
        this.session = session;
        lockMinutesProblem = Bindings.createStringBinding(() -> minutes(lockMinutes.get()) == null
                ? "Minutes from 0 (never lock) to " + PracticeSettingsView.Privacy.LOCK_MINUTES_MAX + "." : "", lockMinutes);
    }

    /** Reads the practice's rules from the cache (off the FX thread). */
    public void load() {
        session.tasks().run(() -> session.client().requests().settings().orElse(null), settings -> {
            if (settings == null) {
                message.set("The relay has not sent the practice's settings yet. They come with the next sync.");
                return;
            }
            show(settings.privacy());
            loaded.set(true);
        });
    }

    private void show(PracticeSettingsView.Privacy rules) {
        lockMinutes.set(Integer.toString(rules.lockAfterMinutes()));
        privacyScreenForAll.set(rules.privacyScreen());
        hiddenPreviews.set(rules.hiddenPreviews());
        removeCopyOnSignOut.set(rules.removeCopyOnSignOut());
    }

    /** Saves the rules (only the {@code privacy} part of the settings); the relay's refusal is shown as it words it. */
    public void save() {
        Integer minutes = minutes(lockMinutes.get());
        if (minutes == null || saving.get() || !loaded.get()) {
            return;
        }
        PracticeSettingsView.Privacy rules = new PracticeSettingsView.Privacy(minutes, privacyScreenForAll.get(), hiddenPreviews.get(),
                removeCopyOnSignOut.get());
        PracticeSettingsUpdate update = new PracticeSettingsUpdate(null, null, null, null, null, null, null, null, rules);
        saving.set(true);
        message.set("Saving…");
        session.tasks().run(() -> session.client().requests().updateSettings(update), answer -> {
            saving.set(false);
            show(answer.privacy());
            session.settings().practiceRules().set(answer.privacy());
            message.set("Saved. Every desk of the practice follows these rules from its next sync.");
        }, e -> {
            saving.set(false);
            message.set(e.getMessage() == null ? "The relay refused: " + e.getClass().getSimpleName() : e.getMessage());
        });
    }

    static Integer minutes(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value >= 0 && value <= PracticeSettingsView.Privacy.LOCK_MINUTES_MAX ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringProperty lockMinutesProperty() {
        return lockMinutes;
    }

    public StringBinding lockMinutesProblemProperty() {
        return lockMinutesProblem;
    }

    public BooleanProperty privacyScreenForAllProperty() {
        return privacyScreenForAll;
    }

    public ObjectProperty<HiddenPreviews> hiddenPreviewsProperty() {
        return hiddenPreviews;
    }

    public BooleanProperty removeCopyOnSignOutProperty() {
        return removeCopyOnSignOut;
    }
}
