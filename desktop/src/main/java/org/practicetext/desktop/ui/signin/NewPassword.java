// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import org.practicetext.core.PasswordRule;

/**
 * The check a new password gets as it is typed, before the relay sees it: the project's one
 * {@link PasswordRule}, then that the confirmation matches. Used by the first sign-in's step and
 * by Settings → Account.
 */
public final class NewPassword {
    private NewPassword() {
    }

    /** Empty when {@code password} may be used; otherwise what to fix, in words. Nothing typed yet says the rule. */
    public static String flaw(String password, String confirmation, String username) {
        if (password == null || password.isEmpty()) {
            return PasswordRule.RULE;
        }
        var flaw = PasswordRule.flaw(password, username == null ? null : username.strip());
        if (flaw.isPresent()) {
            return flaw.get();
        }
        if (!password.equals(confirmation)) {
            return "The two passwords are not the same yet.";
        }
        return "";
    }
}
