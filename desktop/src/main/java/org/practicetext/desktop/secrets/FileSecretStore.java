// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fallback where no operating-system store answers: each secret is a file
 * {@code <name>.secret} in the {@code secrets} folder beside (never inside) the cache folders,
 * the folder 0700 and each file 0600 on POSIX systems, created so and moved into place
 * atomically ({@link OwnerOnly}). It protects the secrets from other users of the computer, not
 * from a copy of the whole data folder: hence its name, "unprotected key file" (ADR 0026).
 */
public final class FileSecretStore implements SecretStore {
    public static final String DESCRIPTION = "unprotected key file";
    static final String SUFFIX = ".secret";

    private final Path folder;

    public FileSecretStore(Path folder) {
        this.folder = folder;
    }

    public Path file(String name) {
        return folder.resolve(SecretStore.checkName(name) + SUFFIX);
    }

    @Override
    public Optional<byte[]> read(String name) {
        try {
            return Optional.of(Files.readAllBytes(file(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a secret in " + folder, e);
        }
    }

    @Override
    public void write(String name, byte[] secret) {
        OwnerOnly.write(folder, file(name), secret);
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete a secret in " + folder, e);
        }
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public boolean unprotected() {
        return true;
    }
}
