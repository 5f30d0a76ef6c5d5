// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.secrets.MemorySecretStore;

/** The token in the secret store; ADR 0004's file is read once, moved in and deleted. */
class SecretTokenStoreTest {
    @TempDir
    Path secrets;
    final Account account = new Account(URI.create("https://relay.example.test"), "smile-dental", "sam");
    final StoredToken token = new StoredToken("pt_secret", Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void anOldTokenFileIsMovedIntoTheStoreOnce() {
        MemorySecretStore store = new MemorySecretStore();
        FileTokenStore old = new FileTokenStore(secrets);
        old.save(account, token);
        SecretTokenStore tokens = new SecretTokenStore(store, old);

        assertThat(tokens.load(account)).contains(token);
        assertThat(old.file(account)).doesNotExist();
        assertThat(store.read(account.key() + ".token")).isPresent();
        assertThat(tokens.load(account)).contains(token);

        tokens.delete(account);
        assertThat(tokens.load(account)).isEmpty();
    }

    @Test
    void savingWritesOnlyTheStore() {
        MemorySecretStore store = new MemorySecretStore();
        FileTokenStore old = new FileTokenStore(secrets);
        new SecretTokenStore(store, old).save(account, token);
        assertThat(old.file(account)).doesNotExist();
        assertThat(new SecretTokenStore(store, old).load(account)).contains(token);
    }
}
