// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked AES-GCM files of attachments and outbox copies: every size reads back, nothing changed or cut short reads at all. */
class FileCipherTest {
    @TempDir
    Path temp;
    final FileCipher cipher = AccountKey.random().files();

    private Path sealed(byte[] plain) throws IOException {
        Path file = Files.createFile(temp.resolve("f" + plain.length));
        cipher.write(new java.io.ByteArrayInputStream(plain), file);
        return file;
    }

    private byte[] read(FileCipher with, Path file) throws IOException {
        try (InputStream in = with.open(file)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, FileCipher.CHUNK - 1, FileCipher.CHUNK, FileCipher.CHUNK + 1, 3 * FileCipher.CHUNK, 3 * FileCipher.CHUNK + 17})
    void everySizeReadsBackAndItsPlainSizeIsKnown(int size) throws IOException {
        byte[] plain = bytes(size);
        Path file = sealed(plain);

        assertThat(FileCipher.isEncrypted(file)).isTrue();
        assertThat(read(cipher, file)).isEqualTo(plain);
        assertThat(FileCipher.plainSize(file)).isEqualTo(size);
        if (size >= 16) {
            String raw = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(raw).as("no run of the plain bytes is in the file").doesNotContain(new String(plain, 0, 16, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void anotherKeyAChangedByteOrAFileCutShortDoNotRead() throws IOException {
        byte[] plain = bytes(2 * FileCipher.CHUNK + 5);
        Path file = sealed(plain);
        byte[] raw = Files.readAllBytes(file);

        assertThatThrownBy(() -> read(AccountKey.random().files(), file)).isInstanceOf(IOException.class);

        byte[] changed = raw.clone();
        changed[raw.length / 2] ^= 1;
        Files.write(file, changed);
        assertThatThrownBy(() -> read(cipher, file)).isInstanceOf(IOException.class);

        Files.write(file, Arrays.copyOf(raw, 14 + FileCipher.CHUNK + 16)); // exactly the first whole chunk: a shorter file must not pass for one
        assertThatThrownBy(() -> read(cipher, file)).isInstanceOf(IOException.class);

        Files.write(file, Arrays.copyOf(raw, raw.length - 1));
        assertThatThrownBy(() -> read(cipher, file)).isInstanceOf(IOException.class);
    }

    @Test
    void aPlainFileFromBeforeIsReadAsItIsAndEncryptedInPlace() throws IOException {
        byte[] plain = "a referral letter".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = Files.write(temp.resolve("old"), plain);
        assertThat(read(cipher, file)).isEqualTo(plain);
        assertThat(read(FileCipher.NONE, file)).isEqualTo(plain);

        cipher.encryptInPlace(file, Files.createFile(temp.resolve("old.tmp")));

        assertThat(FileCipher.isEncrypted(file)).isTrue();
        assertThat(read(cipher, file)).isEqualTo(plain);
        assertThat(temp.resolve("old.tmp")).doesNotExist();
        assertThatThrownBy(() -> read(FileCipher.NONE, file)).as("no key, no bytes").isInstanceOf(IOException.class);
    }
}
