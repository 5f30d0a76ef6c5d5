// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;
import org.practicetext.core.ConversationStatus;
import org.practicetext.core.Direction;

/** A conversation: one practice number and one contact. {@code status} is "open" or "closed". */
public record ConversationView(
        long id,
        long contactId,
        String phone,
        String practiceNumber,
        ConversationStatus status,
        long inboxId,
        Long assigneeId,
        int unreadCount,
        Instant lastMessageAt,
        String lastMessagePreview,
        Direction lastMessageDirection) {
}
