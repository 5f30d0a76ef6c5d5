// SPDX-License-Identifier: Apache-2.0
package org.practicetext;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.ui.signin.MachineConfig;

/** What Main starts: the embedded demo for the developer's run, the sign-in screen for the installed app. */
class MainStartTest {
    @Test
    void theDevelopersRunStartsTheDemoWhenNothingNamesARelay() {
        assertThat(Main.startsDemo(Map.of(), false, MachineConfig.none(), null, Optional.empty())).isTrue();
    }

    @Test
    void theInstalledAppShowsTheSignInScreenUnlessAskedForTheDemo() {
        assertThat(Main.startsDemo(Map.of(), true, MachineConfig.none(), null, Optional.empty())).isFalse();
        assertThat(Main.startsDemo(Map.of("PT_DEMO", "1"), true, MachineConfig.none(), null, Optional.empty())).isTrue();
    }

    @Test
    void aWorkstationFileNamesTheRelayAndABrokenOneStillMeansSignIn(@TempDir Path dir) throws IOException {
        MachineConfig preset = MachineConfig.load(Files.writeString(dir.resolve("a.properties"), "relay=https://relay.example.org\n"));
        assertThat(Main.relayUrl(Map.of(), preset)).isEqualTo("https://relay.example.org");
        assertThat(Main.relayUrl(Map.of("PT_RELAY_URL", "http://localhost:8080"), preset)).isEqualTo("http://localhost:8080");
        MachineConfig broken = MachineConfig.load(Files.writeString(dir.resolve("b.properties"), "relay=ftp://x\n"));
        assertThat(Main.relayUrl(Map.of(), broken)).isNull();
        assertThat(Main.startsDemo(Map.of(), false, broken, null, Optional.empty())).isFalse();
    }
}
