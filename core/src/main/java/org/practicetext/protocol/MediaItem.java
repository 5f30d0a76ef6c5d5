// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;
import org.practicetext.core.MediaDelivery;
import org.practicetext.core.MediaProblem;
import org.practicetext.core.MediaState;

/**
 * One attachment of a message, at its place in {@link MessageView#media()} (its position, from 0,
 * is what the media endpoints take). {@code url} is where the carrier had it (inbound) or the link
 * the desk gave (outbound, {@link MediaState#LINKED}). Once {@link MediaState#READY} the relay
 * holds the file: {@code size} bytes of {@code contentType} (checked against the bytes), a photo's
 * {@code width} and {@code height}, and {@code preview} when a small JPEG of it is served by
 * {@link Endpoints#MEDIA_PREVIEW}. {@code fileName} is a name to save it under. {@code problem} says
 * why it is {@link MediaState#UNAVAILABLE}.
 *
 * <p>A file the practice sent has its {@code delivery}: in the MMS, or behind the message's secure
 * link, which {@code expiresAt} and was first opened by the patient at {@code openedAt} (null: not
 * yet). Inbound files have none of the three.
 */
public record MediaItem(String url, String contentType, MediaState state, String fileName, Long size, Integer width, Integer height,
                        boolean preview, MediaProblem problem, MediaDelivery delivery, Instant expiresAt, Instant openedAt) {
    /** An attachment of an incoming text, not fetched yet. */
    public static MediaItem arriving(String url, String contentType) {
        return new MediaItem(url, contentType, MediaState.PENDING, null, null, null, null, false, null, null, null, null);
    }

    /** An outbound link the relay passes on as it is. */
    public static MediaItem linked(String url, String contentType) {
        return new MediaItem(url, contentType, MediaState.LINKED, null, null, null, null, false, null, null, null, null);
    }

    /** Whether it is a photo the desk can show (JPEG, PNG, GIF or another image type). */
    public boolean isImage() {
        return contentType != null && contentType.regionMatches(true, 0, "image/", 0, 6);
    }
}
