// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DataFolders;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.ui.shell.ClientSource;
import org.practicetext.desktop.ui.sms.ListSnapshot;

/** The real client factory over one data folder, as the app's composition root backs {@link ClientSource} (without its early resume). */
public final class OnDiskClients {
    private OnDiskClients() {
    }

    /** Signs in and resumes accounts whose caches and tokens live under {@code dataRoot}, on the system clock. */
    public static ClientSource at(Path dataRoot) {
        return new ClientSource() {
            @Override
            public DesktopClient signIn(Account account, char[] password) throws Exception {
                return DesktopClients.signIn(account, password, dataRoot, Clock.systemUTC());
            }

            @Override
            public Optional<DesktopClient> resume(Account account) {
                return DesktopClients.resume(account, dataRoot, Clock.systemUTC());
            }

            @Override
            public Optional<Path> snapshotFile(Account account) {
                return Optional.of(DataFolders.cacheFolder(dataRoot, account).resolve(ListSnapshot.FILE));
            }

            @Override
            public Optional<org.practicetext.desktop.secrets.FileCipher> snapshotCipher(Account account) {
                return DesktopClients.fileCipher(dataRoot, account);
            }
        };
    }
}
