// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.common.LinkOpener;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.MediaItem;

/**
 * One attachment opened in the viewer: its whole file (this workstation's copy, else fetched from
 * the relay and kept), the zoom (fit to the window until the person zooms; 5 % to 800 %), "Save
 * as…" under a sensible name, and "Open with system viewer", which copies the file to a private
 * temporary folder and hands it to the operating system (the view asks first: the copy leaves
 * PracticeText's protection).
 */
public final class AttachmentViewerViewModel {
    static final double MIN_SCALE = 0.05;
    static final double MAX_SCALE = 8;
    static final double STEP = 1.25;

    /** Where the file is. */
    public enum State { LOADING, READY, FAILED }

    private final UiSession session;
    private final LinkOpener links;
    private final MessageRow message;
    private final int position;
    private final MediaItem item;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyBooleanWrapper fitted = new ReadOnlyBooleanWrapper(true);
    private double fitScale = 1;

    public AttachmentViewerViewModel(UiSession session, LinkOpener links, MessageRow message, int position) {
        this.session = session;
        this.links = links;
        this.message = message;
        this.position = position;
        this.item = message.media().get(position);
    }

    /** Fetches the file (or finds this workstation's copy); READY or FAILED with the reason. */
    public void load() {
        state.set(State.LOADING);
        status.set(item.isImage() ? "Downloading photo…" : "Downloading file…");
        session.tasks().run(() -> session.client().attachments().file(message.id(), position), path -> {
            file.set(path);
            status.set("");
            state.set(State.READY);
        }, e -> {
            status.set((item.isImage() ? "Couldn't download this photo" : "Couldn't download this file")
                    + (e.getMessage() == null ? "." : ": " + e.getMessage()));
            state.set(State.FAILED);
        });
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** What happened last, in words ("Downloading photo…", "Saved as card.png", a failure). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public MediaItem item() {
        return item;
    }

    public boolean isImage() {
        return item.isImage();
    }

    /** The window's title: the file's name, or "Photo from Nov 2". */
    public String title() {
        return item.fileName() != null && !item.fileName().isBlank() ? item.fileName()
                : (item.isImage() ? "Photo" : "File") + " from " + session.times().date(message.createdAt());
    }

    /**
     * The name "Save as…" offers: the attachment's own name (without any folder part), else
     * {@code photo-2026-11-02.jpg} (or {@code file-…}) from the day it arrived and its type.
     */
    public String suggestedFileName() {
        String name = item.fileName();
        if (name != null) {
            name = name.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
            if (!name.isEmpty() && !name.startsWith(".")) {
                return name;
            }
        }
        LocalDate day = LocalDate.ofInstant(message.createdAt(), session.times().zone());
        return (item.isImage() ? "photo-" : "file-") + day + "." + extension(item.contentType());
    }

    /** The usual extension of a content type ("jpg" for image/jpeg); "bin" for one it does not know. */
    static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "image/jpeg", "image/jpg" -> "jpg";
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            case "image/heic" -> "heic";
            case "image/webp" -> "webp";
            case "application/pdf" -> "pdf";
            case "text/vcard", "text/x-vcard" -> "vcf";
            case "text/plain" -> "txt";
            case "video/mp4" -> "mp4";
            default -> "bin";
        };
    }

    /** Copies the file to {@code target} (the person chose it in "Save as…"). */
    public void saveTo(Path target) {
        Path source = file.get();
        if (source == null) {
            return;
        }
        session.tasks().run(() -> Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING),
                saved -> status.set("Saved as " + saved.getFileName()),
                e -> status.set("Couldn't save the file: " + e.getMessage()));
    }

    /** Copies the file to a private temporary folder and asks the operating system to open it (the view has asked first). */
    public void openOutside() {
        Path source = file.get();
        if (source == null) {
            return;
        }
        String name = suggestedFileName();
        session.tasks().run(() -> {
            Path folder = posix() ? Files.createTempDirectory("practicetext-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("practicetext-");
            Path copy = Files.copy(source, folder.resolve(name));
            copy.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            return copy;
        }, copy -> {
            links.open(copy.toUri());
            status.set("Opened outside PracticeText");
        }, e -> status.set("Couldn't open the file: " + e.getMessage()));
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    // --- zoom ----------------------------------------------------------------------------------

    /** The image's scale: 1 is one image pixel per screen pixel. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** Whether the image follows the window (until the person zooms). */
    public ReadOnlyBooleanProperty fittedProperty() {
        return fitted.getReadOnlyProperty();
    }

    /** "100%". */
    public String zoomText() {
        return Math.round(scale.get() * 100) + "%";
    }

    /** The window or the image changed size: a fitted image is fitted again (never enlarged past its own size). */
    public void viewport(double width, double height, double imageWidth, double imageHeight) {
        if (width <= 0 || height <= 0 || imageWidth <= 0 || imageHeight <= 0) {
            return;
        }
        fitScale = Math.max(MIN_SCALE, Math.min(1, Math.min(width / imageWidth, height / imageHeight)));
        if (fitted.get()) {
            scale.set(fitScale);
        }
    }

    public void zoomIn() {
        zoomTo(scale.get() * STEP);
    }

    public void zoomOut() {
        zoomTo(scale.get() / STEP);
    }

    /** Back to the whole image in the window. */
    public void fit() {
        fitted.set(true);
        scale.set(fitScale);
    }

    private void zoomTo(double next) {
        fitted.set(false);
        scale.set(Math.max(MIN_SCALE, Math.min(MAX_SCALE, next)));
    }
}
