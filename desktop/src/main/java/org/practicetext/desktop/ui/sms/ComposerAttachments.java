// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.Permission;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The files attached in the composer (by the paperclip, a drop or a paste), checked against what
 * the relay sends before anything is sent: at most {@link SendableFiles#MOST}, each at most 20 MB
 * and of a type it takes. A refused file is not attached and {@link #problemProperty()} says why in
 * the person's words; the files that pass are attached all the same. Only for a role with
 * {@code sms.tools.attachments} and {@code sms.send}, and only while the composer may send.
 */
public final class ComposerAttachments {
    private final UiSession session;
    private final ObservableList<AttachedFile> files = FXCollections.observableArrayList();
    /** One read-only view, kept: its listeners hang on it, and a view made per call would be collected with them. */
    private final ObservableList<AttachedFile> shown = FXCollections.unmodifiableObservableList(files);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding available;
    private FilePicker picker = FilePicker.SYSTEM;

    ComposerAttachments(UiSession session, ObservableBooleanValue composerEnabled) {
        this.session = session;
        boolean allowed = session.can(Permission.TOOLS_ATTACHMENTS) && session.can(Permission.SMS_SEND);
        available = Bindings.createBooleanBinding(() -> allowed && composerEnabled.get(), composerEnabled);
    }

    /** The chips above the text, in the order they go. */
    public ObservableList<AttachedFile> files() {
        return shown;
    }

    /** Why the last files offered were not all attached; empty when they were. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether this person may attach files here now (the paperclip shows, drops and pastes are taken). */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** Where the paperclip's files come from: the system's file chooser, or a test's. */
    public FilePicker picker() {
        return picker;
    }

    public void usePicker(FilePicker picker) {
        this.picker = picker;
    }

    /** Files chosen, dropped or pasted: their sizes are read off the FX thread, then each is checked and attached in order. */
    public void attach(List<Path> paths) {
        if (!available.get() || paths.isEmpty()) {
            return;
        }
        session.tasks().run(() -> paths.stream().map(ComposerAttachments::candidate).toList(), this::offer);
    }

    /** An image pasted from the clipboard (a screenshot), already a PNG. */
    public void attachPasted(byte[] png) {
        if (available.get()) {
            offer(List.of(new Candidate(OutgoingFile.inMemory(SendableFiles.PASTED_NAME, "image/png", png), null)));
        }
    }

    public void remove(AttachedFile file) {
        files.remove(file);
        problem.set("");
    }

    /** Nothing attached (the message went, or the composer turned to another recipient). */
    void clear() {
        files.clear();
        problem.set("");
    }

    /** Put back after a send that could not be queued. */
    void restore(List<AttachedFile> again) {
        files.setAll(again);
    }

    /** The message could not be queued with its files (they could not be copied for sending). */
    void notQueued(String why) {
        problem.set("Not sent: " + why);
    }

    List<OutgoingFile> outgoing() {
        return files.stream().map(AttachedFile::file).toList();
    }

    /** A file as found on disk, or why it cannot be read. */
    private record Candidate(OutgoingFile file, String unreadable) {
    }

    private static Candidate candidate(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try {
            if (!Files.isRegularFile(path)) {
                return new Candidate(null, name + " is a folder, not a file.");
            }
            String type = SendableFiles.typeOf(name).orElse("application/octet-stream");
            return new Candidate(OutgoingFile.onDisk(path, type, Files.size(path)), null);
        } catch (IOException | UncheckedIOException e) {
            return new Candidate(null, name + " cannot be read.");
        }
    }

    private void offer(List<Candidate> candidates) {
        List<String> refused = new ArrayList<>();
        for (Candidate c : candidates) {
            String why = c.unreadable() != null ? c.unreadable() : refusal(c.file());
            if (why == null) {
                files.add(new AttachedFile(c.file()));
            } else {
                refused.add(why);
            }
        }
        problem.set(refused.isEmpty() ? "" : refused.size() == 1 ? refused.getFirst() : refused.getFirst() + " (and " + (refused.size() - 1) + " more not attached)");
    }

    /** Why the relay would not send this file with the others already attached; null when it would. */
    private String refusal(OutgoingFile file) {
        if (files.size() >= SendableFiles.MOST) {
            return "A message can carry at most " + SendableFiles.MOST + " files: " + file.fileName() + " was not attached.";
        }
        if (SendableFiles.typeOf(file.fileName()).isEmpty()) {
            return file.fileName() + " can't be sent. " + SendableFiles.WHAT_IT_SENDS;
        }
        if (file.size() > SendableFiles.LARGEST) {
            return file.fileName() + " is " + AttachmentTile.humanSize(file.size()) + "; a file can be at most 20 MB.";
        }
        if (file.size() == 0) {
            return file.fileName() + " is empty.";
        }
        return null;
    }
}
