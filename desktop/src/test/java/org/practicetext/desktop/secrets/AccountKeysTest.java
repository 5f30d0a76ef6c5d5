// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account keys in the store, and the copy wrapped with the person's password beside the token. */
class AccountKeysTest {
    @TempDir
    Path temp;
    final MemorySecretStore store = new MemorySecretStore();

    @Test
    void theWrappedCopyOpensWithThePasswordOnlyAndOnlyForItsAccount() throws Exception {
        AccountKeys keys = new AccountKeys(store, temp.resolve("secrets"), 1_000);
        AccountKey key = AccountKey.random();
        keys.keep("relay_443_smile_sam", key);
        keys.wrap("relay_443_smile_sam", key, "correct horse".toCharArray());

        assertThat(keys.stored("relay_443_smile_sam")).contains(key);
        assertThat(keys.unwrap("relay_443_smile_sam", "correct horse".toCharArray())).contains(key);
        assertThat(keys.unwrap("relay_443_smile_sam", "wrong horse".toCharArray())).isEmpty();
        Path wrapped = keys.wrappedFile("relay_443_smile_sam");
        assertThat(Files.readString(wrapped)).startsWith("v1$1000$").doesNotContain(java.util.HexFormat.of().formatHex(key.bytes()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wrapped))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wrapped.getParent()))).isEqualTo("rwx------");

        Files.copy(wrapped, keys.wrappedFile("relay_443_smile_ann"));
        assertThat(keys.unwrap("relay_443_smile_ann", "correct horse".toCharArray())).as("a copy moved to another account does not open").isEmpty();

        keys.forget("relay_443_smile_sam");
        assertThat(keys.stored("relay_443_smile_sam")).isEmpty();
        assertThat(wrapped).doesNotExist();
        assertThat(keys.unwrap("relay_443_smile_sam", "correct horse".toCharArray())).isEmpty();
    }

    @Test
    void theDerivedKeysDifferByUseAndByAccountKey() {
        AccountKey key = AccountKey.random();
        assertThat(key.cachePassword()).isEqualTo(new AccountKey(key.bytes()).cachePassword()).hasSize(64).doesNotContain(' ');
        assertThat(new String(key.cachePassword())).isNotEqualTo(new String(AccountKey.random().cachePassword()));
        assertThat(key.toString()).doesNotContain(java.util.HexFormat.of().formatHex(key.bytes()));
    }
}
