// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.practicetext.desktop.OwnerOnlyFiles;
import org.practicetext.desktop.secrets.FileCipher;

/**
 * The attachments' whole files on this workstation, one file per attachment in the account's
 * {@code media} folder, so a photo opened once opens again offline. The folder is 0700 and each
 * file 0600 on POSIX systems (created so, never widened then narrowed: a patient's insurance card
 * is health information). Their total size is kept under a cap: each use sets a file's
 * modification time to now, and the least recently used go first when a new file would pass the
 * cap (the file just stored always stays, even alone over it). A file is written under a
 * temporary name and moved into place, so a download cut short is never taken for a file.
 *
 * <p>Encrypted at rest (ADR 0026): with the cache's {@link FileCipher} each stored file is
 * AES-GCM. A file someone opens is decrypted into the {@value #OPEN} folder inside (owner-only),
 * for the viewer and "Save as…", and those copies are deleted when the desk closes
 * ({@link #closeOpened}) and at the next start ({@link #sweep}), which also encrypts any plain
 * file an earlier version left and deletes downloads cut short.
 */
public final class MediaFiles {
    /** What the desk keeps by default: enough for a few hundred photos. */
    public static final long DEFAULT_CAP = 200L * 1024 * 1024;
    private static final String PART = ".part";
    static final String OPEN = "open";

    private final Path folder;
    private final long capBytes;
    private final Clock clock;
    private final FileCipher cipher;

    /** Writes a file's bytes into the (empty, owner-only) temporary file it is given; answers anything it learned, such as the type. */
    @FunctionalInterface
    public interface Writer<T, E extends Exception> {
        T write(Path into) throws E;
    }

    public MediaFiles(Path folder, long capBytes, Clock clock) {
        this(folder, capBytes, clock, FileCipher.NONE);
    }

    public MediaFiles(Path folder, long capBytes, Clock clock, FileCipher cipher) {
        this.folder = folder;
        this.capBytes = capBytes;
        this.clock = clock;
        this.cipher = cipher;
    }

    /**
     * The readable file of this attachment (its decrypted copy when the files are encrypted), the stored one marked as just used;
     * empty when it was never fetched (or was evicted).
     */
    public Optional<Path> find(long messageId, int position) {
        Path file = folder.resolve(name(messageId, position));
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            return Optional.of(readable(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the attachments folder " + folder, e);
        }
    }

    /** The stored file itself when files are plain; else its decrypted copy in {@value #OPEN} (a plain one from before is encrypted first). */
    private Path readable(Path stored) throws IOException {
        if (!cipher.encrypts()) {
            return stored;
        }
        cipher.encryptInPlace(stored, OwnerOnlyFiles.newFile(folder, "encrypt-", PART));
        Path open = folder.resolve(OPEN);
        Path copy = open.resolve(stored.getFileName());
        Path temp = OwnerOnlyFiles.newFile(open, "open-", PART);
        try (InputStream in = cipher.open(stored); OutputStream out = Files.newOutputStream(temp)) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return copy;
    }

    /** The bytes of a stored file as they were fetched (decrypted): what a test reads to check a file. */
    public InputStream read(Path stored) throws IOException {
        return cipher.open(stored);
    }

    /** Deletes the decrypted copies of opened files (the desk closes). */
    public void closeOpened() {
        deleteOpened();
    }

    /** At start: deletes decrypted copies and downloads cut short that a crash left, and encrypts files stored plain by an earlier version. */
    public void sweep() {
        deleteOpened();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(PART)) {
                    Files.deleteIfExists(file);
                } else if (Files.isRegularFile(file) && cipher.encrypts()) {
                    cipher.encryptInPlace(file, OwnerOnlyFiles.newFile(folder, "encrypt-", PART));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sweep the attachments folder " + folder, e);
        }
    }

    private void deleteOpened() {
        Path open = folder.resolve(OPEN);
        if (!Files.isDirectory(open)) {
            return;
        }
        try (Stream<Path> files = Files.list(open)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(open);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the opened attachments in " + open, e);
        }
    }

    /**
     * Stores what {@code writer} writes as this attachment's file and makes room under the cap;
     * answers the stored file. When the writer fails nothing is stored.
     */
    public <E extends Exception> Path store(long messageId, int position, Writer<?, E> writer) throws E {
        Path temp = newTemp();
        Path sealed = null;
        try {
            writer.write(temp);
            sealed = cipher.encrypts() ? seal(temp) : temp;
            return place(sealed, folder.resolve(name(messageId, position)));
        } finally {
            try {
                Files.deleteIfExists(temp);
                if (sealed != null) {
                    Files.deleteIfExists(sealed);
                }
            } catch (IOException ignored) {
                // a leftover .part is never taken for a file nor counted, and is deleted at the next start
            }
        }
    }

    /** The encrypted copy of the plain download {@code plain} (which is deleted at once). */
    private Path seal(Path plain) {
        Path sealed = newTemp();
        try (InputStream in = Files.newInputStream(plain)) {
            cipher.write(in, sealed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an attachment in " + folder, e);
        }
        try {
            Files.deleteIfExists(plain);
        } catch (IOException ignored) {
            // deleted in store's finally, or at the next start
        }
        return sealed;
    }

    private Path place(Path temp, Path file) {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            evictBeyondCap(file);
            return readable(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an attachment in " + folder, e);
        }
    }

    /** The bytes all stored files take. */
    public long totalBytes() {
        return stored().stream().mapToLong(Stored::size).sum();
    }

    private Path newTemp() {
        try {
            return OwnerOnlyFiles.newFile(folder, "download-", PART);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the attachments folder " + folder, e);
        }
    }

    /** Least recently used first out, until the rest fits the cap; {@code keep} stays whatever its size. */
    private void evictBeyondCap(Path keep) throws IOException {
        List<Stored> files = new ArrayList<>(stored());
        long total = files.stream().mapToLong(Stored::size).sum();
        files.sort(Comparator.comparing(Stored::used));
        for (Stored candidate : files) {
            if (total <= capBytes) {
                return;
            }
            if (!candidate.file().equals(keep)) {
                Files.deleteIfExists(candidate.file());
                total -= candidate.size();
            }
        }
    }

    private record Stored(Path file, long size, FileTime used) {
    }

    private List<Stored> stored() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Stored> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(PART) || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    found.add(new Stored(file, Files.size(file), Files.getLastModifiedTime(file)));
                } catch (NoSuchFileException gone) {
                    // evicted by another thread meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the attachments folder " + folder, e);
        }
        return found;
    }

    private static String name(long messageId, int position) {
        return messageId + "-" + position;
    }
}
