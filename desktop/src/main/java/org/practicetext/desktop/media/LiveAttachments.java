// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.media;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.MediaPreviews;

/** Attachments over the cache's previews, the workstation's files and the relay's media endpoints. */
public final class LiveAttachments implements Attachments {
    private final MediaPreviews previews;
    private final MediaFiles files;
    private final MediaRelay relay;
    private final Clock clock;

    public LiveAttachments(CacheDatabase db, MediaFiles files, MediaRelay relay, Clock clock) {
        this.previews = new MediaPreviews(db);
        this.files = files;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public Optional<byte[]> cachedPreview(long messageId, int position) {
        return previews.load(messageId, position);
    }

    @Override
    public byte[] preview(long messageId, int position) throws RelayException {
        Optional<byte[]> kept = previews.load(messageId, position);
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] fetched = relay.preview(messageId, position);
        previews.save(messageId, position, fetched, clock.instant());
        return fetched;
    }

    /** Whether the cache holds this preview already (the prefetch skips it). */
    boolean hasPreview(long messageId, int position) {
        return previews.has(messageId, position);
    }

    @Override
    public Path file(long messageId, int position) throws RelayException {
        Optional<Path> kept = files.find(messageId, position);
        if (kept.isPresent()) {
            return kept.get();
        }
        return files.store(messageId, position, into -> relay.download(messageId, position, into));
    }

    @Override
    public void retry(long messageId, int position) throws RelayException {
        relay.retry(messageId, position);
    }
}
