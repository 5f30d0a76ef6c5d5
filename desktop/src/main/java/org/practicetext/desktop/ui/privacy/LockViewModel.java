// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.lock.LockSecrets;
import org.practicetext.desktop.ui.common.UiTasks;

/**
 * The lock screen's state and commands (ADR 0026). {@link #lock} locks at once (idle, Ctrl+L, the
 * operating system's lock); the screen then asks for the PIN, or for the password when no PIN is
 * set here or after {@link LockSecrets#PIN_TRIES} wrong ones. With the password the person may
 * also choose a PIN (4–8 digits) for next time: only someone who knows the password can set it,
 * so a desk that locked by itself cannot be given a stranger's PIN. Checks run off the FX thread
 * (PBKDF2 takes a moment); typed secrets are cleared from the fields whatever the answer.
 */
public final class LockViewModel {
    /** What the lock screen asks for. */
    public enum Mode {
        PIN, PASSWORD
    }

    private final UiTasks tasks;
    private final LockSecrets secrets;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.PIN);
    private final ReadOnlyBooleanWrapper hasPin = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty newPin = new SimpleStringProperty("");

    public LockViewModel(UiTasks tasks, LockSecrets secrets) {
        this.tasks = tasks;
        this.secrets = secrets;
    }

    /** Locks now (again: nothing changes); the screen asks for the PIN if one is set here and still allowed. */
    public void lock() {
        if (locked.get()) {
            return;
        }
        clearFields();
        message.set("");
        locked.set(true);
        tasks.run(() -> new int[] {secrets.hasPin() ? 1 : 0, secrets.failedPins()}, read -> {
            hasPin.set(read[0] == 1);
            mode.set(read[0] == 1 && read[1] < LockSecrets.PIN_TRIES ? Mode.PIN : Mode.PASSWORD);
            if (read[0] == 1 && read[1] >= LockSecrets.PIN_TRIES) {
                message.set(tooManyPins());
            }
        });
    }

    /** Checks the PIN typed. */
    public void unlockWithPin() {
        if (!locked.get() || busy.get() || mode.get() != Mode.PIN) {
            return;
        }
        char[] typed = pin.get().toCharArray();
        pin.set("");
        if (typed.length == 0) {
            message.set("Type your PIN.");
            return;
        }
        busy.set(true);
        tasks.run(() -> {
            try {
                LockSecrets.PinAnswer answer = secrets.checkPin(typed);
                return new PinResult(answer, answer == LockSecrets.PinAnswer.WRONG ? secrets.failedPins() : 0);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }, result -> {
            busy.set(false);
            switch (result.answer()) {
                case RIGHT -> unlocked();
                case WRONG -> message.set("That PIN isn't right. " + triesLeft(LockSecrets.PIN_TRIES - result.failed())
                        + " before only your password unlocks.");
                case PASSWORD_ONLY -> {
                    mode.set(Mode.PASSWORD);
                    message.set(tooManyPins());
                }
            }
        }, this::failed);
    }

    /** Checks the password typed; with a valid new PIN beside it, sets that PIN too. */
    public void unlockWithPassword() {
        if (!locked.get() || busy.get()) {
            return;
        }
        String chosen = newPin.get().strip();
        if (!chosen.isEmpty() && !LockSecrets.validPin(chosen)) {
            message.set("A PIN is 4 to 8 digits (or leave it empty).");
            return;
        }
        char[] typed = password.get().toCharArray();
        password.set("");
        if (typed.length == 0) {
            message.set("Type your password.");
            return;
        }
        newPin.set("");
        char[] pinChosen = chosen.toCharArray();
        busy.set(true);
        tasks.run(() -> {
            try {
                boolean right = secrets.checkPassword(typed);
                if (right && pinChosen.length > 0) {
                    secrets.setPin(pinChosen);
                }
                return right;
            } finally {
                Arrays.fill(typed, '\0');
                Arrays.fill(pinChosen, '\0');
            }
        }, right -> {
            busy.set(false);
            if (right) {
                unlocked();
            } else {
                message.set("That password isn't right.");
            }
        }, this::failed);
    }

    /** Back from the password to the PIN (when a PIN is set and still allowed). */
    public void usePin() {
        tasks.run(secrets::failedPins, failed -> {
            if (hasPin.get() && failed < LockSecrets.PIN_TRIES) {
                mode.set(Mode.PIN);
                message.set("");
            }
        });
    }

    /** To the password form (the PIN forgotten). */
    public void usePassword() {
        mode.set(Mode.PASSWORD);
        message.set("");
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(e instanceof RelayException
                ? "Your password can't be checked now: this workstation has no record of it and the relay can't be reached. Use your PIN, or Switch user."
                : "Unlocking failed: " + e.getClass().getSimpleName() + ". Try again, or Switch user.");
    }

    private void unlocked() {
        clearFields();
        message.set("");
        locked.set(false);
    }

    private void clearFields() {
        pin.set("");
        password.set("");
        newPin.set("");
    }

    private record PinResult(LockSecrets.PinAnswer answer, int failed) {
    }

    private static String triesLeft(int left) {
        return left == 1 ? "1 try left" : left + " tries left";
    }

    private static String tooManyPins() {
        return "Too many wrong PINs: only your password unlocks now.";
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** Whether a PIN is set on this workstation (the password form then offers to go back to it). */
    public ReadOnlyBooleanProperty hasPinProperty() {
        return hasPin.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** A PIN to set with the password (empty: none). */
    public StringProperty newPinProperty() {
        return newPin;
    }
}
