// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.secrets.AccountKey;

/** The cache file under CIPHER=AES: only its key opens it, and a plain one is converted without losing a row. */
class CacheEncryptionTest {
    @TempDir
    Path folder;

    private static void draft(CacheDatabase db, String body) {
        new Drafts(db).save("conversation-1", body);
    }

    @Test
    void onlyItsKeyOpensAnEncryptedCache() {
        AccountKey key = AccountKey.random();
        try (CacheDatabase db = CacheDatabase.open(folder, key)) {
            draft(db, "Pelican-8642 half a reply");
            assertThat(db.encrypted()).isTrue();
            assertThat(db.files().encrypts()).isTrue();
        }
        assertThat(CacheEncryption.encryptedCache(folder)).isTrue();
        assertThatThrownBy(() -> CacheDatabase.open(folder, AccountKey.random())).isInstanceOf(CacheKeyException.class);
        assertThatThrownBy(() -> CacheDatabase.open(folder)).isInstanceOf(CacheKeyException.class);
        try (CacheDatabase db = CacheDatabase.open(folder, new AccountKey(key.bytes()))) {
            assertThat(new Drafts(db).load("conversation-1")).contains("Pelican-8642 half a reply");
        }
        assertThat(folder.resolve("cache.trace.db")).as("no plain trace file of failed statements").doesNotExist();
    }

    @Test
    void aPlainCacheIsConvertedOnceAndKeepsItsRows() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(folder)) {
            draft(db, "Pelican-8642 half a reply");
            assertThat(db.files().encrypts()).isFalse();
        }
        Path file = folder.resolve("cache.mv.db");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).contains("Pelican-8642");
        AccountKey key = AccountKey.random();

        try (CacheDatabase db = CacheDatabase.open(folder, key)) {
            assertThat(new Drafts(db).load("conversation-1")).contains("Pelican-8642 half a reply");
        }
        assertThat(CacheEncryption.encryptedCache(folder)).isTrue();
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("Pelican-8642");
        assertThat(folder.resolve(CacheEncryption.WORK)).doesNotExist();
        try (CacheDatabase db = CacheDatabase.open(folder, key)) {
            assertThat(new Drafts(db).load("conversation-1")).contains("Pelican-8642 half a reply");
        }
    }

    @Test
    void aConversionLeftHalfWayIsDiscardedAndDoneAgainFromThePlainFile() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(folder)) {
            draft(db, "Pelican-8642 half a reply");
        }
        Path work = Files.createDirectories(folder.resolve(CacheEncryption.WORK));
        Files.write(work.resolve("cache.mv.db"), new byte[] {'H', '2', 'e', 'n', 'c', 'r', 'y', 'p', 't', 0, 1, 2}); // a copy cut short

        try (CacheDatabase db = CacheDatabase.open(folder, AccountKey.random())) {
            assertThat(new Drafts(db).load("conversation-1")).contains("Pelican-8642 half a reply");
        }
        assertThat(work).doesNotExist();
    }
}
