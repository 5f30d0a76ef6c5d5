// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Test helpers that run code on the FX thread and wait for conditions the FX thread sees. */
public final class FxThread {
    private FxThread() {
    }

    public static void start() {
        try {
            Platform.startup(() -> {
            });
        } catch (IllegalStateException alreadyStarted) {
            // fine: one toolkit per JVM
        }
        Platform.setImplicitExit(false);
    }

    public static <T> T call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until {@code condition} (checked on the FX thread) holds, or fails after {@code seconds}. */
    public static void await(String what, double seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            if (call(condition::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Lets pending layout and pulses happen. */
    public static void settle(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run(() -> {
        });
    }
}
