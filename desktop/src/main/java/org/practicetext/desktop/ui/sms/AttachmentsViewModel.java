// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.practicetext.core.MediaDelivery;
import org.practicetext.core.MediaState;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.common.MessageTimes;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.MediaItem;

/**
 * The open thread's attachments: what each bubble shows for them ({@link #tiles}), the photos'
 * previews (from the cache, else fetched once when a bubble shows them), and "Try again" — for an
 * attachment the relay could not get from the carrier it asks the relay to fetch it again (anyone
 * who can read the thread may: it changes nothing the patient sees), for a preview this desk
 * could not download it downloads again. {@link #revisionProperty()} moves whenever a preview
 * arrives or a tile's state here changes, so the cells showing them redraw.
 */
public final class AttachmentsViewModel {
    private final UiSession session;
    private final Map<MediaKey, byte[]> previews = new HashMap<>();
    private final Set<MediaKey> loading = new HashSet<>();
    private final Set<MediaKey> failed = new HashSet<>();
    private final Set<MediaKey> retrying = new HashSet<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    public AttachmentsViewModel(UiSession session) {
        this.session = session;
        // The relay answers a retry with the message again (pending, then ready or unavailable): that ends "asking again".
        session.events().onChange(batch -> {
            if (retrying.removeIf(key -> batch.messages().containsKey(key.messageId()))) {
                changed();
            }
        });
    }

    /** Moves on every change of what a tile shows that the message row does not carry (a preview arrived, a download failed). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** What the bubble of {@code message} shows for each of its attachments, in order. */
    List<AttachmentTile> tiles(MessageRow message) {
        List<MediaItem> media = message.media();
        int photos = (int) media.stream().filter(m -> m.state() == MediaState.READY && m.isImage() && m.preview() && m.delivery() != MediaDelivery.LINK)
                .count();
        List<AttachmentTile> tiles = new ArrayList<>(media.size());
        for (int i = 0; i < media.size(); i++) {
            MediaKey key = new MediaKey(message.id(), i);
            MediaItem item = media.get(i);
            if (message.local()) {
                tiles.add(AttachmentTile.waiting(key, item, message.failed()));
            } else if (message.outgoing() && item.delivery() == MediaDelivery.LINK) {
                MessageTimes times = session.times();
                tiles.add(AttachmentTile.secureLink(key, item, item.openedAt() == null ? null : times.weekdayForm(item.openedAt()),
                        times.hasPassed(item.expiresAt())));
            } else {
                tiles.add(AttachmentTile.of(key, item, photos, failed.contains(key), retrying.contains(key)));
            }
        }
        return tiles;
    }

    /** The preview of a photo tile once it is here. */
    Optional<byte[]> preview(MediaKey key) {
        return Optional.ofNullable(previews.get(key));
    }

    /** A bubble shows these tiles: fetch the previews it lacks (the cache's, else the relay's, once). */
    void showing(List<AttachmentTile> tiles) {
        for (AttachmentTile tile : tiles) {
            if (tile.kind() == AttachmentTile.Kind.PHOTO && !previews.containsKey(tile.key()) && loading.add(tile.key())) {
                MediaKey key = tile.key();
                session.tasks().run(() -> session.client().attachments().preview(key.messageId(), key.position()), bytes -> {
                    loading.remove(key);
                    previews.put(key, bytes);
                    changed();
                }, e -> {
                    loading.remove(key);
                    failed.add(key);
                    changed();
                });
            }
        }
    }

    /** "Try again" on a tile: the relay fetches an unavailable file again, or this desk downloads a preview again. */
    void retry(AttachmentTile tile) {
        MediaKey key = tile.key();
        switch (tile.kind()) {
            case UNAVAILABLE -> {
                if (!retrying.add(key)) {
                    return;
                }
                changed();
                session.tasks().run(() -> {
                    session.client().attachments().retry(key.messageId(), key.position());
                    return key;
                }, asked -> { }, e -> {
                    retrying.remove(key);
                    changed();
                    session.tasks().failures().accept(e);
                });
            }
            case DOWNLOAD_FAILED -> {
                failed.remove(key);
                changed();
                showing(List.of(AttachmentTile.of(key, tile.item(), 1, false, false)));
            }
            default -> { }
        }
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }
}
