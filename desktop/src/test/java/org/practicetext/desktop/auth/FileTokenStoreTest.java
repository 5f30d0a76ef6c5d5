// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DataFolders;

/** The sign-in token on disk: readable only by its owner, never inside a cache folder. */
class FileTokenStoreTest {
    @TempDir
    Path root;
    final Account account = new Account(URI.create("https://relay.example.test"), "smile-dental", "sam");

    @Test
    void aSavedTokenIsReadBackAndTheFileIsOnlyTheOwners() throws Exception {
        FileTokenStore store = new FileTokenStore(DataFolders.secretsFolder(root));
        StoredToken token = new StoredToken("pt_secret", Instant.parse("2026-12-01T00:00:00Z"));

        store.save(account, token);

        assertThat(store.load(account)).contains(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file(account)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DataFolders.secretsFolder(root)))).isEqualTo("rwx------");
        assertThat(store.file(account).startsWith(DataFolders.cacheFolder(root, account))).as("outside the cache folder").isFalse();
        try (var files = Files.list(DataFolders.secretsFolder(root))) {
            assertThat(files).as("no temporary file is left behind").containsExactly(store.file(account));
        }
    }

    @Test
    void aDeletedOrUnreadableTokenIsNoToken() throws Exception {
        FileTokenStore store = new FileTokenStore(DataFolders.secretsFolder(root));
        store.save(account, new StoredToken("pt_secret", Instant.parse("2026-12-01T00:00:00Z")));
        store.delete(account);
        assertThat(store.load(account)).isEmpty();

        Files.writeString(store.file(account), "not json");
        assertThat(store.load(account)).isEmpty();
    }

    @Test
    void theTokenNeverAppearsInLogsThroughToString() {
        assertThat(new StoredToken("pt_secret", Instant.EPOCH).toString()).doesNotContain("pt_secret");
    }
}
