// SPDX-License-Identifier: Apache-2.0
package org.practicetext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the JavaFX toolkit's start-up failures that mean "this machine lacks something" into a
 * plain message for the person who started the app: what is missing and how to install it.
 * On Linux, JavaFX's glass layer first opens the X display, then loads GTK 3 ({@code libgtk-3.so.0}),
 * and throws "Unable to open DISPLAY" or "Unable to load glass GTK library." when it cannot; a
 * missing X11 or GTK shared library shows up as an {@link UnsatisfiedLinkError} naming it. Because
 * the display is checked first, a machine with neither would hear only of the display: so after a
 * display failure the library folders are searched for GTK 3 too. That search only adds to a
 * failure the toolkit already reported; it never stops a start on its own (a library it cannot see
 * may still be found by the loader). Any other failure is a bug, not a missing package, and gets
 * no message here, so its stack trace stays.
 */
final class ToolkitFailure {
    /** The exit status when the toolkit cannot start on this machine. */
    static final int EXIT_STATUS = 1;

    static final String GTK_LIBRARY = "libgtk-3.so.0";

    static final String GTK_MISSING = """
              - the GTK 3 library (libgtk-3.so.0) is not installed; JavaFX needs it on Linux. Install it:
                  Debian/Ubuntu:  sudo apt-get install libgtk-3-0
                  Fedora:         sudo dnf install gtk3""";

    static final String NO_DISPLAY = """
              - no graphical display was found (DISPLAY is %s). Start PracticeText from a desktop
                session, or over SSH with X forwarding (ssh -X).""";

    private ToolkitFailure() {
    }

    /**
     * The message for the user if {@code failure} (or one of its causes) says the toolkit cannot
     * start on this machine; empty for anything else. {@code gtkFound} is the folder search's answer.
     */
    static Optional<String> explain(Throwable failure, String display, boolean gtkFound) {
        List<String> missing = new ArrayList<>();
        for (Throwable t = failure; t != null && missing.isEmpty(); t = t.getCause() == t ? null : t.getCause()) {
            String lower = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (lower.contains("unable to load glass gtk library")) {
                missing.add(GTK_MISSING);
            } else if (t instanceof UnsatisfiedLinkError && (lower.contains("libgtk-3") || lower.contains("libgdk-3") || lower.contains("libx11"))) {
                // glass's own libraries link X11 and GTK 3; installing GTK 3 brings X11 with it.
                missing.add(GTK_MISSING);
            } else if (lower.contains("unable to open display")) {
                if (!gtkFound) {
                    missing.add(GTK_MISSING);
                }
                String shown = display == null || display.isBlank() ? "not set" : "set to \"" + display + "\" but cannot be opened";
                missing.add(NO_DISPLAY.formatted(shown));
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("PracticeText cannot open its window:\n" + String.join("\n", missing) + "\nThen start PracticeText again.");
    }

    /** Whether {@code libgtk-3.so.0} is in one of the folders the dynamic loader searches by default. */
    static boolean gtkFound(Map<String, String> env) {
        return gtkFoundIn(libraryFolders(env));
    }

    static boolean gtkFoundIn(List<Path> folders) {
        return folders.stream().anyMatch(folder -> Files.exists(folder.resolve(GTK_LIBRARY)));
    }

    /** {@code LD_LIBRARY_PATH}, the folders of {@code /etc/ld.so.conf.d}, and the usual system ones. */
    static List<Path> libraryFolders(Map<String, String> env) {
        List<Path> folders = new ArrayList<>();
        for (String entry : env.getOrDefault("LD_LIBRARY_PATH", "").split(":")) {
            if (!entry.isBlank()) {
                folders.add(Path.of(entry));
            }
        }
        try (Stream<Path> confs = Files.list(Path.of("/etc/ld.so.conf.d"))) {
            for (Path conf : confs.filter(p -> p.toString().endsWith(".conf")).toList()) {
                for (String line : Files.readAllLines(conf)) {
                    if (line.startsWith("/")) {
                        folders.add(Path.of(line.strip()));
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no such folder (not glibc, or not Linux): the usual folders below still count
        }
        for (String usual : List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib",
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu")) {
            folders.add(Path.of(usual));
        }
        return folders;
    }
}
