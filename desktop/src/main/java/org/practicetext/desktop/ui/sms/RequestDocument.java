// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.desktop.ui.common.UiTasks;

/**
 * The PDF a request carries behind its link (a payment's statement, a treatment plan): chosen on
 * disk, checked before anything is sent (a PDF by its name and its first bytes, at most 20 MB, not
 * empty), read off the FX thread. A refused file is not taken and {@link #problemProperty()} says
 * why; the file chosen before stays.
 */
public final class RequestDocument {
    private static final byte[] PDF_MAGIC = "%PDF".getBytes(StandardCharsets.US_ASCII);
    private final UiTasks tasks;
    private final ReadOnlyObjectWrapper<OutgoingFile> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final StringBinding label;

    RequestDocument(UiTasks tasks) {
        this.tasks = tasks;
        label = Bindings.createStringBinding(() -> file.get() == null ? "" : file.get().fileName() + " · PDF · " + AttachmentTile.humanSize(file.get().size()), file);
    }

    /** The PDF chosen; null when none is. */
    public ReadOnlyObjectProperty<OutgoingFile> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** "statement.pdf · PDF · 1.2 MB", or empty. */
    public StringBinding labelProperty() {
        return label;
    }

    /** Why the last file chosen was not taken; empty when it was. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A file chosen: checked off the FX thread, then taken or refused. */
    public void choose(Path path) {
        if (path == null) {
            return;
        }
        tasks.run(() -> check(path), checked -> {
            if (checked.refusal() == null) {
                file.set(checked.file());
                problem.set("");
            } else {
                problem.set(checked.refusal());
            }
        });
    }

    public void clear() {
        file.set(null);
        problem.set("");
    }

    private record Checked(OutgoingFile file, String refusal) {
    }

    private static Checked check(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            return new Checked(null, name + " is not a PDF. Export the document as a PDF first.");
        }
        try {
            if (!Files.isRegularFile(path)) {
                return new Checked(null, name + " is a folder, not a file.");
            }
            long size = Files.size(path);
            if (size == 0) {
                return new Checked(null, name + " is empty.");
            }
            if (size > SendableFiles.LARGEST) {
                return new Checked(null, name + " is over 20 MB, the most a PDF sent by text can be.");
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(path)) {
                head = in.readNBytes(PDF_MAGIC.length);
            }
            if (!Arrays.equals(head, PDF_MAGIC)) {
                return new Checked(null, name + " is named .pdf but is not a PDF.");
            }
            return new Checked(OutgoingFile.onDisk(path, "application/pdf", size), null);
        } catch (IOException e) {
            return new Checked(null, name + " cannot be read.");
        }
    }
}
