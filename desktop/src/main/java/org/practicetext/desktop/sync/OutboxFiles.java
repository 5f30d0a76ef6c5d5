// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.practicetext.desktop.OwnerOnlyFiles;
import org.practicetext.desktop.cache.Sql;
import org.practicetext.desktop.secrets.FileCipher;

/**
 * The files of messages waiting in the outbox: a copy of each in the account's {@code outbox}
 * folder (owner-only), named by the message's client id and the file's place, and a row of
 * {@code outbox_file} with its name, type, size and, once the relay has it, its upload id. The
 * copies are made before the message is queued and deleted once it is sent or discarded; a copy
 * left by a crash between the two is swept at the next start ({@link #sweep}; only then: while the
 * desk runs, a copy is made before its row exists).
 *
 * <p>Encrypted at rest (ADR 0026): with the cache's {@link FileCipher} each copy is AES-GCM and is
 * read back decrypted as it uploads ({@link #open}); a plain copy an earlier version left is
 * encrypted by the start's {@link #sweep}.
 */
public final class OutboxFiles {
    private final Path folder;
    private final FileCipher cipher;

    /**
     * One file of a waiting message. {@code uploadId} is null until the relay has it. {@code behindLink}: a
     * request's document, named in its draft rather than in the message's uploads (ADR 0024).
     */
    public record Stored(long outboxId, int position, String fileName, String contentType, long size, String storedName, String uploadId,
                         boolean behindLink) {
        public boolean isPhoto() {
            return contentType.startsWith("image/");
        }
    }

    public OutboxFiles(Path folder) {
        this(folder, FileCipher.NONE);
    }

    public OutboxFiles(Path folder, FileCipher cipher) {
        this.folder = folder;
        this.cipher = cipher;
    }

    /** Copies the files of the message {@code clientId} into the folder; answers their stored names, in order. */
    List<String> copy(String clientId, List<OutgoingFile> files) {
        List<String> names = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Path copy = OwnerOnlyFiles.newFile(folder, clientId + "-" + i + "-", ".part");
                names.add(copy.getFileName().toString());
                write(files.get(i), copy);
            }
            return names;
        } catch (IOException e) {
            names.forEach(this::deleteQuietly);
            throw new UncheckedIOException("Cannot keep the attached files for sending in " + folder + ": " + e.getMessage(), e);
        }
    }

    private void write(OutgoingFile file, Path copy) throws IOException {
        if (!cipher.encrypts()) {
            file.writeTo(copy);
            return;
        }
        try (InputStream in = file.source() != null ? Files.newInputStream(file.source()) : new java.io.ByteArrayInputStream(file.content())) {
            cipher.write(in, copy);
        }
    }

    /** Where a stored file's copy is. */
    Path path(Stored file) {
        return folder.resolve(file.storedName());
    }

    /** How many bytes a stored file's copy holds, decrypted. */
    long size(Stored file) throws IOException {
        return FileCipher.plainSize(path(file));
    }

    /** The bytes of a stored file's copy, decrypted. */
    InputStream open(Stored file) throws IOException {
        return cipher.open(path(file));
    }

    /** Deletes the copies (after their rows were deleted and committed). */
    void delete(List<Stored> files) {
        files.forEach(f -> deleteQuietly(f.storedName()));
    }

    void deleteNames(List<String> storedNames) {
        storedNames.forEach(this::deleteQuietly);
    }

    /** Deletes the copies no waiting message names: left by a crash between copying and queueing, or between sending and deleting. */
    void sweep(Sql sql) throws SQLException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<String> kept = sql.query("SELECT stored_name FROM outbox_file", rs -> rs.getString(1));
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder)) {
            for (Path copy : copies) {
                if (!kept.contains(copy.getFileName().toString())) {
                    Files.deleteIfExists(copy);
                } else if (cipher.encrypts()) {
                    cipher.encryptInPlace(copy, OwnerOnlyFiles.newFile(folder, "encrypt-", ".tmp"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the outbox folder " + folder, e);
        }
    }

    static void insert(Sql sql, long outboxId, List<OutgoingFile> files, List<String> storedNames, boolean behindLink) throws SQLException {
        for (int i = 0; i < files.size(); i++) {
            OutgoingFile f = files.get(i);
            sql.update("""
                    INSERT INTO outbox_file (outbox_id, position, file_name, content_type, size, stored_name, behind_link)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", outboxId, i, f.fileName(), f.contentType(), f.size(), storedNames.get(i), behindLink);
        }
    }

    static List<Stored> of(Sql sql, long outboxId) throws SQLException {
        return sql.query("""
                SELECT outbox_id, position, file_name, content_type, size, stored_name, upload_id, behind_link FROM outbox_file
                WHERE outbox_id = ? ORDER BY position""",
                rs -> new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                        rs.getBoolean(8)),
                outboxId);
    }

    static void uploaded(Sql sql, Stored file, String uploadId) throws SQLException {
        sql.update("UPDATE outbox_file SET upload_id = ? WHERE outbox_id = ? AND position = ?", uploadId, file.outboxId(), file.position());
    }

    /** The relay no longer has the uploads (older than a day): each file goes up again. */
    static void forgetUploads(Sql sql, long outboxId) throws SQLException {
        sql.update("UPDATE outbox_file SET upload_id = NULL WHERE outbox_id = ?", outboxId);
    }

    static void remove(Sql sql, long outboxId) throws SQLException {
        sql.update("DELETE FROM outbox_file WHERE outbox_id = ?", outboxId);
    }

    private void deleteQuietly(String storedName) {
        try {
            Files.deleteIfExists(folder.resolve(storedName));
        } catch (IOException e) {
            // swept at the next start
        }
    }
}
