// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.practicetext.desktop.Failures;
import org.practicetext.desktop.ui.common.UiTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a failure nobody caught, on any thread (ADR 0026): a log line and a dialog that
 * name only the exception's classes and where in our code it was thrown ({@link Failures}), never
 * its message or anything of a patient's, which an exception message can quote. One dialog at a
 * time; the app carries on (sync and sending are on their own threads).
 */
public final class CrashReporter implements Thread.UncaughtExceptionHandler {
    private final UiTasks tasks;
    private final Window owner;
    private boolean showing;

    CrashReporter(UiTasks tasks, Window owner) {
        this.tasks = tasks;
        this.owner = owner;
    }

    /** Makes this the handler of every thread's uncaught failures, the FX thread's included. */
    static void install(UiTasks tasks, Window owner) {
        Thread.setDefaultUncaughtExceptionHandler(new CrashReporter(tasks, owner));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        String what = Failures.describe(failure);
        // Asked for here, not at install: the logging back end starts after the first paint (ADR 0021).
        Logger log = LoggerFactory.getLogger(CrashReporter.class);
        log.error("Unexpected failure on {}: {}", thread.getName(), what);
        log.debug("unexpected failure", failure);
        tasks.onUiThread(() -> show(what));
    }

    /** The dialog's text: what happened, in words without patient data. */
    static String text(String what) {
        return "PracticeText ran into a problem it did not expect and carries on. Messages being sent and sync go on.\n\n"
                + "If this happens again, tell your administrator: " + what;
    }

    private void show(String what) {
        if (showing) {
            return;
        }
        showing = true;
        Alert alert = new Alert(Alert.AlertType.ERROR, text(what), ButtonType.OK);
        alert.setTitle("PracticeText");
        alert.setHeaderText("Something went wrong");
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setOnHidden(e -> showing = false);
        alert.show();
    }
}
