// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the paperclip's files come from: the system's file chooser (tests put their own files
 * here). The request dialogs use {@link #pdf} for the one PDF a statement or plan is.
 */
@FunctionalInterface
public interface FilePicker {
    /** The files chosen over {@code owner}; empty when the person cancelled. */
    List<Path> choose(Window owner);

    FilePicker SYSTEM = owner -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Attach a photo or document");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Photos and documents", SendableFiles.patterns()),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    };

    /** The system's file chooser for one PDF ({@code title}: "Attach the statement"). */
    static FilePicker pdf(String title) {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF documents", "*.pdf", "*.PDF"));
            File chosen = chooser.showOpenDialog(owner);
            return chosen == null ? List.of() : List.of(chosen.toPath());
        };
    }
}
