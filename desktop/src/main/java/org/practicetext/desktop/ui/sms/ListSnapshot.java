// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.secrets.FileCipher;
import org.practicetext.desktop.ui.common.MessageTimes;

/**
 * What the SMS list showed last (the first screenful of rows as they rendered, the status filter
 * and the window size), kept in a small file in the account's cache folder so the next start can
 * paint it before the cache opens (ADR 0021). Plain JDK I/O: reading it loads no H2, Jackson or
 * logging. A file of another format version, or a truncated or corrupt one, reads as empty.
 * Its names and previews are patient data: the desk writes it encrypted with the account's
 * {@link FileCipher} (ADR 0026; the key is read from the secret store, H2 still not loaded).
 */
public record ListSnapshot(String filter, double width, double height, List<Row> rows, SnapshotLook look) {
    /** The file's name inside the account's cache folder. */
    public static final String FILE = "first-screen.snapshot";
    /** Rows kept: more than a tall screen shows. */
    public static final int ROWS = 40;
    private static final int MAGIC = 0x50545331; // "PTS1"
    /** 2: the page's look ({@link SnapshotLook}) and each row's avatar colour. A version-1 file reads as none. */
    private static final int VERSION = 2;
    private static final int MAX_ROWS = 1_000;
    private static final int MAX_LOOK = 500;

    public ListSnapshot {
        rows = List.copyOf(rows);
    }

    /** A snapshot without a look (the painter's defaults). */
    public ListSnapshot(String filter, double width, double height, List<Row> rows) {
        this(filter, width, height, rows, SnapshotLook.none());
    }

    /** One list row as it was painted; {@code palette} is its avatar's colour ({@code pt-avatar-N}). */
    public record Row(long id, String name, String time, String preview, int unread, boolean failed, boolean optedOut, boolean blocked,
            int palette) {
    }

    /** The first {@link #ROWS} rows of the list as its cells render them, and the page's look. */
    public static ListSnapshot of(ConversationListViewModel list, MessageTimes times, double width, double height, SnapshotLook look) {
        List<Row> rows = new ArrayList<>();
        for (ConversationRow row : list.conversations()) {
            if (rows.size() == ROWS) {
                break;
            }
            String lead = "out".equals(row.lastDirection()) ? "You: " : "";
            String preview = row.preview() == null ? "" : lead + row.preview().replace('\n', ' ');
            rows.add(new Row(row.id(), row.displayName(), times.shortForm(row.lastMessageAt()), preview, row.unreadCount(),
                    row.lastOutboundFailed(), row.optedOut(), row.blocked(), Math.floorMod(row.contactId(), SnapshotLook.PALETTE)));
        }
        Object status = list.statusProperty().get();
        return new ListSnapshot(status == null ? "" : status.toString(), width, height, rows, look);
    }

    /** Writes the file whole and plain (tests of the format); the desk uses {@link #write(Path, FileCipher)}. */
    public void write(Path file) {
        write(file, FileCipher.NONE);
    }

    /** Writes the file whole (a temporary file in the same folder, then a move) encrypted with {@code cipher}, readable by the owner only where the file system allows. */
    public void write(Path file, FileCipher cipher) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(cipher.encrypting(Files.newOutputStream(temp))))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(filter);
                out.writeDouble(width);
                out.writeDouble(height);
                out.writeInt(rows.size());
                for (Row row : rows) {
                    out.writeLong(row.id());
                    out.writeUTF(row.name() == null ? "" : row.name());
                    out.writeUTF(row.time() == null ? "" : row.time());
                    out.writeUTF(clip(row.preview()));
                    out.writeInt(row.unread());
                    out.writeByte((row.failed() ? 1 : 0) | (row.optedOut() ? 2 : 0) | (row.blocked() ? 4 : 0));
                    out.writeByte(row.palette());
                }
                out.writeInt(look.values().size());
                for (var e : look.values().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeUTF(e.getValue());
                }
                out.writeInt(MAGIC);
            }
            ownerOnly(temp);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The snapshot in {@code file}; empty when there is none. A file that cannot be read is {@link Unreadable}. */
    public static Optional<ListSnapshot> read(Path file) throws Unreadable {
        return read(file, FileCipher.NONE);
    }

    /** The snapshot in {@code file}, decrypted with {@code cipher} (a plain one from before reads as it is); one that does not open is {@link Unreadable}. */
    public static Optional<ListSnapshot> read(Path file, FileCipher cipher) throws Unreadable {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(cipher.open(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new Unreadable("not a snapshot of this version");
            }
            String filter = in.readUTF();
            double width = in.readDouble();
            double height = in.readDouble();
            int count = in.readInt();
            if (count < 0 || count > MAX_ROWS) {
                throw new Unreadable("bad row count");
            }
            List<Row> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long id = in.readLong();
                String name = in.readUTF();
                String time = in.readUTF();
                String preview = in.readUTF();
                int unread = in.readInt();
                int flags = in.readByte();
                int palette = Math.floorMod(in.readByte(), SnapshotLook.PALETTE);
                rows.add(new Row(id, name, time, preview, unread, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, palette));
            }
            int looks = in.readInt();
            if (looks < 0 || looks > MAX_LOOK) {
                throw new Unreadable("bad look count");
            }
            java.util.Map<String, String> look = new java.util.LinkedHashMap<>();
            for (int i = 0; i < looks; i++) {
                look.put(in.readUTF(), in.readUTF());
            }
            if (in.readInt() != MAGIC) {
                throw new Unreadable("no end mark");
            }
            return Optional.of(new ListSnapshot(filter, width, height, rows, new SnapshotLook(look)));
        } catch (IOException e) {
            throw new Unreadable(e.getClass().getSimpleName());
        }
    }

    /** Removes the file (sign-out, switching user); nothing to do when there is none. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clip(String preview) {
        String text = preview == null ? "" : preview;
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** A snapshot file that is there but cannot be used; the message names no patient data. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason);
        }
    }
}
