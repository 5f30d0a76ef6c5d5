// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import java.net.URI;
import java.util.Optional;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.AppInfo;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.update.UpdateNotice;

/**
 * Signs in to a relay and opens that account's client; the composition root supplies it, and with
 * it what this workstation's IT preset for sign-in ({@link MachineConfig}; none by default).
 */
@FunctionalInterface
public interface Authenticator {
    DesktopClient signIn(Account account, char[] password) throws Exception;

    /** The workstation's preset relay and practice, or its problem; the sign-in screen shows both. */
    default MachineConfig machineConfig() {
        return MachineConfig.none();
    }

    /**
     * What the relay at {@code relay} says about this app's version, asked before sign-in
     * (network; empty when there is nothing to say). A test playing an older desk answers for it.
     */
    default Optional<UpdateNotice> updateNotice(URI relay) throws Exception {
        return DesktopClients.updateNotice(relay, AppInfo.build());
    }
}
