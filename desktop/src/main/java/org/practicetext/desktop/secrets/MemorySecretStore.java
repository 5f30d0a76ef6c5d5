// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets held in memory only, for unit tests (a keychain that is reset when the process ends). */
public final class MemorySecretStore implements SecretStore {
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> read(String name) {
        return Optional.ofNullable(secrets.get(SecretStore.checkName(name))).map(byte[]::clone);
    }

    @Override
    public void write(String name, byte[] secret) {
        secrets.put(SecretStore.checkName(name), secret.clone());
    }

    @Override
    public void delete(String name) {
        secrets.remove(SecretStore.checkName(name));
    }

    /** Forgets every secret (a reset keychain, a new Windows profile). */
    public void clear() {
        secrets.clear();
    }

    @Override
    public String description() {
        return "memory (tests)";
    }
}
