// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import java.util.Optional;

/**
 * Where the desk keeps its secrets (an account's cache key, its sign-in token): the operating
 * system's store ({@link KeyringSecretStore}) or, where none answers, the clearly named fallback
 * ({@link FileSecretStore}); see ADR 0026. A secret is a few bytes under a name made of letters,
 * digits, dots and dashes.
 */
public interface SecretStore {
    Optional<byte[]> read(String name);

    void write(String name, byte[] secret);

    /** Forgets {@code name}; nothing happens when it is not there. */
    void delete(String name);

    /** What keeps the secrets, in words a person understands ("macOS Keychain", "unprotected key file"). */
    String description();

    /** Whether this is the fallback that does not protect the secrets beyond the file's permissions. */
    default boolean unprotected() {
        return false;
    }

    /** Throws on a name that is not letters, digits, dots, dashes and underscores (names become file names and keychain entries). */
    static String checkName(String name) {
        if (name == null || name.isEmpty() || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a secret's name: " + name);
        }
        return name;
    }
}
