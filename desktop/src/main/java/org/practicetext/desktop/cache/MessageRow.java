// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.time.Instant;
import java.util.List;
import org.practicetext.protocol.MediaItem;

/**
 * One message bubble. Messages written here but not yet accepted by the relay are {@code local}
 * (negative ids, status "sending", or "failed" with {@code errorMessage} when the relay refused
 * them for good; {@code outboxItemId} then names the outbox item to retry or discard).
 * {@code senderKind} is "user", "campaign" or "contact"; {@code senderName} the label above it.
 */
public record MessageRow(
        long id,
        long conversationId,
        String clientId,
        String direction,
        String body,
        String status,
        Integer errorCode,
        String errorMessage,
        String senderKind,
        String senderName,
        List<MediaItem> media,
        Instant createdAt,
        boolean local,
        Long outboxItemId) {

    public boolean outgoing() {
        return "out".equals(direction);
    }

    public boolean failed() {
        return "failed".equals(status) || "undelivered".equals(status);
    }
}
