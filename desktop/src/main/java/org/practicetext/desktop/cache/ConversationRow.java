// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.time.Instant;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;

/**
 * One row of the message list, everything the row shows, read from the cache.
 * {@code contactName} is null for an unnamed lead ({@link #displayName()} then shows the number).
 * {@code lastOutboundFailed} is true when the newest outbound message failed (the row's red mark);
 * {@code waitingToSend} counts this conversation's outbox items not yet accepted by the relay.
 * {@code openRequest} is the newest request still waiting for the patient, or null (the
 * "Open requests" filter and the row's hint).
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
        int waitingToSend,
        OpenRequest openRequest) {

    /** The newest open request of a conversation and how many are open ({@code count}): enough for "Payment $120.00 · Opened". */
    public record OpenRequest(RequestKind kind, RequestStatus status, Long amountCents, String currency, int count) {
    }

    public String displayName() {
        return contactName == null || contactName.isBlank() ? displayPhone : contactName;
    }

    public boolean isOpen() {
        return "open".equals(status);
    }
}
