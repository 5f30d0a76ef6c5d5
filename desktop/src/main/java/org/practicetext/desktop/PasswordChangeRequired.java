// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.util.Arrays;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.PasswordChange;

/**
 * The sign-in worked with a one-time password or an invite code: the relay serves nothing but a
 * password change until the person has chosen their own. The sign-in screen catches this, asks
 * for the new password and calls {@link #choose}, which sets it and opens the client as a normal
 * sign-in would. It holds the one-time secret (the relay wants it as the current password) until
 * then; {@link #abandon()} forgets it and signs the limited session out. Unchecked, so it passes
 * through every sign-in path unchanged (the composition root's, the tests') to the one screen
 * that handles it.
 */
public final class PasswordChangeRequired extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /** What opens the client once the password is set. */
    @FunctionalInterface
    interface Opener {
        DesktopClient open(char[] password) throws RelayException;
    }

    private final transient Account account;
    private final transient RelayApi api;
    private final transient Opener opener;
    private final char[] oneTime;

    PasswordChangeRequired(Account account, char[] oneTime, RelayApi api, Opener opener) {
        super("Choose your own password to finish signing in.");
        this.account = account;
        this.oneTime = oneTime.clone();
        this.api = api;
        this.opener = opener;
    }

    public Account account() {
        return account;
    }

    /** Sets {@code newPassword} (the relay refuses one that breaks the password rule, with the rule) and opens the client. */
    public DesktopClient choose(char[] newPassword) throws RelayException {
        api.call(Endpoints.ACCOUNT_PASSWORD.at(), new PasswordChange(new String(oneTime), new String(newPassword)), Void.class);
        Arrays.fill(oneTime, '\0');
        String verifier = org.practicetext.desktop.secrets.PasswordKeys.verifier(newPassword);
        DesktopClient client = opener.open(newPassword);
        client.lock().keepPasswordVerifier(verifier);
        return client;
    }

    /** The person went back to the sign-in form: the limited session ends. */
    public void abandon() {
        Arrays.fill(oneTime, '\0');
        api.signOut();
        api.close();
    }
}
