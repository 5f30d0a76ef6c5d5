// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where an export is saved: the system's save dialog (tests put their own file here). */
@FunctionalInterface
public interface SaveFilePicker {
    /** The file chosen over {@code owner} to save {@code suggestedName} as; empty when the person cancelled. */
    Optional<Path> choose(Window owner, String title, String suggestedName);

    /** The system's save dialog for a CSV file. */
    SaveFilePicker SYSTEM = (owner, title, suggestedName) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File chosen = chooser.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    };
}
