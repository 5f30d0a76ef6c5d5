// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;

/** A conversation: one practice number and one contact. {@code status} is "open" or "closed". */
public record ConversationView(
        long id,
        long contactId,
        String phone,
        String practiceNumber,
        String status,
        long inboxId,
        Long assigneeId,
        int unreadCount,
        Instant lastMessageAt,
        String lastMessagePreview,
        String lastMessageDirection) {
}
