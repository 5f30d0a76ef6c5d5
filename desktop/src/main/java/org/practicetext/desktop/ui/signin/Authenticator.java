// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;

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
}
