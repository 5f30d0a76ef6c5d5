// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import java.time.Instant;

/**
 * The port payments go through (ADR 0024), like {@code Carrier} for texts: {@code StripePayments}
 * (the official stripe-java SDK: a Checkout Session per payment) or {@code SimulatedPayments} (a
 * small payment page on the relay with a Pay button, for the demo and tests). Either way the
 * outcome comes back by the same signed webhook ({@code POST /stripe/webhook}) to
 * {@link PaymentOutcomes}.
 *
 * <p>A Checkout Session lives at most 24 hours, a payment link the practice texted lives for weeks:
 * a session is made when the patient presses Pay on the request's page and reused while it is
 * open; an expired session only means the next Pay makes a new one.
 */
public interface PaymentProvider {
    /** "stripe" or "simulated": shown to admins in the settings. */
    String name();

    /** A new checkout for one payment request. Throws {@link PaymentException} when the provider refused or could not be reached. */
    Checkout checkout(Order order);

    /** Ends an open checkout (the request was cancelled or resent) so it cannot be paid any more; a session already ended is fine. */
    void expire(String sessionId);

    /**
     * What the patient pays: {@code reference} is the request's id as text (Stripe's
     * {@code client_reference_id}), {@code practiceId} goes in the session's metadata, {@code
     * description} is shown on the checkout page, amounts in integer cents of {@code currency} (ISO,
     * upper case). The session ends at {@code expiresAt} at the latest (Stripe: between 30 minutes and
     * 24 hours from now); {@code successUrl} and {@code cancelUrl} lead back to the request's page.
     */
    record Order(String reference, long practiceId, long amountCents, String currency, String description, String practiceName,
                 Instant expiresAt, String successUrl, String cancelUrl) {
    }

    /** A checkout made: the provider's session id, the page to send the patient to, and when it ends. */
    record Checkout(String sessionId, String url, Instant expiresAt) {
    }
}
