// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.common.UiTasks;

/** The latest question wins: a burst costs the query in flight and one more, and an overtaken answer is never shown. */
class LatestQueryTest {
    /** Work waits until the test finishes it, one at a time, as a slow cache would. */
    static final class HeldTasks implements UiTasks {
        final Deque<Runnable> held = new ArrayDeque<>();
        final List<Throwable> failures = new ArrayList<>();
        int started;

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
            started++;
            held.add(() -> {
                try {
                    onResult.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        @Override
        public Consumer<Throwable> failures() {
            return failures::add;
        }

        void finishNext() {
            held.removeFirst().run();
        }
    }

    final HeldTasks tasks = new HeldTasks();
    final List<String> shown = new ArrayList<>();
    final LatestQuery<String> query = new LatestQuery<>(tasks, shown::add);

    @Test
    void keystrokesWhileAQueryRunsAreFoldedIntoOneMoreQueryForTheLatestText() {
        query.ask(() -> "a");
        query.ask(() -> "an");
        query.ask(() -> "ann");
        query.ask(() -> "anna");
        assertThat(tasks.started).isEqualTo(1);

        tasks.finishNext();
        assertThat(shown).as("the answer for 'a' was overtaken").isEmpty();
        assertThat(tasks.started).isEqualTo(2);

        tasks.finishNext();
        assertThat(shown).containsExactly("anna");
        assertThat(tasks.started).isEqualTo(2);
        assertThat(query.busy()).isFalse();
    }

    @Test
    void aQuestionAskedAfterTheAnswerCostsItsOwnQuery() {
        query.ask(() -> "a");
        tasks.finishNext();
        query.ask(() -> "an");
        tasks.finishNext();
        assertThat(shown).containsExactly("a", "an");
        assertThat(tasks.started).isEqualTo(2);
    }

    @Test
    void cancelDropsTheAnswerInFlight() {
        query.ask(() -> "a");
        query.cancel();
        tasks.finishNext();
        assertThat(shown).isEmpty();
        assertThat(tasks.held).isEmpty();
    }

    @Test
    void aFailureIsReportedAndTheNextQuestionStillRuns() {
        query.ask(() -> {
            throw new IllegalStateException("cache closed");
        });
        query.ask(() -> "again");
        tasks.finishNext();
        assertThat(tasks.failures).singleElement().satisfies(e -> assertThat(e).hasMessage("cache closed"));
        tasks.finishNext();
        assertThat(shown).containsExactly("again");
    }
}
