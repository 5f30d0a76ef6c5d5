// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.time.Instant;
import java.util.Optional;

/**
 * The photos' previews kept with the thread ({@code media_preview}): each attachment's small
 * JPEG, fetched once, so a thread with photos reads offline. A resync's sweep drops those of
 * messages the relay no longer has.
 */
public final class MediaPreviews {
    private final CacheDatabase db;

    public MediaPreviews(CacheDatabase db) {
        this.db = db;
    }

    public Optional<byte[]> load(long messageId, int position) {
        return db.read(sql -> sql.queryOne("SELECT content FROM media_preview WHERE message_id = ? AND position = ?",
                rs -> rs.getBytes(1), messageId, position));
    }

    public boolean has(long messageId, int position) {
        return db.read(sql -> sql.count("SELECT COUNT(*) FROM media_preview WHERE message_id = ? AND position = ?", messageId, position)) > 0;
    }

    public void save(long messageId, int position, byte[] content, Instant fetchedAt) {
        db.write(sql -> sql.update("MERGE INTO media_preview (message_id, position, content, fetched_at) KEY (message_id, position) VALUES (?, ?, ?, ?)",
                messageId, position, content, fetchedAt));
    }
}
