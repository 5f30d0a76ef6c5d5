// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import java.util.Locale;

/**
 * Tells the desk when the operating system's session locks, so the window locks with it (ADR
 * 0026). Where the system cannot say (no session bus, an unknown desktop) it is quietly not
 * {@link #available()}, and the desk still locks on its own idle time and Ctrl+L. The callback
 * comes on a background thread.
 */
public interface SessionLockWatcher extends AutoCloseable {
    /** Starts watching; {@code onLock} runs (off the FX thread) each time the session locks. */
    void start(Runnable onLock);

    /** Whether this watcher can hear the system at all (after {@link #start}). */
    boolean available();

    @Override
    void close();

    /** The watcher for the system this runs on: D-Bus on Linux, the input desktop on Windows, the session dictionary on macOS. */
    static SessionLockWatcher forThisSystem() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return DbusSessionLock.forThisSession(System.getenv());
        }
        if (os.contains("windows")) {
            return new PolledSessionLock("windows", WindowsInputDesktop::locked);
        }
        if (os.contains("mac")) {
            return new PolledSessionLock("macos", MacScreenLock::locked);
        }
        return NONE;
    }

    SessionLockWatcher NONE = new SessionLockWatcher() {
        @Override
        public void start(Runnable onLock) {
        }

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void close() {
        }
    };
}
