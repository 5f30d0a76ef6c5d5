// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The workstation's configuration file that IT copies beside a silent install
 * ({@code practicetext.properties}: {@code relay} and {@code practice}), so the sign-in screen asks
 * only for the username and password. It is per machine, not per user: {@code %ProgramData%\PracticeText\}
 * on Windows, {@code /Library/Application Support/PracticeText/} on macOS, {@code /etc/practicetext/}
 * elsewhere; the system property {@code practicetext.machineConfig} or {@code PT_MACHINE_CONFIG}
 * names another file (tests). A missing file presets nothing. A file that cannot be used (unreadable,
 * an unknown key, an address that is not an http(s) URL) presets nothing either and carries a
 * {@link #problem()} in plain words for the sign-in screen: the app never fails to start because of it.
 */
public final class MachineConfig {
    public static final String FILE_NAME = "practicetext.properties";
    public static final String LOCATION_PROPERTY = "practicetext.machineConfig";
    public static final String LOCATION_ENV = "PT_MACHINE_CONFIG";
    static final Set<String> KEYS = Set.of("relay", "practice");

    private static final MachineConfig NONE = new MachineConfig(null, null, null, null);

    private final Path source;
    private final URI relay;
    private final String practice;
    private final String problem;

    private MachineConfig(Path source, URI relay, String practice, String problem) {
        this.source = source;
        this.relay = relay;
        this.practice = practice;
        this.problem = problem;
    }

    /** No file: nothing preset, nothing wrong. */
    public static MachineConfig none() {
        return NONE;
    }

    /** Where this machine's file is: the override if one is given, else the OS's place for it. */
    public static Path location(Map<String, String> env) {
        String property = System.getProperty(LOCATION_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = env.get(LOCATION_ENV);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return defaultLocation(System.getProperty("os.name", ""), env);
    }

    static Path defaultLocation(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"), "PracticeText", FILE_NAME);
        }
        if (os.contains("mac")) {
            return Path.of("/Library/Application Support/PracticeText", FILE_NAME);
        }
        return Path.of("/etc/practicetext", FILE_NAME);
    }

    /** Reads {@code file}; never throws (see the class comment). */
    public static MachineConfig load(Path file) {
        if (!Files.exists(file)) {
            return NONE;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return broken(file, "it is not saved as UTF-8 text.");
        } catch (IOException e) {
            return broken(file, "it could not be read (" + e.getClass().getSimpleName() + ").");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Notepad's byte order mark
        }
        Properties p = new Properties();
        try (Reader in = new StringReader(text)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return broken(file, "it is not a properties file (" + e.getMessage() + ").");
        }
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            return broken(file, "it has the unknown setting " + String.join(", ", unknown.stream().map(k -> "\"" + k + "\"").toList())
                    + " (the settings are relay and practice).");
        }
        String relayText = p.getProperty("relay", "").strip();
        String practiceText = p.getProperty("practice", "").strip().toLowerCase(Locale.ROOT);
        if (relayText.isEmpty() && practiceText.isEmpty()) {
            return broken(file, "it sets neither relay nor practice.");
        }
        URI relay = null;
        if (!relayText.isEmpty()) {
            try {
                relay = SignInViewModel.parseUrl(relayText);
            } catch (IllegalArgumentException e) {
                return broken(file, "relay = " + relayText + ": " + e.getMessage());
            }
        }
        return new MachineConfig(file, relay, practiceText.isEmpty() ? null : practiceText, null);
    }

    private static MachineConfig broken(Path file, String why) {
        return new MachineConfig(file, null, null, "This workstation's PracticeText settings (" + file + ") could not be used: " + why
                + " Ask your IT administrator to correct the file. Until then, enter the relay address yourself.");
    }

    /** The relay every desk of this machine signs in to, when the file sets it. */
    public Optional<URI> relay() {
        return Optional.ofNullable(relay);
    }

    /** The practice, when the file sets it (lower case, as sign-in sends it). */
    public Optional<String> practice() {
        return Optional.ofNullable(practice);
    }

    /** Why the file could not be used, in words for the sign-in screen; empty when it was fine or absent. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Whether a file was found at all (a usable one or a broken one). */
    public boolean present() {
        return source != null;
    }

    @Override
    public String toString() {
        return "MachineConfig[" + (source == null ? "none" : source + (problem == null ? "" : ", unusable")) + "]";
    }
}
