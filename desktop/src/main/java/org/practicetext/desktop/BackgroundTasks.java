// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.time.Duration;

/**
 * The one seam through which the desktop client starts background work (the sync loop today;
 * the UI's tasks later), so tests can choose how it runs. {@link #threads()} gives each task its
 * own named daemon thread; {@link #sameThread()} runs it to completion in the caller, for tests
 * of work that ends on its own.
 */
public interface BackgroundTasks {

    Task start(String name, Runnable work);

    /** A started piece of work. */
    interface Task {
        /** Waits up to {@code timeout} for the work to end; answers whether it did. */
        boolean join(Duration timeout) throws InterruptedException;
    }

    static BackgroundTasks threads() {
        return (name, work) -> {
            Thread thread = Thread.ofPlatform().daemon().name(name).start(work);
            return timeout -> thread.join(timeout);
        };
    }

    static BackgroundTasks sameThread() {
        return (name, work) -> {
            work.run();
            return timeout -> true;
        };
    }
}
