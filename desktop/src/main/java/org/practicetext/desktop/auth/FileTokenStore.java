// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.secrets.OwnerOnly;
import org.practicetext.protocol.Json;

/**
 * Tokens as small files in a {@code secrets} folder next to (never inside) the cache folders:
 * the folder is 0700 and each file 0600 on POSIX systems, created with those permissions (never
 * widened then narrowed) and replaced atomically. On Windows the per-user profile's ACL is what
 * protects it. A copy of a cache folder therefore never carries a token. Since ADR 0026 only the
 * migration reads it: {@link SecretTokenStore} moves such a file into the secret store.
 */
public final class FileTokenStore implements TokenStore {
    private final Path folder;
    private final ObjectMapper json = Json.mapper();

    public FileTokenStore(Path folder) {
        this.folder = folder;
    }

    public Path file(Account account) {
        return folder.resolve(account.key() + ".token");
    }

    @Override
    public Optional<StoredToken> load(Account account) {
        Path file = file(account);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(Files.readString(file), StoredToken.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void save(Account account, StoredToken token) {
        try {
            OwnerOnly.write(folder, file(account), json.writeValueAsBytes(token));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the sign-in token in " + folder, e);
        }
    }

    @Override
    public void delete(Account account) {
        try {
            Files.deleteIfExists(file(account));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the sign-in token in " + folder, e);
        }
    }
}
