// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Small files only this user may read, in a folder only this user may open: on POSIX systems the
 * folder is 0700 (re-tightened on every write) and the file 0600, <em>created</em> so (a temporary
 * file made {@code rw-------}, then moved into place atomically), so there is no moment when it is
 * readable by others. On Windows the user profile's ACL keeps other users out.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** Writes {@code bytes} as {@code file} in {@code folder}, replacing it atomically. */
    public static void write(Path folder, Path file, byte[] bytes) {
        try {
            folder(folder);
            Path temp = posix(folder) ? Files.createTempFile(folder, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                    : Files.createTempFile(folder, ".secret", ".tmp");
            try {
                Files.write(temp, bytes);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a secret in " + folder, e);
        }
    }

    /** Creates {@code folder} owner-only, or tightens it when it exists. */
    public static void folder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            if (posix(folder)) {
                Files.setPosixFilePermissions(folder, DIR);
            }
            return;
        }
        Files.createDirectories(folder.toAbsolutePath().getParent());
        try {
            if (posix(folder)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            // made by a concurrent start; tightened on the next write
        }
    }

    private static boolean posix(Path folder) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
