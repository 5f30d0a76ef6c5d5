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
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.practicetext.core.HiddenPreviews;
import org.practicetext.protocol.PracticeSettingsView;

/**
 * Preferences of this workstation that the relay need not know: appearance, the privacy screen
 * (ADR 0026), whether desktop notifications may show message text, and where the window was
 * (size, position, maximised: each desk has its own screens). The practice's workstation rules
 * ({@link #practiceRules}, from its settings) are held here too, in memory, so that everything
 * that shows message text asks one place: {@link #privacyScreenOn} is the desk's choice or the
 * practice's rule, and {@link #hideTextInNotifications} only narrows what notifications show
 * while the privacy screen is off. Kept in a small properties file beside the cache, saved
 * whenever a value changes (a few bytes; written on the UI thread on purpose, it is not I/O that
 * can stall).
 */
public final class LocalSettings {
    private final Path file;
    private final ObjectProperty<Appearance> appearance = new SimpleObjectProperty<>(Appearance.SYSTEM);
    private final BooleanProperty hideTextInNotifications = new SimpleBooleanProperty(false);
    private final BooleanProperty privacyScreen = new SimpleBooleanProperty(false);
    private final BooleanProperty lockedAtExit = new SimpleBooleanProperty(false);
    private final ObjectProperty<PracticeSettingsView.Privacy> practiceRules = new SimpleObjectProperty<>(PracticeSettingsView.Privacy.DEFAULT);
    private final BooleanBinding privacyScreenForced = Bindings.createBooleanBinding(() -> practiceRules.get().privacyScreen(), practiceRules);
    private final BooleanBinding privacyScreenOn = privacyScreen.or(privacyScreenForced);
    private final ObjectBinding<HiddenPreviews> hiddenPreviews = Bindings.createObjectBinding(() -> practiceRules.get().hiddenPreviews(), practiceRules);
    private final BooleanBinding notificationTextHidden = hideTextInNotifications.or(privacyScreenOn);
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
            settings.privacyScreen.set(Boolean.parseBoolean(p.getProperty("privacy.screen", "false")));
            settings.lockedAtExit.set(Boolean.parseBoolean(p.getProperty("privacy.locked", "false")));
            settings.window = window(p);
        }
        settings.appearance.addListener((o, a, b) -> settings.save());
        settings.hideTextInNotifications.addListener((o, a, b) -> settings.save());
        settings.privacyScreen.addListener((o, a, b) -> settings.save());
        settings.lockedAtExit.addListener((o, a, b) -> settings.save());
        return settings;
    }

    public ObjectProperty<Appearance> appearance() {
        return appearance;
    }

    public BooleanProperty hideTextInNotifications() {
        return hideTextInNotifications;
    }

    /** This desk's choice of the privacy screen (the practice's rule may force it on: {@link #privacyScreenOn}). */
    public BooleanProperty privacyScreen() {
        return privacyScreen;
    }

    /**
     * Whether the window was locked when the app last stopped (closed from the window's frame, a
     * crash): a resumed session then opens locked, so a restart passes no lock.
     */
    public BooleanProperty lockedAtExit() {
        return lockedAtExit;
    }

    /** The practice's workstation rules as last read from its settings (the defaults until then). */
    public ObjectProperty<PracticeSettingsView.Privacy> practiceRules() {
        return practiceRules;
    }

    /** Whether the practice turns the privacy screen on at every desk (then this desk cannot turn it off). */
    public BooleanBinding privacyScreenForced() {
        return privacyScreenForced;
    }

    /** Whether message text is hidden in the list and notifications and blurred in the thread now. */
    public BooleanBinding privacyScreenOn() {
        return privacyScreenOn;
    }

    /** What the list and notifications show in place of text while the privacy screen is on. */
    public ObjectBinding<HiddenPreviews> hiddenPreviews() {
        return hiddenPreviews;
    }

    /** Whether a notification leaves the message text out: this desk's notification choice, or the privacy screen. */
    public BooleanBinding notificationTextHidden() {
        return notificationTextHidden;
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
        p.setProperty("privacy.screen", Boolean.toString(privacyScreen.get()));
        p.setProperty("privacy.locked", Boolean.toString(lockedAtExit.get()));
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
