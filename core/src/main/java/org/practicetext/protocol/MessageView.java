// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;
import java.util.List;

/** A message as the feed and the API carry it. {@code status} is Twilio's lower-case word. */
public record MessageView(
        long id,
        long conversationId,
        String direction,
        String body,
        String status,
        Integer errorCode,
        String errorMessage,
        String sid,
        String clientId,
        Sender sender,
        List<MediaItem> media,
        int segments,
        String encoding,
        Instant createdAt,
        Instant updatedAt) {
}
