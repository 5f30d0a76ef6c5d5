// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.AppInfo;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.PasswordChangeRequired;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.ui.common.LinkOpener;
import org.practicetext.desktop.ui.common.UiTasks;
import org.practicetext.desktop.update.UpdateNotice;

/**
 * The sign-in form: relay URL, practice, username, password. Checks the URL before asking the
 * relay, shows the relay's refusal in its own words, and hands the opened client on. When the
 * workstation's {@link MachineConfig} presets the relay or the practice, those fields keep the
 * preset whatever is set into them, and sign-in uses it: only IT changes them.
 */
public final class SignInViewModel {
    private final UiTasks tasks;
    private final Authenticator authenticator;
    private final StringProperty relayUrl = new SimpleStringProperty("");
    private final StringProperty practice = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<URI> download = new ReadOnlyObjectWrapper<>();
    private final LinkOpener links;
    private final BooleanBinding canSignIn;
    private final MachineConfig machine;
    private final ReadOnlyBooleanWrapper choosing = new ReadOnlyBooleanWrapper();
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty confirmPassword = new SimpleStringProperty("");
    private final StringBinding newPasswordFlaw;
    private final BooleanBinding canChoose;
    private PasswordChangeRequired pending;
    private BiConsumer<DesktopClient, Account> signedIn = (client, account) -> {
    };

    public SignInViewModel(UiTasks tasks, Authenticator authenticator) {
        this(tasks, authenticator, LinkOpener.none());
    }

    /** With {@code links} opening the download page when this app is too old for the relay. */
    public SignInViewModel(UiTasks tasks, Authenticator authenticator, LinkOpener links) {
        this.links = links;
        this.tasks = tasks;
        this.authenticator = authenticator;
        this.machine = authenticator.machineConfig();
        machine.relay().ifPresent(preset -> keep(relayUrl, preset.toString()));
        machine.practice().ifPresent(preset -> keep(practice, preset));
        canSignIn = Bindings.createBooleanBinding(() -> !busy.get() && !relayUrl.get().isBlank() && !practice.get().isBlank()
                && !username.get().isBlank() && !password.get().isEmpty(), busy, relayUrl, practice, username, password);
        newPasswordFlaw = Bindings.createStringBinding(() -> NewPassword.flaw(newPassword.get(), confirmPassword.get(), username.get()),
                newPassword, confirmPassword, username);
        canChoose = Bindings.createBooleanBinding(() -> !busy.get() && newPasswordFlaw.get().isEmpty(), busy, newPasswordFlaw);
    }

    /** Holds {@code property} at {@code preset}: the window may set the last account's values into it. */
    private static void keep(StringProperty property, String preset) {
        property.set(preset);
        property.addListener((o, was, now) -> {
            if (!preset.equals(now)) {
                property.set(preset);
            }
        });
    }

    /** Whether the relay address is set by the workstation's configuration (the field is read-only). */
    public boolean relayPreset() {
        return machine.relay().isPresent();
    }

    /** Whether the practice is set by the workstation's configuration (the field is read-only). */
    public boolean practicePreset() {
        return machine.practice().isPresent();
    }

    /** Why the workstation's configuration file could not be used; empty when it is fine or absent. */
    public String machineProblem() {
        return machine.problem().orElse("");
    }

    public StringProperty relayUrlProperty() {
        return relayUrl;
    }

