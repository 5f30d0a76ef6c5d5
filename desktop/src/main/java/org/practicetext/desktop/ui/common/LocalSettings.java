// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Preferences of this workstation that the relay need not know: appearance and whether desktop
 * notifications may show message text. Kept in a small properties file beside the cache, saved
 * whenever a value changes (a few bytes; written on the UI thread on purpose, it is not I/O that
 * can stall).
 */
public final class LocalSettings {
    private final Path file;
    private final ObjectProperty<Appearance> appearance = new SimpleObjectProperty<>(Appearance.SYSTEM);
    private final BooleanProperty hideTextInNotifications = new SimpleBooleanProperty(false);

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

    private void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("appearance", appearance.get().name());
        p.setProperty("notifications.hideText", Boolean.toString(hideTextInNotifications.get()));
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
