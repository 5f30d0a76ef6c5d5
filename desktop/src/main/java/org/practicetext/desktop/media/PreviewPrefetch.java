// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.practicetext.core.MediaState;
import org.practicetext.desktop.BackgroundTasks;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.protocol.MediaItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the previews of photos that the feed brings, in the background and once each, so a
 * thread with photos reads offline even if nobody opened it while online. Only recent messages
 * (two weeks): a first sync of a practice's whole history would otherwise fetch years of photos
 * nobody looks at; an older one is fetched when its thread shows it. One task drains the queue
 * and ends; when the relay cannot be reached it drops the rest (the thread asks again when shown).
 */
public final class PreviewPrefetch {
    static final Duration RECENT = Duration.ofDays(14);
    private static final Logger LOG = LoggerFactory.getLogger(PreviewPrefetch.class);

    private final LiveAttachments attachments;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final Set<Key> queued = new LinkedHashSet<>();
    private boolean draining;

    private record Key(long messageId, int position) {
    }

    public PreviewPrefetch(LiveAttachments attachments, BackgroundTasks tasks, Clock clock) {
        this.attachments = attachments;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Queues the batch's recent messages' photos whose previews the cache lacks. */
    public void changed(ChangeBatch batch) {
        Instant since = clock.instant().minus(RECENT);
        boolean start;
        synchronized (this) {
            for (MessageRow message : batch.messages().values()) {
                if (message.createdAt() == null || message.createdAt().isBefore(since)) {
                    continue;
                }
                List<MediaItem> media = message.media();
                for (int i = 0; i < media.size(); i++) {
                    MediaItem item = media.get(i);
                    if (item.state() == MediaState.READY && item.preview()) {
                        queued.add(new Key(message.id(), i));
                    }
                }
            }
            start = !draining && !queued.isEmpty();
            draining |= start;
        }
        if (start) {
            tasks.start("practicetext-previews", this::drain);
        }
    }

    private void drain() {
        while (true) {
            Key next;
            synchronized (this) {
                if (queued.isEmpty()) {
                    draining = false;
                    return;
                }
                next = queued.iterator().next();
                queued.remove(next);
            }
            try {
                if (!attachments.hasPreview(next.messageId(), next.position())) {
                    attachments.preview(next.messageId(), next.position());
                }
            } catch (RelayException e) {
                LOG.debug("preview {}/{} not fetched: {}", next.messageId(), next.position(), e.code());
                if (e.status() == 0 || e.signedOut() || e.tooOld()) {
                    synchronized (this) {
                        queued.clear();
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("preview {}/{} not kept ({})", next.messageId(), next.position(), org.practicetext.desktop.Failures.describe(e));
                LOG.debug("preview failure", e);
            }
        }
    }
}