    public StringProperty practiceProperty() {
        return practice;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The newer version's download page when the relay said this app is too old for it; null otherwise. */
    public ReadOnlyObjectProperty<URI> downloadProperty() {
        return download.getReadOnlyProperty();
    }

    /** Opens the download page in the browser. */
    public void openDownload() {
        if (download.get() != null) {
            links.open(download.get());
        }
    }

    /**
     * Asks the relay in the address field, before anyone signs in, whether this app is too old for
     * it, and says so in place of an error; quiet when the relay cannot be reached or has nothing to say.
     */
    public void checkRelay() {
        URI uri;
        try {
            uri = parseUrl(relayUrl.get());
        } catch (IllegalArgumentException e) {
            return;
        }
        tasks.run(() -> authenticator.updateNotice(uri), notice -> notice.filter(UpdateNotice::tooOld).ifPresent(this::tooOld), failure -> {
        });
    }

    private void tooOld(UpdateNotice notice) {
        error.set(notice.words());
        download.set(notice.download().orElse(null));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }

    /** True after a sign-in with a one-time password or invite code: the form asks for the person's own password. */
    public ReadOnlyBooleanProperty choosingProperty() {
        return choosing.getReadOnlyProperty();
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty confirmPasswordProperty() {
        return confirmPassword;
    }

    /** What keeps the new password from being used (the rule, or the two not matching); empty when it may be. */
    public StringBinding newPasswordFlawProperty() {
        return newPasswordFlaw;
    }

    public BooleanBinding canChooseProperty() {
        return canChoose;
    }

    /** Sets the chosen password on the relay and opens the inbox. */
    public void choosePassword() {
        if (!canChoose.get() || pending == null) {
            return;
        }
        PasswordChangeRequired setup = pending;
        char[] chosen = newPassword.get().toCharArray();
        newPassword.set("");
        confirmPassword.set("");
        busy.set(true);
        error.set("");
        tasks.run(() -> {
            try {
                return setup.choose(chosen);
            } finally {
                Arrays.fill(chosen, '\0');
            }
        }, client -> {
            busy.set(false);
            pending = null;
            choosing.set(false);
            signedIn.accept(client, setup.account());
        }, e -> {
            busy.set(false);
            error.set(explain(e));
        });
    }

    /** Leaves the password step for the sign-in form; the one-time password stays valid until it expires. */
    public void backToSignIn() {
        PasswordChangeRequired setup = pending;
        pending = null;
        choosing.set(false);
        newPassword.set("");
        confirmPassword.set("");
        error.set("");
        if (setup != null) {
            tasks.run(() -> {
                setup.abandon();
                return null;
            }, done -> {
            }, e -> {
            });
        }
    }

    public void setOnSignedIn(BiConsumer<DesktopClient, Account> listener) {
        this.signedIn = listener;
    }

    /** Pre-fills the form (switch user keeps the relay and practice). */
    public void prefill(Account account) {
        relayUrl.set(account.relayUrl().toString());
        practice.set(account.practice());
        username.set("");
        password.set("");
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        URI uri;
        try {
            uri = parseUrl(relayUrl.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        Account account = new Account(uri, practice.get().strip().toLowerCase(Locale.ROOT), username.get().strip());
        char[] secret = password.get().toCharArray();
        password.set("");
        busy.set(true);
        error.set("");
        download.set(null);
        tasks.run(() -> {
            try {
                return authenticator.signIn(account, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, client -> {
            busy.set(false);
            signedIn.accept(client, account);
        }, e -> {
            busy.set(false);
            if (e instanceof PasswordChangeRequired setup) {
                pending = setup;
                choosing.set(true);
                return;
            }
            if (e instanceof RelayException relay && relay.tooOld()) {
                tooOld(UpdateNotice.tooOld(AppInfo.build(), relay.versions()));
            } else {
                error.set(explain(e));
            }
        });
    }

    /** Accepts "relay.example.org" or a full http(s) URL. */
    static URI parseUrl(String typed) {
        String text = typed.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The relay address is not a valid URL.");
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("The relay address should look like https://relay.example.org");
        }
        return uri;
    }

    static String explain(Throwable e) {
        if (e instanceof RelayException relay) {
            if (relay.status() == 0) {
                return "Could not reach the relay. Check the address and your connection. (" + relay.getMessage() + ")";
            }
            return relay.getMessage();
        }
        return e.getMessage() == null ? "Sign-in failed: " + e.getClass().getSimpleName() : e.getMessage();
    }
}
