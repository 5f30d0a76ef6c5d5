// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheException;
import org.practicetext.desktop.ui.common.UiTasks;
import org.practicetext.relay.LogCapture;

/** ADR 0026: what a crash dialog, its log line and a failure's toast say carries no patient data, even when the exception quotes it. */
class CrashReporterTest {
    private static final String QUOTE = "Value too long for column BODY: 'Hi Marisol, your crown is ready RT5' from +15557311943";

    /** Keeps what would run on the FX thread instead of running it (no toolkit here). */
    private static final class HeldTasks implements UiTasks {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        }

        @Override
        public void onUiThread(Runnable action) {
            held.add(action);
        }

        @Override
        public Consumer<Throwable> failures() {
            return e -> {
            };
        }
    }

    @Test
    void anUncaughtFailureIsLoggedAndShownByItsClassesOnly() {
        HeldTasks tasks = new HeldTasks();
        CrashReporter reporter = new CrashReporter(tasks, null);
        RuntimeException failure = new CacheException("Writing the local cache failed: " + QUOTE, new IllegalArgumentException(QUOTE));
        try (LogCapture logs = new LogCapture()) {
            reporter.uncaughtException(Thread.currentThread(), failure);
            assertThat(logs.text()).contains("Unexpected failure").contains("CacheException ← IllegalArgumentException")
                    .doesNotContain("Marisol").doesNotContain("RT5").doesNotContain("5557311943");
        }
        assertThat(tasks.held).as("the dialog is shown on the FX thread").hasSize(1);
        String dialog = CrashReporter.text(org.practicetext.desktop.Failures.describe(failure));
        assertThat(dialog).contains("CacheException").doesNotContain("Marisol").doesNotContain("5557311943");
    }

    @Test
    void aToastGivesTheRelaysWordsButNotAnExceptionsQuote() {
        assertThat(MainWindow.messageOf(new RuntimeException(new RelayException(409, "opted_out", "This patient opted out of texts."))))
                .isEqualTo("This patient opted out of texts.");
        assertThat(MainWindow.messageOf(new CacheException("Reading the local cache failed: " + QUOTE, null)))
                .startsWith("Something went wrong (CacheException").doesNotContain("Marisol").doesNotContain("5557311943");
    }
}
