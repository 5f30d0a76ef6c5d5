// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.practicetext.desktop.ui.common.UiTasks;

/**
 * A screen's "ask the cache again" with the latest question winning: at most one query runs at
 * a time; questions asked while it runs are folded into one, asked when it returns, and the
 * answer of a question that was overtaken is dropped. So a burst of keystrokes costs the query
 * in flight and one more, never one per keystroke, and no late answer paints over a newer one.
 * Call it on the UI thread; answers arrive there.
 */
public final class LatestQuery<T> {
    private final UiTasks tasks;
    private final Consumer<T> onAnswer;
    private Callable<T> pending;
    private boolean running;
    private long asked;

    public LatestQuery(UiTasks tasks, Consumer<T> onAnswer) {
        this.tasks = tasks;
        this.onAnswer = onAnswer;
    }

    /** Asks {@code query} (built from the screen's state now); it replaces any question still waiting. */
    public void ask(Callable<T> query) {
        asked++;
        if (running) {
            pending = query;
            return;
        }
        start(query);
    }

    /** Drops the question waiting and the answer in flight (the screen moved on to nothing). */
    public void cancel() {
        asked++;
        pending = null;
    }

    /** True while a question is out (an answer may still replace what the screen shows). */
    public boolean busy() {
        return running;
    }

    /** The number of the latest question; an answer that arrives later than another question is stale. */
    public long latest() {
        return asked;
    }

    private void start(Callable<T> query) {
        running = true;
        long number = asked;
        tasks.run(query, answer -> finished(number, answer), e -> {
            finished(number, null);
            tasks.failures().accept(e);
        });
    }

    private void finished(long number, T answer) {
        running = false;
        Callable<T> next = pending;
        pending = null;
        if (next != null) {
            start(next);
        } else if (number == asked && answer != null) {
            onAnswer.accept(answer);
        }
    }
}
