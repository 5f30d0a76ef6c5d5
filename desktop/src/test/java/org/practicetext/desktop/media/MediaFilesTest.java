// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.TestClock;

/** The workstation's attachment files: least recently used out first once over the cap, owner-only, never half written. */
class MediaFilesTest {
    @TempDir
    Path temp;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T15:00:00Z"));

    private Path store(MediaFiles files, long messageId, int bytes) throws IOException {
        clock.advance(Duration.ofMinutes(1));
        return files.store(messageId, 0, into -> {
            Files.write(into, new byte[bytes]);
            return null;
        });
    }

    @Test
    void theLeastRecentlyUsedFilesGoFirstWhenANewOnePassesTheCap() throws IOException {
        MediaFiles files = new MediaFiles(temp.resolve("media"), 1_000, clock);
        store(files, 1, 400);
        store(files, 2, 400);
        clock.advance(Duration.ofMinutes(1));
        assertThat(files.find(1, 0)).isPresent(); // opened again: now 2 is the least recently used

        store(files, 3, 400);

        assertThat(files.find(2, 0)).isEmpty();
        assertThat(files.find(1, 0)).isPresent();
        assertThat(files.find(3, 0)).isPresent();
        assertThat(files.totalBytes()).isEqualTo(800);
    }

    @Test
    void aFileLargerThanTheCapStaysAloneUntilTheNextOne() throws IOException {
        MediaFiles files = new MediaFiles(temp.resolve("media"), 1_000, clock);
        store(files, 1, 300);
        store(files, 2, 1_500);

        assertThat(files.find(1, 0)).isEmpty();
        assertThat(files.find(2, 0)).isPresent();
        store(files, 3, 10);
        assertThat(files.find(2, 0)).isEmpty();
        assertThat(files.totalBytes()).isEqualTo(10);
    }

    @Test
    void aDownloadThatFailsLeavesNoFileBehind() {
        MediaFiles files = new MediaFiles(temp.resolve("media"), 1_000, clock);
        assertThatThrownBy(() -> files.store(5, 1, into -> {
            Files.write(into, new byte[50]);
            throw new IOException("connection reset");
        })).isInstanceOf(IOException.class);

        assertThat(files.find(5, 1)).isEmpty();
        assertThat(files.totalBytes()).isZero();
        assertThat(temp.resolve("media").toFile().list()).isEmpty();
    }

    @Test
    void theFolderAndTheFilesAreTheOwnersOnly() throws IOException {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        MediaFiles files = new MediaFiles(temp.resolve("account").resolve("media"), 1_000, clock);
        Path file = store(files, 1, 10);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("account").resolve("media")))).isEqualTo("rwx------");
    }

    @Test
    void withTheCachesKeyTheStoredFileIsEncryptedAndOnlyItsOpenedCopyIsReadable() throws IOException {
        org.practicetext.desktop.secrets.FileCipher cipher = org.practicetext.desktop.secrets.AccountKey.random().files();
        MediaFiles files = new MediaFiles(temp.resolve("media"), 10_000, clock, cipher);
        byte[] card = "insurance card Walrus-1357".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path readable = files.store(7, 0, into -> {
            Files.write(into, card);
            return null;
        });

        Path stored = temp.resolve("media").resolve("7-0");
        assertThat(Files.readAllBytes(stored)).isNotEqualTo(card);
        assertThat(new String(Files.readAllBytes(stored), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Walrus");
        assertThat(readable.getParent().getFileName().toString()).isEqualTo("open");
        assertThat(Files.readAllBytes(readable)).isEqualTo(card);
        assertThat(files.find(7, 0)).hasValueSatisfying(p -> assertThat(p).hasBinaryContent(card));
        assertThat(temp.resolve("media").toFile().list()).containsExactlyInAnyOrder("7-0", "open");

        files.closeOpened();
        assertThat(readable).doesNotExist();

        Files.write(temp.resolve("media").resolve("8-0"), card); // left plain by an earlier version
        Files.write(temp.resolve("media").resolve("download-1.part"), card); // a download cut short
        files.sweep();
        assertThat(org.practicetext.desktop.secrets.FileCipher.isEncrypted(temp.resolve("media").resolve("8-0"))).isTrue();
        assertThat(temp.resolve("media").toFile().list()).containsExactlyInAnyOrder("7-0", "8-0");
        assertThat(files.find(8, 0)).hasValueSatisfying(p -> assertThat(p).hasBinaryContent(card));
    }
}
