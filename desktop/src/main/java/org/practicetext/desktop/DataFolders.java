// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desktop keeps its files: the operating system's per-user data folder
 * ({@code %LOCALAPPDATA%} on Windows, {@code ~/Library/Application Support} on macOS,
 * {@code $XDG_DATA_HOME} or {@code ~/.local/share} elsewhere) + {@code PracticeText}. Inside it,
 * one cache folder per account (with its {@code media} folder of attachments) and, beside them, the
 * {@code secrets} folder of sign-in tokens.
 */
public final class DataFolders {
    static final String APP = "PracticeText";

    private DataFolders() {
    }

    public static Path defaultDataRoot() {
        return dataRoot(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    static Path dataRoot(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return (isSet(local) ? Path.of(local) : Path.of(home, "AppData", "Local")).resolve(APP);
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", APP);
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec ignores a relative XDG_DATA_HOME.
        return (isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve(APP);
    }

    /** The folder of one account's cache. */
    public static Path cacheFolder(Path dataRoot, Account account) {
        return dataRoot.resolve(account.key());
    }

    /** The attachments' files fetched for one account, inside its cache folder (owner-only, see {@code media.MediaFiles}). */
    public static Path mediaFolder(Path dataRoot, Account account) {
        return cacheFolder(dataRoot, account).resolve("media");
    }

    /** The folder of tokens: outside every cache folder. */
    public static Path secretsFolder(Path dataRoot) {
        return dataRoot.resolve("secrets");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
