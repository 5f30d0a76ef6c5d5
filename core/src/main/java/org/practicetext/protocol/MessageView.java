// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;
import java.util.List;
import org.practicetext.core.Direction;
import org.practicetext.core.SmsEncoding;

/**
 * A message as the feed and the API carry it. {@code status} is Twilio's lower-case word (see
 * {@link org.practicetext.core.DeliveryStatus}); it stays text because Twilio adds words, and the
 * desktop shows one it does not know as it is.
 */
public record MessageView(
        long id,
        long conversationId,
        Direction direction,
        String body,
        String status,
        Integer errorCode,
        String errorMessage,
        String sid,
        String clientId,
        Sender sender,
        List<MediaItem> media,
        int segments,
        SmsEncoding encoding,
        Instant createdAt,
        Instant updatedAt) {
}
