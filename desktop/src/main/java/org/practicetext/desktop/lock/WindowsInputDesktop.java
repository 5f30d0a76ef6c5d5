// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * Whether the Windows session is locked: while it is, the input desktop is the secure one
 * (Winlogon's), which a user's process can neither open nor switch to.
 */
final class WindowsInputDesktop {
    private static final int DESKTOP_SWITCHDESKTOP = 0x0100;

    private WindowsInputDesktop() {
    }

    /** The functions of user32 the check needs (JNA's own User32 has not all of them). */
    interface Desktops extends StdCallLibrary {
        WinNT.HANDLE OpenInputDesktop(int flags, boolean inherit, int access);

        boolean SwitchDesktop(WinNT.HANDLE desktop);

        boolean CloseDesktop(WinNT.HANDLE desktop);
    }

    /** Loaded on first use only (on Windows). */
    private static final class Holder {
        static final Desktops USER32 = Native.load("user32", Desktops.class, W32APIOptions.DEFAULT_OPTIONS);
    }

    static boolean locked() {
        WinNT.HANDLE desktop = Holder.USER32.OpenInputDesktop(0, false, DESKTOP_SWITCHDESKTOP);
        if (desktop == null) {
            return true;
        }
        try {
            return !Holder.USER32.SwitchDesktop(desktop);
        } finally {
            Holder.USER32.CloseDesktop(desktop);
        }
    }
}
