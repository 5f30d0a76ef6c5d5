// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.media;

import java.io.IOException;
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

/**
 * The attachments' whole files on this workstation, one file per attachment in the account's
 * {@code media} folder, so a photo opened once opens again offline. The folder is 0700 and each
 * file 0600 on POSIX systems (created so, never widened then narrowed: a patient's insurance card
 * is health information). Their total size is kept under a cap: each use sets a file's
 * modification time to now, and the least recently used go first when a new file would pass the
 * cap (the file just stored always stays, even alone over it). A file is written under a
 * temporary name and moved into place, so a download cut short is never taken for a file.
 */
public final class MediaFiles {
    /** What the desk keeps by default: enough for a few hundred photos. */
    public static final long DEFAULT_CAP = 200L * 1024 * 1024;
    private static final String PART = ".part";

    private final Path folder;
    private final long capBytes;
    private final Clock clock;

    /** Writes a file's bytes into the (empty, owner-only) temporary file it is given; answers anything it learned, such as the type. */
    @FunctionalInterface
    public interface Writer<T, E extends Exception> {
        T write(Path into) throws E;
    }

    public MediaFiles(Path folder, long capBytes, Clock clock) {
        this.folder = folder;
        this.capBytes = capBytes;
        this.clock = clock;
    }

    /** The stored file of this attachment, marked as just used; empty when it was never fetched (or was evicted). */
    public Optional<Path> find(long messageId, int position) {
        Path file = folder.resolve(name(messageId, position));
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            return Optional.of(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the attachments folder " + folder, e);
        }
    }

    /**
     * Stores what {@code writer} writes as this attachment's file and makes room under the cap;
     * answers the stored file. When the writer fails nothing is stored.
     */
    public <E extends Exception> Path store(long messageId, int position, Writer<?, E> writer) throws E {
        Path temp = newTemp();
        try {
            writer.write(temp);
            return place(temp, folder.resolve(name(messageId, position)));
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover .part is never taken for a file nor counted
            }
        }
    }

    private Path place(Path temp, Path file) {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            evictBeyondCap(file);
            return file;
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
                if (file.getFileName().toString().endsWith(PART)) {
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
