// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This workstation's settings survive a restart, the window's place among them. */
class LocalSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theWindowsPlaceSurvivesARestart() {
        Path file = dir.resolve("workstation.properties");
        LocalSettings first = LocalSettings.load(file);
        assertThat(first.window()).isEmpty();
        first.appearance().set(Appearance.DARK);
        first.saveWindow(new WindowBounds(2100.5, -20, 1500, 1000, true));

        LocalSettings again = LocalSettings.load(file);

        assertThat(again.window()).contains(new WindowBounds(2100.5, -20, 1500, 1000, true));
        assertThat(again.appearance().get()).isEqualTo(Appearance.DARK);
    }

    @Test
    void anUnreadableWindowEntryIsIgnored() throws Exception {
        Path file = dir.resolve("workstation.properties");
        Files.writeString(file, "appearance=LIGHT\nwindow.width=wide\nwindow.height=700\n");

        LocalSettings settings = LocalSettings.load(file);

        assertThat(settings.window()).isEmpty();
        assertThat(settings.appearance().get()).isEqualTo(Appearance.LIGHT);
    }
}
