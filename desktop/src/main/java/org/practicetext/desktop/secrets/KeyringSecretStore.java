// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.util.Base64;
import java.util.Optional;

/**
 * The operating system's secret store through java-keyring: Windows Credential Manager (DPAPI),
 * the macOS Keychain, the Secret Service (GNOME Keyring) or KWallet on Linux. Each secret is an
 * entry of the service {@value #SERVICE} named by the secret's name, its bytes in Base64 (the
 * stores keep text). Calls may block on the store (a keychain prompt, D-Bus): {@link SecretStores}
 * probes it once with a time limit before choosing it.
 */
public final class KeyringSecretStore implements SecretStore {
    static final String SERVICE = "PracticeText";

    private final Keyring keyring;

    private KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The store of this system; throws when it has none java-keyring can use. */
    public static KeyringSecretStore create() throws BackendNotSupportedException {
        return new KeyringSecretStore(Keyring.create());
    }

    @Override
    public Optional<byte[]> read(String name) {
        String value;
        try {
            value = keyring.getPassword(SERVICE, SecretStore.checkName(name));
        } catch (PasswordAccessException e) {
            return Optional.empty(); // java-keyring answers a missing entry so
        }
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not written by this app
        }
    }

    @Override
    public void write(String name, byte[] secret) {
        try {
            keyring.setPassword(SERVICE, SecretStore.checkName(name), Base64.getEncoder().encodeToString(secret));
        } catch (PasswordAccessException e) {
            throw new IllegalStateException(description() + " did not keep a secret: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            keyring.deletePassword(SERVICE, SecretStore.checkName(name));
        } catch (PasswordAccessException e) {
            // not there
        }
    }

    /**
     * Lets go of the store's connection (the Secret Service's D-Bus connection keeps threads that
     * would keep the JVM from exiting once the window is closed); nothing to say if it fails.
     */
    public void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            // closing at exit: nothing left to do with it
        }
    }

    @Override
    public String description() {
        KeyringStorageType type = keyring.getKeyringStorageType();
        return switch (type) {
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case GNOME_KEYRING -> "Secret Service";
            case KWALLET -> "KWallet";
        };
    }
}
