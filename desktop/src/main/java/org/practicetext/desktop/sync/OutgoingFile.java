// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the person attached to a message, as the composer hands it over: its name and type (the
 * type the relay is told), its size, and where its bytes are — a file on disk ({@code source}) or,
 * for an image pasted from the clipboard, bytes in memory ({@code content}). The outbox copies it
 * into its own folder when the message is queued, so moving or deleting the original afterwards
 * does not lose the message.
 */
public record OutgoingFile(String fileName, String contentType, long size, Path source, byte[] content) {
    public OutgoingFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        if ((source == null) == (content == null)) {
            throw new IllegalArgumentException("a file on disk or bytes in memory, one of the two");
        }
    }

    /** A file chosen on disk or dropped onto the composer. */
    public static OutgoingFile onDisk(Path source, String contentType, long size) {
        return new OutgoingFile(source.getFileName().toString(), contentType, size, source, null);
    }

    /** Bytes that are not a file yet (a pasted screenshot). */
    public static OutgoingFile inMemory(String fileName, String contentType, byte[] content) {
        return new OutgoingFile(fileName, contentType, content.length, null, content.clone());
    }

    /** Writes the bytes into {@code target}, which exists, empty and owner-only: written into, never replaced, so it stays owner-only. */
    void writeTo(Path target) throws IOException {
        if (source == null) {
            Files.write(target, content);
            return;
        }
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    public boolean isPhoto() {
        return contentType.startsWith("image/");
    }
}
