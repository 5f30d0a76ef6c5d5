// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicetext.relay.TestClock;

/** The real stripe-java SDK against a fake Stripe API on loopback: what a checkout sends, what comes back, and failures. */
class StripePaymentsTest {
    static final Instant NOW = Instant.parse("2026-11-02T15:00:00Z");

    final TestClock clock = new TestClock(NOW);
    final FakeStripeApi stripe = newFake();
    final StripePayments payments = new StripePayments(FakeStripeApi.KEY, stripe.base(), clock);

    static FakeStripeApi newFake() {
        try {
            return new FakeStripeApi();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    static PaymentProvider.Order order(String reference, Instant expiresAt) {
        return new PaymentProvider.Order(reference, 7, 12_000, "USD", "Cleaning on Nov 1", "Bright Smiles Dental", expiresAt,
                "https://relay.practicetext.test/l/success", "https://relay.practicetext.test/l/cancel");
    }

    @Test
    void aCheckoutIsOnePaymentSessionOfTheAmountNamingTheRequest() {
        PaymentProvider.Checkout checkout = payments.checkout(order("42", NOW.plus(Duration.ofHours(3))));

        assertThat(stripe.seen()).hasSize(1);
        FakeStripeApi.Seen sent = stripe.seen().getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(sent.authorization()).isEqualTo("Bearer " + FakeStripeApi.KEY);
        assertThat(sent.idempotencyKey()).startsWith("pt-checkout-42-").hasSizeGreaterThan("pt-checkout-42-".length() + 16);
        Map<String, String> form = sent.form();
        assertThat(form).containsEntry("mode", "payment")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][unit_amount]", "12000")
                .containsEntry("line_items[0][price_data][product_data][name]", "Cleaning on Nov 1")
                .containsEntry("client_reference_id", "42")
                .containsEntry("metadata[practice_id]", "7")
                .containsEntry("metadata[request_id]", "42")
                .containsEntry("success_url", "https://relay.practicetext.test/l/success")
                .containsEntry("cancel_url", "https://relay.practicetext.test/l/cancel")
                .containsEntry("expires_at", Long.toString(NOW.plus(Duration.ofHours(3)).getEpochSecond()));
        assertThat(checkout.sessionId()).startsWith("cs_test_");
        assertThat(checkout.url()).isEqualTo("https://checkout.stripe.test/c/pay/" + checkout.sessionId());
        assertThat(checkout.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
    }

    @Test
    void withoutADescriptionTheLineItemIsAPaymentToThePractice() {
        PaymentProvider.Order plain = new PaymentProvider.Order("43", 7, 500, "EUR", " ", "Bright Smiles Dental", NOW.plus(Duration.ofHours(1)),
                "https://x.test/s", "https://x.test/c");

        payments.checkout(plain);

        assertThat(stripe.seen().getFirst().form()).containsEntry("line_items[0][price_data][product_data][name]", "Payment to Bright Smiles Dental")
                .containsEntry("line_items[0][price_data][currency]", "eur");
    }

    @Test
    void eachCheckoutHasItsOwnIdempotencyKey() {
        payments.checkout(order("42", NOW.plus(Duration.ofHours(1))));
        payments.checkout(order("42", NOW.plus(Duration.ofHours(1))));

        assertThat(stripe.seen().get(0).idempotencyKey()).isNotEqualTo(stripe.seen().get(1).idempotencyKey());
    }

    @Test
    void theSessionEndIsHeldWithinStripesWindowOfThirtyMinutesToADay() {
        payments.checkout(order("1", NOW.plus(Duration.ofDays(30))));
        payments.checkout(order("2", NOW.plus(Duration.ofMinutes(5))));
        payments.checkout(order("3", null));

        assertThat(stripe.seen()).extracting(s -> Long.parseLong(s.form().get("expires_at")))
                .containsExactly(NOW.plus(StripePayments.LONGEST).getEpochSecond(), NOW.plus(StripePayments.SHORTEST).getEpochSecond(),
                        NOW.plus(StripePayments.LONGEST).getEpochSecond());
        assertThat(StripePayments.SHORTEST).isGreaterThan(Duration.ofMinutes(30));
        assertThat(StripePayments.LONGEST).isLessThan(Duration.ofHours(24));
    }

    @Test
    void expireEndsAnOpenSession() {
        String id = payments.checkout(order("42", NOW.plus(Duration.ofHours(2)))).sessionId();

        payments.expire(id);

        assertThat(stripe.session(id).get("status").asText()).isEqualTo("expired");
        assertThat(stripe.seen().get(1).path()).isEqualTo("/v1/checkout/sessions/" + id + "/expire");
    }

    @Test
    void expiringASessionAlreadyPaidExpiredOrUnknownIsFine() {
        String paid = payments.checkout(order("42", NOW.plus(Duration.ofHours(2)))).sessionId();
        stripe.complete(paid);
        String expired = payments.checkout(order("43", NOW.plus(Duration.ofHours(2)))).sessionId();
        payments.expire(expired);

        payments.expire(paid);
        payments.expire(expired);
        payments.expire("cs_test_unknown");

        assertThat(stripe.session(paid).get("status").asText()).isEqualTo("complete");
    }

    @Test
    void aRefusalIsAPaymentExceptionWithStripesStatusAndCodeButNotItsMessageOrTheKey() {
        stripe.failNext(new FakeStripeApi.Failure(402, "card_error", "card_declined"));

        assertThatThrownBy(() -> payments.checkout(order("42", NOW.plus(Duration.ofHours(1)))))
                .isInstanceOf(PaymentException.class)
                .hasMessage("Stripe refused to create a checkout (HTTP 402, card_declined).")
                .hasNoCause();
    }

    @Test
    void aBadKeyIsAPaymentExceptionThatDoesNotQuoteIt() {
        stripe.failNext(new FakeStripeApi.Failure(401, "invalid_request_error", null));

        assertThatThrownBy(() -> payments.checkout(order("42", NOW.plus(Duration.ofHours(1)))))
                .isInstanceOf(PaymentException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(FakeStripeApi.KEY).hasMessageNotContaining("sk_");
    }

    @Test
    void aServerErrorIsNotRetried() {
        stripe.failNext(new FakeStripeApi.Failure(500, "api_error", null));

        assertThatThrownBy(() -> payments.checkout(order("42", NOW.plus(Duration.ofHours(1)))))
                .isInstanceOf(PaymentException.class).hasMessageContaining("HTTP 500");
        assertThat(stripe.seen()).hasSize(1);
    }

    /**
     * The SDK's transport (HttpURLConnection) resends a POST once by itself when the connection
     * ends without an answer, whatever maxNetworkRetries says; it resends it with the same
     * Idempotency-Key, so Stripe answers the session the first one made, never a second.
     */
    @Test
    void aDroppedConnectionIsResentOnlyWithTheSameIdempotencyKeySoStripeMakesOneSession() {
        stripe.failNext(FakeStripeApi.Failure.dropped());

        PaymentProvider.Checkout checkout = payments.checkout(order("42", NOW.plus(Duration.ofHours(1))));

        assertThat(stripe.seen()).hasSize(2).extracting(FakeStripeApi.Seen::idempotencyKey).doesNotContainNull().containsOnly(stripe.seen().getFirst().idempotencyKey());
        assertThat(stripe.sessionCount()).isEqualTo(1);
        assertThat(checkout.sessionId()).isNotBlank();
    }

    @Test
    void aConnectionDroppedTwiceSaysStripeCouldNotBeReached() {
        stripe.failNext(FakeStripeApi.Failure.dropped());
        stripe.failNext(FakeStripeApi.Failure.dropped());

        assertThatThrownBy(() -> payments.checkout(order("42", NOW.plus(Duration.ofHours(1)))))
                .isInstanceOf(PaymentException.class).hasMessage("Stripe could not be reached to create a checkout.");
        assertThat(stripe.seen()).hasSize(2);
        assertThat(stripe.sessionCount()).isZero();
    }

    @Test
    void aFailedExpireOfAnOpenSessionIsAPaymentException() {
        String id = payments.checkout(order("42", NOW.plus(Duration.ofHours(2)))).sessionId();
        stripe.failNext(new FakeStripeApi.Failure(500, "api_error", null));

        assertThatThrownBy(() -> payments.expire(id)).isInstanceOf(PaymentException.class).hasMessageContaining("expire a checkout");
        assertThat(stripe.session(id).get("status").asText()).isEqualTo("open");
    }
}
