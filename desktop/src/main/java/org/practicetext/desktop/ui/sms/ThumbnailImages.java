// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * The thread's decoded previews, shared by its cells: a cell is reused for another message on
 * every scroll, and decoding a preview each time would be work thrown away. The most recently
 * shown few hundred are kept.
 */
final class ThumbnailImages {
    private static final int KEPT = 300;
    private final Map<MediaKey, Image> images = new LinkedHashMap<>(64, 0.75f, true) {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<MediaKey, Image> eldest) {
            return size() > KEPT;
        }
    };

    Image of(MediaKey key, byte[] preview) {
        return images.computeIfAbsent(key, k -> new Image(new ByteArrayInputStream(preview)));
    }
}
