// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

/**
 * What the window asks of whoever composed it when the user leaves the session: sign out
 * (forget the account on this workstation) or switch user (sign in as someone else).
 */
public interface SessionActions {
    void signOut();

    /** Signs out, with this workstation's copy of the practice's messages removed too when {@code removeCopy} (ADR 0026). */
    default void signOut(boolean removeCopy) {
        signOut();
    }

    void switchUser();
}
