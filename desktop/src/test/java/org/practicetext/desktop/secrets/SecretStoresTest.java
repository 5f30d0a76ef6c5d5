// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the store: the OS's when it answers in time, else the named fallback, announced once; the variable forces either. */
class SecretStoresTest {
    @TempDir
    Path temp;

    private static final Supplier<SecretStore> MISSING = () -> {
        throw new IllegalStateException("no operating-system secret store");
    };
    private static final Supplier<SecretStore> HANGS = () -> {
        try {
            Thread.sleep(60_000); // a Secret Service on a bus that never answers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new MemorySecretStore();
    };

    @Test
    void whenNoStoreAnswersTheFallbackIsUsedAndSaidOnce() {
        Path folder = temp.resolve("secrets");
        SecretStores.Choice first = SecretStores.choose(folder, null, MISSING, Duration.ofSeconds(2));
        assertThat(first.store()).isInstanceOf(FileSecretStore.class);
        assertThat(first.store().description()).isEqualTo("unprotected key file");
        assertThat(first.store().unprotected()).isTrue();
        assertThat(first.notice()).hasValueSatisfying(n -> assertThat(n).contains("unprotected key file"));

        MemorySecretStore os = new MemorySecretStore();
        SecretStores.Choice second = SecretStores.choose(folder, "", () -> os, Duration.ofSeconds(2));
        assertThat(second.store()).as("the next start keeps the fallback without probing").isInstanceOf(FileSecretStore.class);
        assertThat(second.notice()).as("said once per data folder").isEmpty();
    }

    @Test
    void aStoreThatHangsIsGivenUpOn() {
        long started = System.nanoTime();
        SecretStores.Choice choice = SecretStores.choose(temp.resolve("secrets"), "", HANGS, Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(choice.store()).isInstanceOf(FileSecretStore.class);
        assertThat(choice.notice()).isPresent();
    }

    @Test
    void aStoreThatAnswersIsChosenWithNothingToSay() {
        MemorySecretStore os = new MemorySecretStore();
        SecretStores.Choice choice = SecretStores.choose(temp.resolve("secrets"), null, () -> os, Duration.ofSeconds(2));
        assertThat(choice.store()).isSameAs(os);
        assertThat(choice.notice()).isEmpty();
    }

    @Test
    void theVariableChoosesWithoutProbing() {
        SecretStores.Choice file = SecretStores.choose(temp.resolve("secrets"), "file", HANGS, Duration.ofMillis(1));
        assertThat(file.store()).isInstanceOf(FileSecretStore.class);
        assertThat(file.notice()).as("chosen on purpose (tests, CI): nothing to announce").isEmpty();
        assertThatThrownBy(() -> SecretStores.choose(temp.resolve("secrets"), "keyring", MISSING, Duration.ofMillis(1)))
                .as("keyring asked for is never quietly replaced").hasMessageContaining("no operating-system secret store");
        assertThatThrownBy(() -> SecretStores.choose(temp.resolve("secrets"), "vault", MISSING, Duration.ofMillis(1)))
                .hasMessageContaining("PT_SECRET_STORE must be keyring or file");
    }

    @Test
    void theFallbacksFilesAreTheOwnersAlone() throws Exception {
        FileSecretStore store = new FileSecretStore(temp.resolve("secrets"));
        store.write("a.cache-key", new byte[] {1, 2, 3});
        assertThat(store.read("a.cache-key")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file("a.cache-key")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("secrets")))).isEqualTo("rwx------");
        store.delete("a.cache-key");
        assertThat(store.read("a.cache-key")).isEmpty();
        assertThatThrownBy(() -> store.read("../escape")).isInstanceOf(IllegalArgumentException.class);
    }
}
