// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.practicetext.desktop.Account;
import org.practicetext.protocol.Json;

/**
 * Tokens as small files in a {@code secrets} folder next to (never inside) the cache folders:
 * the folder is 0700 and each file 0600 on POSIX systems, created with those permissions (never
 * widened then narrowed) and replaced atomically. On Windows the per-user profile's ACL is what
 * protects it. A copy of a cache folder therefore never carries a token.
 */
public final class FileTokenStore implements TokenStore {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

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
            createFolder();
            Path temp = posix() ? Files.createTempFile(folder, ".token", ".tmp", attribute(OWNER_FILE))
                    : Files.createTempFile(folder, ".token", ".tmp");
            Files.writeString(temp, json.writeValueAsString(token));
            Files.move(temp, file(account), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    private void createFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            if (posix()) {
                Files.setPosixFilePermissions(folder, OWNER_DIR);
            }
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            if (posix()) {
                Files.createDirectory(folder, attribute(OWNER_DIR));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            // made by a concurrent start; permissions are checked on the next save
        }
    }

    private boolean posix() {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
