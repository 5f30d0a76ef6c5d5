// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.ChangeFileEncryption;
import org.practicetext.desktop.secrets.AccountKey;

/**
 * Turns a plain cache left by an earlier version into an encrypted one, with nothing lost
 * (ADR 0026): the plain file is copied into the {@value #WORK} folder, encrypted there with H2's
 * {@link ChangeFileEncryption}, opened to prove it reads, and only then moved over the plain file
 * in one atomic step (its trace file deleted after). The plain file stays untouched until that
 * move, so a conversion cut short (a crash, a power cut) leaves the plain cache and a half-made
 * copy, which the next start throws away before starting again from the plain file.
 */
public final class CacheEncryption {
    static final String WORK = "encrypting";
    private static final byte[] H2_HEADER = "H2encrypt".getBytes(StandardCharsets.US_ASCII);

    private CacheEncryption() {
    }

    /** Whether {@code file} (a {@code .mv.db}) is an H2 file encrypted with {@code CIPHER=AES}; false when it does not exist. */
    public static boolean isEncrypted(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(H2_HEADER.length), H2_HEADER);
        } catch (IOException e) {
            throw new CacheException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the cache in {@code folder} exists and is encrypted (then only its key opens it). */
    public static boolean encryptedCache(Path folder) {
        return isEncrypted(folder.resolve(CacheDatabase.FILE + ".mv.db"));
    }

    /** Whether the cache in {@code folder} exists as a plain file (one an earlier version wrote). */
    public static boolean plainCache(Path folder) {
        Path file = folder.resolve(CacheDatabase.FILE + ".mv.db");
        return Files.isRegularFile(file) && !isEncrypted(file);
    }

    /** Encrypts a plain cache in {@code folder} with {@code key}; nothing to do for an encrypted one or none. */
    static void convertIfPlain(Path folder, AccountKey key) {
        Path work = folder.resolve(WORK);
        deleteTree(work); // what a conversion cut short left: start again from the plain file
        Path file = folder.resolve(CacheDatabase.FILE + ".mv.db");
        if (!Files.isRegularFile(file) || isEncrypted(file)) {
            return;
        }
        try {
            Files.createDirectories(work);
            Path copy = work.resolve(file.getFileName());
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            char[] password = key.cachePassword();
            ChangeFileEncryption.execute(work.toString(), CacheDatabase.FILE, "AES", null, password, true);
            Arrays.fill(password, '\0');
            JdbcConnectionPool check = CacheDatabase.pool(work.resolve(CacheDatabase.FILE), key);
            try (Connection connection = check.getConnection()) {
                connection.createStatement().execute("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES");
            } finally {
                check.dispose();
            }
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(folder.resolve(CacheDatabase.FILE + ".trace.db"));
            deleteTree(work);
        } catch (IOException | SQLException e) {
            throw new CacheException("Cannot encrypt the local cache in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code e} is H2 refusing the file's password (the file is encrypted with another key). */
    static boolean wrongKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD
                    || sql.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1 || sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves everything of the cache folder that no key opens any more (the cache file, the outbox copies, the attachments) into
     * {@code unreadable-<time>} inside it, so a cache can be rebuilt from the relay without deleting anything silently; answers that folder.
     */
    public static Path setAside(Path folder, Instant now) {
        Path aside = folder.resolve("unreadable-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now));
        try {
            Files.createDirectories(aside);
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (!name.startsWith("unreadable-")) {
                        Files.move(entry, aside.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
            return aside;
        } catch (IOException e) {
            throw new CacheException("Cannot set the unreadable cache aside in " + folder + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new CacheException("Cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a whole cache folder (sign-out with the workstation's copy removed); the cache must be closed. */
    public static void deleteFolder(Path folder) {
        deleteTree(folder);
    }
}
