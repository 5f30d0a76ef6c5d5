// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.mac.CoreFoundation;

/** Whether the macOS screen is locked: the session dictionary's {@code CGSSessionScreenIsLocked}. */
final class MacScreenLock {
    private MacScreenLock() {
    }

    interface Graphics extends Library {
        CoreFoundation.CFDictionaryRef CGSessionCopyCurrentDictionary();
    }

    /** Loaded on first use only (on macOS). */
    private static final class Holder {
        static final Graphics CORE_GRAPHICS = Native.load("CoreGraphics", Graphics.class);
    }

    static boolean locked() {
        CoreFoundation.CFDictionaryRef session = Holder.CORE_GRAPHICS.CGSessionCopyCurrentDictionary();
        if (session == null) {
            throw new IllegalStateException("no window server session");
        }
        CoreFoundation.CFStringRef key = CoreFoundation.CFStringRef.createCFString("CGSSessionScreenIsLocked");
        try {
            Pointer value = session.getValue(key);
            return value != null && new CoreFoundation.CFBooleanRef(value).booleanValue();
        } finally {
            key.release();
            session.release();
        }
    }
}
