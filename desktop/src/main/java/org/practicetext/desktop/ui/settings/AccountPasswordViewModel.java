// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.signin.NewPassword;

/**
 * Settings → Account → Change password, for everyone: the current password, the new one twice.
 * The new one is checked as it is typed against the same rule the relay applies; the relay
 * checks the current one and ends this person's other sessions (this desk stays signed in).
 */
public final class AccountPasswordViewModel {
    private final UiSession session;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringBinding flaw;
    private final BooleanBinding canChange;

    public AccountPasswordViewModel(UiSession session) {
        this.session = session;
        flaw = Bindings.createStringBinding(() -> NewPassword.flaw(next.get(), confirm.get(), session.me().username()), next, confirm);
        canChange = Bindings.createBooleanBinding(() -> !busy.get() && !current.get().isEmpty() && flaw.get().isEmpty(), busy, current, flaw);
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty newPasswordProperty() {
        return next;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    /** What keeps the new password from being used; empty when it may be. */
    public StringBinding flawProperty() {
        return flaw;
    }

    public BooleanBinding canChangeProperty() {
        return canChange;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public void change() {
        if (!canChange.get()) {
            return;
        }
        char[] was = current.get().toCharArray();
        char[] now = next.get().toCharArray();
        busy.set(true);
        session.tasks().run(() -> {
            try {
                session.client().session().changePassword(was, now);
                // The lock screen takes the new password from now on, offline too (ADR 0026).
                session.client().lock().rememberPassword(now);
                return Boolean.TRUE;
            } finally {
                Arrays.fill(was, '\0');
                Arrays.fill(now, '\0');
            }
        }, done -> {
            busy.set(false);
            current.set("");
            next.set("");
            confirm.set("");
            message.set("Your password is changed. Other workstations signed in as you were signed out.");
            refused.set(false);
        }, e -> {
            busy.set(false);
            message.set(e.getMessage() == null ? "The relay refused: " + e.getClass().getSimpleName() : e.getMessage());
            refused.set(true);
        });
    }
}
