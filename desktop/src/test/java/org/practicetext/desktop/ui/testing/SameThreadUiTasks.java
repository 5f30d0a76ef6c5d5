// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.practicetext.desktop.ui.common.UiTasks;

/**
 * The test variant of the executor seam: work and its result run on the calling thread (the
 * test's "UI thread"); callbacks that other threads post with {@link #onUiThread} wait in a queue
 * until the test drains it. So view models run without a window, and deterministically.
 */
public final class SameThreadUiTasks implements UiTasks {
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private volatile Throwable lastFailure;

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            onFailure.accept(e);
            return;
        }
        onResult.accept(result);
    }

    @Override
    public void onUiThread(Runnable action) {
        uiQueue.add(action);
    }

    @Override
    public Consumer<Throwable> failures() {
        return e -> lastFailure = e;
    }

    public Throwable lastFailure() {
        return lastFailure;
    }

    /** Runs queued UI callbacks until {@code condition} holds; fails after {@code timeout}. */
    public void drainUntil(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what
                        + (lastFailure == null ? "" : " (last failure: " + lastFailure + ")"));
            }
            try {
                Runnable next = uiQueue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                if (next != null) {
                    next.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs every UI callback queued so far (and any they queue) for at most {@code quiet}. */
    public void drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            Runnable next = uiQueue.poll();
            if (next == null) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                next.run();
            }
        }
    }
}
