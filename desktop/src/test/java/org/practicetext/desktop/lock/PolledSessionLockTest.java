// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Windows and macOS watchers' rule, asked by hand (their probes need those systems). */
class PolledSessionLockTest {
    private final AtomicBoolean locked = new AtomicBoolean();
    private final AtomicInteger locks = new AtomicInteger();

    @Test
    void aTurnToLockedCallsBackOnce() {
        PolledSessionLock watcher = new PolledSessionLock("test", locked::get);
        watcher.start(locks::incrementAndGet);
        watcher.close(); // the test asks, not the watcher's thread
        assertThat(watcher.poll()).isTrue();
        locked.set(true);
        watcher.poll();
        watcher.poll();
        assertThat(locks).as("locked twice in a row is one lock").hasValue(1);
        locked.set(false);
        watcher.poll();
        locked.set(true);
        watcher.poll();
        assertThat(locks).hasValue(2);
    }

    @Test
    void aSessionAlreadyLockedAtStartIsNoNewLock() {
        locked.set(true);
        PolledSessionLock watcher = new PolledSessionLock("test", locked::get);
        watcher.start(locks::incrementAndGet);
        watcher.poll();
        watcher.close();
        assertThat(locks).hasValue(0);
    }

    @Test
    void aProbeThatCannotWorkHereIsQuietlyNotAvailable() {
        PolledSessionLock watcher = new PolledSessionLock("test", () -> {
            throw new UnsatisfiedLinkError("no user32 here");
        });
        watcher.start(locks::incrementAndGet);
        assertThat(watcher.available()).isFalse();
    }

    @Test
    void onThisLinuxTheWindowsAndMacProbesAreNotAvailable() {
        PolledSessionLock windows = new PolledSessionLock("windows", WindowsInputDesktop::locked);
        windows.start(locks::incrementAndGet);
        assertThat(windows.available()).isFalse();
        PolledSessionLock mac = new PolledSessionLock("macos", MacScreenLock::locked);
        mac.start(locks::incrementAndGet);
        assertThat(mac.available()).isFalse();
    }
}
