// SPDX-License-Identifier: Apache-2.0
package org.practicetext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision from the toolkit's start-up failure: which ones are a missing package, and what the user reads. */
class ToolkitFailureTest {
    /** What JavaFX 25's GtkApplication throws when libgtk-3.so.0 cannot be loaded. */
    private static final UnsupportedOperationException NO_GTK = new UnsupportedOperationException("Unable to load glass GTK library.");
    private static final UnsupportedOperationException NO_DISPLAY = new UnsupportedOperationException("Unable to open DISPLAY");

    @Test
    void glassWithoutGtk3SaysWhatToInstall() {
        String message = ToolkitFailure.explain(NO_GTK, ":0", true).orElseThrow();

        assertTrue(message.startsWith("PracticeText cannot open its window:\n"));
        assertTrue(message.contains("the GTK 3 library (libgtk-3.so.0) is not installed"));
        assertTrue(message.contains("Debian/Ubuntu:  sudo apt-get install libgtk-3-0"));
        assertTrue(message.contains("Fedora:         sudo dnf install gtk3"));
        assertFalse(message.contains("display"), "the display was opened: " + message);
    }

    @Test
    void theReasonIsFoundBehindTheLauncherWrapper() {
        RuntimeException launch = new RuntimeException("Exception in Application start method", NO_GTK);

        assertEquals(ToolkitFailure.explain(NO_GTK, ":0", true), ToolkitFailure.explain(launch, ":0", true));
    }

    @Test
    void aMissingGtkOrX11SharedLibraryIsAlsoMissingGtk() {
        UnsatisfiedLinkError noX11 = new UnsatisfiedLinkError("/tmp/libglass.so: libX11.so.6: cannot open shared object file: No such file or directory");
        UnsatisfiedLinkError noGdk = new UnsatisfiedLinkError("libglassgtk3.so: libgdk-3.so.0: cannot open shared object file");

        assertTrue(ToolkitFailure.explain(noX11, ":0", true).orElseThrow().contains("sudo apt-get install libgtk-3-0"));
        assertTrue(ToolkitFailure.explain(noGdk, ":0", true).orElseThrow().contains("sudo dnf install gtk3"));
    }

    @Test
    void noDisplaySaysWhetherDisplayIsSetAndNamesGtkOnlyWhenItIsMissingToo() {
        String displayOnly = ToolkitFailure.explain(NO_DISPLAY, null, true).orElseThrow();
        String both = ToolkitFailure.explain(NO_DISPLAY, ":7", false).orElseThrow();

        assertTrue(displayOnly.contains("DISPLAY is not set"));
        assertFalse(displayOnly.contains("GTK"));
        assertTrue(both.contains("DISPLAY is set to \":7\" but cannot be opened"));
        assertTrue(both.contains("sudo apt-get install libgtk-3-0"));
    }

    @Test
    void anyOtherFailureIsABugAndKeepsItsStackTrace() {
        assertEquals(Optional.empty(), ToolkitFailure.explain(new IllegalStateException("Toolkit already initialized"), ":0", false));
        assertEquals(Optional.empty(), ToolkitFailure.explain(new UnsatisfiedLinkError("no prism_es2 in java.library.path"), ":0", false));
        assertEquals(Optional.empty(), ToolkitFailure.explain(new RuntimeException((String) null), ":0", false));
    }

    @Test
    void theFolderSearchFindsGtkOnlyWhereItIs(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path withGtk = Files.createDirectory(dir.resolve("lib"));
        Files.writeString(withGtk.resolve("libgtk-3.so.0"), "");

        assertFalse(ToolkitFailure.gtkFoundIn(List.of(empty)));
        assertTrue(ToolkitFailure.gtkFoundIn(List.of(empty, withGtk)));
        assertTrue(ToolkitFailure.libraryFolders(Map.of("LD_LIBRARY_PATH", withGtk + "::" + empty)).containsAll(List.of(withGtk, empty)));
    }
}
