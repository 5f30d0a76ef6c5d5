// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.time.Instant;

/**
 * One row of the message list, everything the row shows, read from the cache.
 * {@code contactName} is null for an unnamed lead ({@link #displayName()} then shows the number).
 * {@code lastOutboundFailed} is true when the newest outbound message failed (the row's red mark);
 * {@code waitingToSend} counts this conversation's outbox items not yet accepted by the relay.
 */
public record ConversationRow(
        long id,
        long contactId,
        String contactName,
        String phone,
        String displayPhone,
        String kind,
        String preview,
        String lastDirection,
        Instant lastMessageAt,
        int unreadCount,
        String status,
        Long assigneeId,
        String assigneeName,
        long inboxId,
        String inboxName,
        boolean optedOut,
        boolean blocked,
        String lineType,
        boolean lastOutboundFailed,
        int waitingToSend) {

    public String displayName() {
        return contactName == null || contactName.isBlank() ? displayPhone : contactName;
    }

    public boolean isOpen() {
        return "open".equals(status);
    }
}
