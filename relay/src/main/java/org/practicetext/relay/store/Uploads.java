// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Files uploaded by a desk to be sent (ADR 0023): only their practice can send them, and each lives a day. */
public final class Uploads {
    /** An upload as it is kept (the bytes stay in the database until a message copies them). */
    public record Upload(String id, long practiceId, String fileName, String contentType, long size, Integer width, Integer height,
                         String sha256, byte[] content, byte[] preview, Instant createdAt) {
    }

    /** What sending needs to know of an upload, without its bytes. */
    public record Facts(String id, String fileName, String contentType, long size, Integer width, Integer height) {
    }

    public void insert(Tx tx, Upload u) throws SQLException {
        tx.update("""
                INSERT INTO upload (id, practice_id, file_name, content_type, size_bytes, width, height, sha256, content, preview, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                u.id(), u.practiceId(), u.fileName(), u.contentType(), u.size(), u.width(), u.height(), u.sha256(), u.content(), u.preview(),
                u.createdAt());
    }

    /** Deletes the practice's uploads made before {@code before}; returns how many. */
    public int purge(Tx tx, long practiceId, Instant before) throws SQLException {
        return tx.update("DELETE FROM upload WHERE practice_id = ? AND created_at < ?", practiceId, before);
    }

    /** The practice's uploads with these ids, in the order asked; empty when one is not the practice's (or is gone). */
    public Optional<List<Facts>> facts(Tx tx, long practiceId, List<String> ids) throws SQLException {
        List<Facts> found = new ArrayList<>();
        for (String id : ids) {
            Optional<Facts> one = tx.queryOne("""
                    SELECT id, file_name, content_type, size_bytes, width, height FROM upload WHERE practice_id = ? AND id = ?""",
                    rs -> new Facts(rs.getString("id"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                            Tx.nullableInt(rs, "width"), Tx.nullableInt(rs, "height")),
                    practiceId, id);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            found.add(one.get());
        }
        return Optional.of(found);
    }
}
