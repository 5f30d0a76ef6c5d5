// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.session;

/**
 * What the sign-out confirmation shows: how many items wait in the outbox unsent (lost if the
 * workstation's copy is removed), and whether the practice makes removing the copy the rule
 * ({@code settings.privacy.removeCopyOnSignOut}, ADR 0026).
 */
public record SignOutChoice(int unsent, boolean removalRequired) {
    public static final SignOutChoice NONE = new SignOutChoice(0, false);

    /** The dialog's warning when the copy is removed with unsent work ("2 messages not sent yet will be lost."); empty when none. */
    public String unsentWarning() {
        return unsent == 0 ? "" : unsent + (unsent == 1 ? " message or change not sent yet will be lost." : " messages or changes not sent yet will be lost.");
    }
}
