// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;
import java.util.List;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;

/**
 * A request the practice texted (ADR 0024): a payment, a review, forms or a treatment plan, in the
 * feed as {@code "request"}. It belongs to {@code conversationId} and was sent in {@code
 * messageId}; the patient follows {@code link} until {@code expiresAt}. {@code status} only moves
 * forward ({@link RequestStatus}); {@code openedAt}, {@code deliveredAt} and {@code finishedAt}
 * say when each step happened and {@code finishedBy} who ended it ("Patient", "Stripe", or a team
 * member's name for a cancel or a payment marked as made outside PracticeText, with {@code note}).
 *
 * <p>{@code description} is shown to the patient (what the payment is for, the plan's title);
 * {@code reference} is the practice's own (an invoice number), never shown to the patient.
 * Amounts are integer cents of {@code currency}: {@code amountCents} for a payment, the plan's
 * optional total for a treatment plan. {@code fileName} is the statement or plan PDF behind the
 * link. A resent request is a new request that {@code replacesId} the old one, which is then
 * cancelled and names its {@code replacedById}: nothing is deleted.
 */
public record RequestView(
        long id,
        RequestKind kind,
        RequestStatus status,
        long conversationId,
        long contactId,
        Long messageId,
        String link,
        Instant expiresAt,
        Instant deliveredAt,
        Instant openedAt,
        Instant finishedAt,
        String finishedBy,
        String note,
        String description,
        String reference,
        Long amountCents,
        String currency,
        List<RequestForm> forms,
        String fileName,
        Long replacesId,
        Long replacedById,
        Sender sentBy,
        Instant createdAt,
        Instant updatedAt) {
    public RequestView {
        forms = forms == null ? List.of() : List.copyOf(forms);
    }

    /** A form of a forms request, as it was in the library when it was sent. */
    public record RequestForm(long id, String name) {
    }
}
