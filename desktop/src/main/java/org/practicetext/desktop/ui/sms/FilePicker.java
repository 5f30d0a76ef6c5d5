// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where the paperclip's files come from: the system's file chooser (tests put their own files here). */
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
}
