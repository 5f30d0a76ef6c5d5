// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session lock the system can only be asked about, not heard from (Windows, macOS): a virtual
 * thread asks {@link Probe} every {@link #EVERY} and calls back when the answer turns to locked.
 * A probe that cannot work here (no such library, no session) fails on its first question, and
 * the watcher is then quietly not available.
 */
final class PolledSessionLock implements SessionLockWatcher {
    static final Duration EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(PolledSessionLock.class);

    /** Whether the operating system's session is locked now. */
    @FunctionalInterface
    interface Probe {
        boolean locked() throws Exception;
    }

    private final String name;
    private final Probe probe;
    private volatile boolean running;
    private boolean known;
    private boolean wasLocked;
    private Runnable onLock = () -> {
    };

    PolledSessionLock(String name, Probe probe) {
        this.name = name;
        this.probe = probe;
    }

    @Override
    public void start(Runnable callback) {
        onLock = callback;
        running = true;
        if (!poll()) {
            return;
        }
        Thread.ofVirtual().name("session-lock-" + name).start(() -> {
            while (running) {
                try {
                    Thread.sleep(EVERY);
                } catch (InterruptedException e) {
                    return;
                }
                if (running) {
                    poll();
                }
            }
        });
    }

    /** Asks once; false (and no longer available) when the probe cannot work. A turn to locked calls back; the first answer only says where it starts. */
    synchronized boolean poll() {
        try {
            boolean locked = probe.locked();
            if (known && locked && !wasLocked) {
                onLock.run();
            }
            wasLocked = locked;
            known = true;
            return true;
        } catch (Exception | LinkageError e) {
            LOG.debug("Session lock ({}) not available ({})", name, e.getClass().getSimpleName());
            running = false;
            return false;
        }
    }

    @Override
    public boolean available() {
        return running;
    }

    @Override
    public void close() {
        running = false;
    }
}
