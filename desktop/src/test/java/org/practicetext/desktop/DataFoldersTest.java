// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where each operating system keeps per-user application data. */
class DataFoldersTest {
    @Test
    void windowsUsesLocalAppData() {
        assertThat(DataFolders.dataRoot("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/sam/AppData/Local"), "/c/Users/sam"))
                .isEqualTo(Path.of("/c/Users/sam/AppData/Local/PracticeText"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataFolders.dataRoot("Mac OS X", Map.of(), "/Users/sam")).isEqualTo(Path.of("/Users/sam/Library/Application Support/PracticeText"));
    }

    @Test
    void linuxUsesXdgDataHomeWhenItIsAbsoluteAndLocalShareOtherwise() {
        assertThat(DataFolders.dataRoot("Linux", Map.of("XDG_DATA_HOME", "/data/sam"), "/home/sam")).isEqualTo(Path.of("/data/sam/PracticeText"));
        assertThat(DataFolders.dataRoot("Linux", Map.of("XDG_DATA_HOME", "relative"), "/home/sam")).isEqualTo(Path.of("/home/sam/.local/share/PracticeText"));
        assertThat(DataFolders.dataRoot("Linux", Map.of(), "/home/sam")).isEqualTo(Path.of("/home/sam/.local/share/PracticeText"));
    }

    @Test
    void eachAccountHasItsOwnCacheFolderAndTokensLiveOutsideThem() {
        Path root = Path.of("/data/PracticeText");
        Account sam = new Account(URI.create("https://relay.example.test:8443"), "smile", "Sam");
        Account alex = new Account(URI.create("https://relay.example.test:8443"), "smile", "alex");

        assertThat(DataFolders.cacheFolder(root, sam)).isEqualTo(root.resolve("relay.example.test_8443_smile_sam"));
        assertThat(DataFolders.cacheFolder(root, sam)).isNotEqualTo(DataFolders.cacheFolder(root, alex));
        assertThat(DataFolders.secretsFolder(root)).isNotEqualTo(DataFolders.cacheFolder(root, sam));
    }
}
