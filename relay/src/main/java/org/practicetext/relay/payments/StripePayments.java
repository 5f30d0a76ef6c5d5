// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments through Stripe's official SDK: one Checkout Session in {@code payment} mode per Pay,
 * with one line item of the request's amount, the request's id as {@code client_reference_id}
 * (it comes back in the webhook) and the practice and request in the metadata.
 *
 * <p>The SDK never retries here ({@code maxNetworkRetries 0}): a create whose answer was lost may
 * have made a session, and the patient presses Pay again anyway. Each create carries an
 * idempotency key (the request and a nonce of this checkout), so a repeat of the same call within
 * Stripe's 24 hours returns the same session instead of a second one. That repeat does happen: the
 * SDK's transport, {@code HttpURLConnection}, resends a POST once by itself when its connection
 * ends without an answer, whatever {@code maxNetworkRetries} says; the key makes it harmless.
 *
 * <p>Errors become a {@link PaymentException} whose message names Stripe's status and error code
 * and the request id only, without Stripe's exception as the cause: Stripe's own messages can quote
 * the (masked) key and are not for a patient's page or a log.
 */
public final class StripePayments implements PaymentProvider {
    private static final Logger LOG = LoggerFactory.getLogger(StripePayments.class);
    /** Stripe's shortest session is 30 minutes from its creation; the margin covers our clock running behind Stripe's. */
    static final Duration SHORTEST = Duration.ofMinutes(32);
    /** Stripe's longest is 24 hours; the margin covers our clock running ahead. */
    static final Duration LONGEST = Duration.ofHours(24).minusMinutes(2);

    private final StripeClient stripe;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StripePayments(String secretKey, String apiBase, Clock clock) {
        this.stripe = StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase).setMaxNetworkRetries(0)
                .setConnectTimeout(10_000).setReadTimeout(30_000).build();
        this.clock = clock;
    }

    @Override
    public String name() {
        return PaymentSettings.STRIPE;
    }

    @Override
    public Checkout checkout(Order order) {
        Instant expiresAt = clamped(order.expiresAt(), clock.instant());
        String name = order.description() == null || order.description().isBlank() ? "Payment to " + order.practiceName() : order.description();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(order.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(order.amountCents())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(name).build())
                                .build())
                        .build())
                .setClientReferenceId(order.reference())
                .putMetadata("practice_id", Long.toString(order.practiceId()))
                .putMetadata("request_id", order.reference())
                .setSuccessUrl(order.successUrl())
                .setCancelUrl(order.cancelUrl())
                .setExpiresAt(expiresAt.getEpochSecond())
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("pt-checkout-" + order.reference() + "-" + nonce()).build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params, options);
            Instant ends = session.getExpiresAt() == null ? expiresAt : Instant.ofEpochSecond(session.getExpiresAt());
            return new Checkout(session.getId(), session.getUrl(), ends);
        } catch (StripeException e) {
            throw failure("create a checkout", e);
        }
    }

    @Override
    public void expire(String sessionId) {
        try {
            stripe.v1().checkout().sessions().expire(sessionId);
        } catch (InvalidRequestException e) {
            // Stripe refuses to expire a session that is no longer open (complete, expired) or that it does not know.
            if (Integer.valueOf(404).equals(e.getStatusCode()) || !stillOpen(sessionId)) {
                return;
            }
            throw failure("expire a checkout", e);
        } catch (StripeException e) {
            throw failure("expire a checkout", e);
        }
    }

    private boolean stillOpen(String sessionId) {
        try {
            return "open".equals(stripe.v1().checkout().sessions().retrieve(sessionId).getStatus());
        } catch (StripeException e) {
            throw failure("look up a checkout", e);
        }
    }

    /** Within Stripe's window from {@code now}: a request's link may end sooner or much later than a session may. */
    static Instant clamped(Instant wanted, Instant now) {
        Instant earliest = now.plus(SHORTEST);
        Instant latest = now.plus(LONGEST);
        return wanted == null || wanted.isAfter(latest) ? latest : wanted.isBefore(earliest) ? earliest : wanted;
    }

    private String nonce() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static PaymentException failure(String what, StripeException e) {
        if (e instanceof ApiConnectionException) {
            LOG.warn("could not reach Stripe to {}", what);
            return new PaymentException("Stripe could not be reached to " + what + ".");
        }
        String code = e.getCode() == null ? "" : ", " + e.getCode().replaceAll("[^a-z0-9_]", "");
        LOG.warn("Stripe refused to {}: HTTP {}{} (request {})", what, e.getStatusCode(), code, e.getRequestId());
        return new PaymentException("Stripe refused to " + what + " (HTTP " + e.getStatusCode() + code + ").");
    }
}
