// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operating system's store for real: java-keyring against a running Secret Service (GNOME
 * Keyring on a session bus; {@code .ci/run} starts one, unlocked, and sets
 * {@code PT_REQUIRE_SECRET_SERVICE=1} so that a missing one fails CI instead of skipping). On a
 * developer's machine without one the tests are skipped with the reason.
 */
class SecretServiceTest {
    @TempDir
    Path temp;

    private static SecretStore store;

    @BeforeAll
    static void aSecretServiceAnswers() {
        Optional<SecretStore> answered = SecretStores.probe(SecretStores::keyring, Duration.ofSeconds(10));
        if (answered.isEmpty() && "1".equals(System.getenv("PT_REQUIRE_SECRET_SERVICE"))) {
            throw new AssertionError("PT_REQUIRE_SECRET_SERVICE=1 but no Secret Service answered on the session bus (DBUS_SESSION_BUS_ADDRESS="
                    + System.getenv("DBUS_SESSION_BUS_ADDRESS") + "): start gnome-keyring-daemon --unlock --components=secrets");
        }
        Assumptions.assumeTrue(answered.isPresent(), "no Secret Service on a session bus here (see docs/TESTING.md, \"Secret store\")");
        store = answered.get();
    }

    @Test
    void aSecretIsKeptReadBackReplacedAndDeleted() {
        String name = "test-" + UUID.randomUUID();
        byte[] key = AccountKeys.class.getName().getBytes(StandardCharsets.UTF_8);
        byte[] other = new byte[32];
        other[0] = (byte) 0xff; // bytes that are not text survive the store's text entries

        assertThat(store.description()).isEqualTo("Secret Service");
        assertThat(store.unprotected()).isFalse();
        assertThat(store.read(name)).isEmpty();
        store.write(name, key);
        assertThat(store.read(name)).hasValueSatisfying(v -> assertThat(v).isEqualTo(key));
        store.write(name, other);
        assertThat(store.read(name)).hasValueSatisfying(v -> assertThat(v).isEqualTo(other));
        store.delete(name);
        assertThat(store.read(name)).isEmpty();
        store.delete(name); // deleting what is not there is no error
    }

    @Test
    void theProbeChoosesItOverTheFallbackAndSaysNothing() {
        SecretStores.Choice choice = SecretStores.choose(temp.resolve("secrets"), null, SecretStores::keyring, Duration.ofSeconds(10));

        assertThat(choice.store()).isInstanceOf(KeyringSecretStore.class);
        assertThat(choice.notice()).isEmpty();
        assertThat(temp.resolve("secrets").resolve(SecretStores.NOTICED)).doesNotExist();
    }

    @Test
    void anAccountsKeyKeptByOneStartIsReadByTheNextAndForgottenAtSignOut() throws Exception {
        Path secrets = temp.resolve("secrets");
        String account = "test-account-" + UUID.randomUUID().toString().substring(0, 8);
        AccountKey key = AccountKey.random();
        new AccountKeys(store, secrets, 1000).keep(account, key);
        try {
            AccountKeys nextStart = new AccountKeys(SecretStores.keyring(), secrets, 1000);
            assertThat(nextStart.stored(account)).contains(key);
            try (var files = java.nio.file.Files.walk(temp)) {
                assertThat(files.filter(java.nio.file.Files::isRegularFile).toList()).as("the key is in the Secret Service, not in a file").isEmpty();
            }
            nextStart.forget(account);
            assertThat(new AccountKeys(store, secrets, 1000).stored(account)).isEmpty();
        } finally {
            new AccountKeys(store, secrets, 1000).forget(account);
        }
    }
}
