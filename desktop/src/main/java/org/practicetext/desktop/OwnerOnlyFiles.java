// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files only this user may read (0700 and 0600 on POSIX systems), created so rather
 * than widened then narrowed: the attachments fetched for a thread and those waiting to be sent are
 * health information (an insurance card, a referral letter).
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code folder} (its parents as usual) owner-only, unless it exists. */
    public static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            if (posix(folder)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by another thread
        }
    }

    /** A new empty owner-only file in {@code folder} (created first), named {@code prefix…suffix}. */
    public static Path newFile(Path folder, String prefix, String suffix) throws IOException {
        createFolder(folder);
        return posix(folder) ? Files.createTempFile(folder, prefix, suffix, PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(folder, prefix, suffix);
    }

    private static boolean posix(Path folder) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
