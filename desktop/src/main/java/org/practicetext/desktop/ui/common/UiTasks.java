// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one place where the FX thread is crossed (the UI's seam; the client has its own for the
 * sync loop). View models hand blocking work (cache reads,
 * outbox writes, relay calls) to {@link #run}; the result comes back on the UI thread. Listeners
 * that fire on background threads hop over with {@link #onUiThread}. Tests use a variant that
 * runs work on the calling thread, so view models are tested without a window.
 */
public interface UiTasks {

    /** Runs {@code work} off the UI thread, then {@code onResult} or {@code onFailure} on it. */
    <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (soon, not now). */
    void onUiThread(Runnable action);

    /** Where failures go that nobody handles: the shell shows them as a toast. */
    Consumer<Throwable> failures();

    /** Runs {@code work} off the UI thread, then {@code onResult} on it; failures go to {@link #failures()}. */
    default <T> void run(Callable<T> work, Consumer<T> onResult) {
        run(work, onResult, failures());
    }

    /** Fire-and-forget action (a user command); failures go to {@link #failures()}. */
    default void run(ThrowingAction action) {
        run(() -> {
            action.run();
            return Boolean.TRUE;
        }, ignored -> {
        }, failures());
    }

    /** An action that may throw a checked exception. */
    @FunctionalInterface
    interface ThrowingAction {
        void run() throws Exception;
    }
}
