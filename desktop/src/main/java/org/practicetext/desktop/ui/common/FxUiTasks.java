// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The production seam: work runs on virtual threads, results come back through
 * {@link Platform#runLater}. Nothing else in the UI calls {@code runLater} or starts threads.
 */
public final class FxUiTasks implements UiTasks, AutoCloseable {
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ui-work-", 0).factory());
    /**
     * Until the window routes them to its toasts: logged by their classes (a message can quote patient data; ADR 0026).
     * The logger is asked for here, not when the class loads: logging starts after the first paint (ADR 0021).
     */
    private volatile Consumer<Throwable> failures = e -> {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FxUiTasks.class);
        log.warn("unhandled failure ({})", org.practicetext.desktop.Failures.describe(e));
        log.debug("unhandled failure", e);
    };

    /** Routes unhandled failures to {@code sink} (called on the UI thread). */
    public void setFailures(Consumer<Throwable> sink) {
        this.failures = Objects.requireNonNull(sink);
    }

    /** Work asked for after {@link #close()} (a late event of a signed-out session) is dropped. */
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        if (workers.isShutdown()) {
            return;
        }
        try {
            submit(work, onResult, onFailure);
        } catch (RejectedExecutionException closedMeanwhile) {
            // closed between the check and the submit: dropped as above
        }
    }

    private <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        workers.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onResult.accept(result));
            } catch (Throwable e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public Consumer<Throwable> failures() {
        return e -> failures.accept(e);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
