// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Preferences of this workstation that the relay need not know: appearance, whether desktop
 * notifications may show message text, and where the window was (size, position, maximised:
 * each desk has its own screens). Kept in a small properties file beside the cache, saved
 * whenever a value changes (a few bytes; written on the UI thread on purpose, it is not I/O that
 * can stall).
 */
public final class LocalSettings {
    private final Path file;
    private final ObjectProperty<Appearance> appearance = new SimpleObjectProperty<>(Appearance.SYSTEM);
    private final BooleanProperty hideTextInNotifications = new SimpleBooleanProperty(false);
    private WindowBounds window;

    private LocalSettings(Path file) {
        this.file = file;
    }

    /** Reads the file if it exists ({@code null} keeps everything in memory, for tests). */
    public static LocalSettings load(Path file) {
        LocalSettings settings = new LocalSettings(file);
        if (file != null && Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                settings.appearance.set(Appearance.valueOf(p.getProperty("appearance", "SYSTEM")));
            } catch (IllegalArgumentException ignored) {
                settings.appearance.set(Appearance.SYSTEM);
            }
            settings.hideTextInNotifications.set(Boolean.parseBoolean(p.getProperty("notifications.hideText", "false")));
            settings.window = window(p);
        }
        settings.appearance.addListener((o, a, b) -> settings.save());
        settings.hideTextInNotifications.addListener((o, a, b) -> settings.save());
        return settings;
    }

    public ObjectProperty<Appearance> appearance() {
        return appearance;
    }

    public BooleanProperty hideTextInNotifications() {
        return hideTextInNotifications;
    }

    /** Where the window was when the app last closed on this workstation (empty the first time). */
    public Optional<WindowBounds> window() {
        return Optional.ofNullable(window);
    }

    /** Remembers the window's bounds (on close; not on every pixel of a drag). */
    public void saveWindow(WindowBounds bounds) {
        if (!bounds.equals(window)) {
            window = bounds;
            save();
        }
    }

    /** The saved bounds, or null when missing or unreadable (then the window opens as the first time). */
    private static WindowBounds window(Properties p) {
        try {
            String width = p.getProperty("window.width");
            if (width == null) {
                return null;
            }
            return new WindowBounds(Double.parseDouble(p.getProperty("window.x", "0")), Double.parseDouble(p.getProperty("window.y", "0")),
                    Double.parseDouble(width), Double.parseDouble(p.getProperty("window.height", "0")),
                    Boolean.parseBoolean(p.getProperty("window.maximized", "false")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("appearance", appearance.get().name());
        p.setProperty("notifications.hideText", Boolean.toString(hideTextInNotifications.get()));
        if (window != null) {
            p.setProperty("window.x", Double.toString(window.x()));
            p.setProperty("window.y", Double.toString(window.y()));
            p.setProperty("window.width", Double.toString(window.width()));
            p.setProperty("window.height", Double.toString(window.height()));
            p.setProperty("window.maximized", Boolean.toString(window.maximized()));
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "PracticeText workstation settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
