// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;

/** Signs in to a relay and opens that account's client; the composition root supplies it. */
@FunctionalInterface
public interface Authenticator {
    DesktopClient signIn(Account account, char[] password) throws Exception;
}
