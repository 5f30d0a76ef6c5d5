// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.practicetext.relay.admin.AdminWire.BackupEntry;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Database;

/**
 * Online backups of an H2 relay into its backup folder ({@code PT_BACKUP_DIR}, default {@code
 * backups} in {@code PT_DATA_DIR}): H2's {@code BACKUP TO} while the relay serves, one at a
 * time. A backup is written under a {@code .part} name and renamed when complete, so a file
 * with a {@code .zip} name is always a whole backup; it and the folder are the relay user's
 * only (they hold every practice's texts). A name never leaves the folder and never replaces
 * an existing backup. On PostgreSQL the relay refuses and names {@code pg_dump}, which backs
 * up a database its relays keep using.
 */
public final class Backups {
    /** A file name in the folder, no path: letters, digits, dot, dash, underscore, ending in {@code .zip}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String PART = ".part";

    private final Database db;
    private final Path folder;
    private final Clock clock;
    private final OperatorAudit audit;
    private final ReentrantLock writing = new ReentrantLock();

    public Backups(Database db, Path folder, Clock clock, OperatorAudit audit) {
        this.db = db;
        this.folder = folder.toAbsolutePath().normalize();
        this.clock = clock;
        this.audit = audit;
    }

    /** Writes a backup named {@code name} (or {@code practicetext-<UTC time>.zip} when null) and answers it once complete. */
    public BackupEntry create(String name) {
        onH2();
        String file = name == null || name.isBlank() ? "practicetext-" + STAMP.format(clock.instant()) + ".zip" : name.strip();
        if (!NAME.matcher(file).matches() || file.contains("..")) {
            throw Refusal.invalid("A backup name is a file name in the backup folder ending in .zip: letters, digits, '.', '-' and '_' "
                    + "(at most 100 characters, no folder), not \"" + file + "\".");
        }
        if (!writing.tryLock()) {
            throw new Refusal(Refusal.Reason.CONFLICT, "A backup is being written now; wait for it to finish before starting another.");
        }
        try {
            Path target = folder.resolve(file);
            if (Files.exists(target)) {
                throw new Refusal(Refusal.Reason.CONFLICT, "The backup " + file + " exists already; a backup never replaces another. Choose another name.");
            }
            ownerOnlyFolder();
            Path part = folder.resolve(file + PART);
            Files.deleteIfExists(part); // left by a relay stopped mid-backup
            long started = System.nanoTime();
            try {
                db.backupTo(part);
                ownerOnly(part);
                move(part, target);
            } finally {
                Files.deleteIfExists(part);
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            // A name the operator chose is not logged (the log never quotes what a request said); the relay's own is.
            audit.relayWide("wrote the backup " + (name == null || name.isBlank() ? file : "named in the request") + " ("
                    + Files.size(target) + " bytes, " + tookMillis + " ms)");
            return entry(target);
        } catch (FileAlreadyExistsException e) {
            throw new Refusal(Refusal.Reason.CONFLICT, "The backup " + file + " exists already; a backup never replaces another. Choose another name.");
        } catch (IOException e) {
            throw new UncheckedIOException("the backup folder " + folder + " cannot be written", e);
        } finally {
            writing.unlock();
        }
    }

    /** The complete backups in the folder, newest first. */
    public List<BackupEntry> list() {
        onH2();
        List<BackupEntry> all = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.zip")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    all.add(entry(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the backup folder " + folder + " cannot be read", e);
        }
        all.sort(Comparator.comparing(BackupEntry::writtenAt).reversed().thenComparing(BackupEntry::name));
        return all;
    }

    private void onH2() {
        if (!db.isH2()) {
            throw new Refusal(Refusal.Reason.USE_PG_DUMP, "This relay's database is PostgreSQL: back it up with pg_dump while the relays run "
                    + "(docs/DEPLOYMENT.md, section 9). The relay's own backup is for its H2 file.");
        }
    }

    private BackupEntry entry(Path file) {
        try {
            Instant written = Files.getLastModifiedTime(file).toInstant();
            return new BackupEntry(file.getFileName().toString(), file.toString(), Files.size(file), written);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup " + file + " cannot be read", e);
        }
    }

    private void ownerOnlyFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Renames the finished backup into place, never over another file. */
    private static void move(Path part, Path target) throws IOException {
        try {
            Files.createLink(target, part); // atomic and refuses an existing target
        } catch (UnsupportedOperationException | IOException e) {
            if (e instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(part, target);
            }
        }
    }
}
