// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

/**
 * Where a verified payment webhook goes (implemented by the requests service). Stripe retries a
 * webhook and may send events out of order: both calls must be harmless when repeated or late.
 */
public interface PaymentOutcomes {
    /**
     * The checkout {@code sessionId} of request {@code reference} was paid: {@code amountCents} of
     * {@code currency} (Stripe's {@code amount_total}); {@code paymentId} is the provider's payment
     * (a PaymentIntent id), kept for the practice's records.
     */
    void paid(String reference, String sessionId, long amountCents, String currency, String paymentId);

    /** The checkout {@code sessionId} of request {@code reference} ended unpaid. */
    void sessionExpired(String reference, String sessionId);
}
