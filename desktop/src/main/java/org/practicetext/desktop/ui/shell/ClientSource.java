// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.nio.file.Path;
import java.util.Optional;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.ui.signin.Authenticator;

/**
 * Where the app gets clients: sign in with a password, or resume a remembered account from disk
 * (no network). The composition root backs it with the real client factory.
 */
public interface ClientSource extends Authenticator {
    Optional<DesktopClient> resume(Account account) throws Exception;

    /**
     * Where the account's first-screen snapshot ({@link org.practicetext.desktop.ui.sms.ListSnapshot})
     * lives: beside its cache. Empty where there is no cache folder on disk to keep it in.
     */
    default Optional<Path> snapshotFile(Account account) {
        return Optional.empty();
    }

    /** How the account's snapshot is encrypted (its key from the secret store); empty when there is no key: then none is written. */
    default Optional<org.practicetext.desktop.secrets.FileCipher> snapshotCipher(Account account) {
        return Optional.empty();
    }
}
