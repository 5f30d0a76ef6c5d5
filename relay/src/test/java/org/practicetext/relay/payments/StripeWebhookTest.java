// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;

/** {@code PT_PAYMENTS=stripe}: a real relay takes Stripe's signed webhooks and reports them once to the payment outcomes. */
class StripeWebhookTest {
    @TempDir
    Path dir;
    FakeStripeApi stripe;
    RelayFixture relay;
    final RecordingOutcomes outcomes = new RecordingOutcomes();

    @BeforeEach
    void start() throws Exception {
        stripe = new FakeStripeApi();
        relay = new RelayFixture(dir, Map.of("PT_PAYMENTS", "stripe", "STRIPE_SECRET_KEY", FakeStripeApi.KEY,
                "STRIPE_WEBHOOK_SECRET", FakeStripeApi.WEBHOOK_SECRET, "PT_STRIPE_API_BASE", stripe.base()));
        relay.server.payments().outcomes(outcomes);
    }

    @AfterEach
    void stop() {
        relay.close();
        stripe.close();
    }

    /** A session the relay made at the fake Stripe, completed there: the event Stripe sends about it. */
    private String completedEvent(String eventId) {
        String id = relay.server.payments().provider().orElseThrow().checkout(StripePaymentsTest.order("42", relay.clock.instant().plus(Duration.ofHours(2))))
                .sessionId();
        return FakeStripeApi.event(eventId, "checkout.session.completed", stripe.complete(id));
    }

    private HttpResponse<String> post(String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.uri("/stripe/webhook")))
                .header("Content-Type", "application/json; charset=utf-8")
                .expectContinue(payload.length() > RelayFixture.LARGE_BODY)
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return relay.send(request.build());
    }

    private HttpResponse<String> postSigned(String payload) {
        return post(payload, FakeStripeApi.sign(payload, FakeStripeApi.WEBHOOK_SECRET, relay.clock.instant()));
    }

    @Test
    void aSignedCompletedCheckoutIsPaidOnceWithItsAmountCurrencyAndPayment() {
        String event = completedEvent("evt_1");

        HttpResponse<String> r = postSigned(event);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
        assertThat(outcomes.paid).singleElement().satisfies(paid -> {
            assertThat(paid.reference()).isEqualTo("42");
            assertThat(paid.sessionId()).startsWith("cs_test_");
            assertThat(paid.amountCents()).isEqualTo(12_000);
            assertThat(paid.currency()).isEqualTo("USD");
            assertThat(paid.paymentId()).startsWith("pi_fake_");
        });
    }

    @Test
    void anAsyncPaymentThatSucceededIsPaidToo() {
        String id = relay.server.payments().provider().orElseThrow().checkout(StripePaymentsTest.order("43", relay.clock.instant().plus(Duration.ofHours(2))))
                .sessionId();
        ObjectNode session = stripe.complete(id);

        assertThat(postSigned(FakeStripeApi.event("evt_pending", "checkout.session.completed", session.deepCopy().put("payment_status", "unpaid")))
                .statusCode()).isEqualTo(200);
        assertThat(outcomes.paid).isEmpty();
        assertThat(postSigned(FakeStripeApi.event("evt_async", "checkout.session.async_payment_succeeded", session)).statusCode()).isEqualTo(200);
        assertThat(outcomes.paid).singleElement().extracting(RecordingOutcomes.Paid::reference).isEqualTo("43");
    }

    @Test
    void anExpiredSessionIsReportedAsExpired() {
        String id = relay.server.payments().provider().orElseThrow().checkout(StripePaymentsTest.order("44", relay.clock.instant().plus(Duration.ofHours(2))))
                .sessionId();
        relay.server.payments().provider().orElseThrow().expire(id);

        assertThat(postSigned(FakeStripeApi.event("evt_exp", "checkout.session.expired", stripe.session(id))).statusCode()).isEqualTo(200);

        assertThat(outcomes.expired).containsExactly(new RecordingOutcomes.Expired("44", id));
        assertThat(outcomes.paid).isEmpty();
    }

    @Test
    void aReplayOfTheSameEventIsAnsweredAndChangesNothing() {
        String event = completedEvent("evt_replayed");

        assertThat(postSigned(event).statusCode()).isEqualTo(200);
        assertThat(postSigned(event).statusCode()).isEqualTo(200);

        assertThat(outcomes.paid).hasSize(1);
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsCalled() {
        String event = completedEvent("evt_forged");
        String signed = FakeStripeApi.sign(event, FakeStripeApi.WEBHOOK_SECRET, relay.clock.instant());

        assertThat(post(event.replace("12000", "1"), signed).statusCode()).isEqualTo(400);
        assertThat(post(event, null).statusCode()).isEqualTo(400);
        assertThat(post(event, "t=1,v1=00").statusCode()).isEqualTo(400);
        HttpResponse<String> garbage = post(event, "t=notanumber,v1=zz");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(relay.read(garbage).path("error").path("code").asText()).isEqualTo("bad_signature");

        assertThat(outcomes.paid).isEmpty();
    }

    @Test
    void anEventSignedWithAnotherSecretIsRefused() {
        String event = completedEvent("evt_other");

        assertThat(post(event, FakeStripeApi.sign(event, "whsec_someone_else", relay.clock.instant())).statusCode()).isEqualTo(400);
        assertThat(outcomes.paid).isEmpty();
    }

    @Test
    void anEventSignedMoreThanFiveMinutesAgoIsRefused() {
        String event = completedEvent("evt_stale");
        String signed = FakeStripeApi.sign(event, FakeStripeApi.WEBHOOK_SECRET, relay.clock.instant());

        relay.clock.advance(Duration.ofMinutes(10));

        assertThat(post(event, signed).statusCode()).isEqualTo(400);
        assertThat(outcomes.paid).isEmpty();
        relay.clock.advance(Duration.ofMinutes(-6));
        assertThat(post(event, signed).statusCode()).as("4 minutes old: within the tolerance").isEqualTo(200);
    }

    @Test
    void anEventOfAnotherTypeIsAnsweredAndIgnored() {
        ObjectNode intent = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", "pi_1").put("object", "payment_intent");

        assertThat(postSigned(FakeStripeApi.event("evt_pi", "payment_intent.succeeded", intent)).statusCode()).isEqualTo(200);
        assertThat(outcomes.paid).isEmpty();
        assertThat(outcomes.expired).isEmpty();
    }

    @Test
    void aCheckoutTheRelayDidNotMakeIsIgnored() {
        String event = completedEvent("evt_elsewhere").replace("\"client_reference_id\":\"42\"", "\"client_reference_id\":null");

        assertThat(postSigned(event).statusCode()).isEqualTo(200);
        assertThat(outcomes.paid).isEmpty();
    }

    @Test
    void malformedJsonWithAValidSignatureIsABadRequest() {
        HttpResponse<String> r = postSigned("{\"id\": \"evt_x\", ");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(relay.read(r).path("error").path("code").asText()).isEqualTo("malformed_json");
        assertThat(postSigned("[1, 2]").statusCode()).isEqualTo(400);
        assertThat(postSigned("{\"id\":\"evt_y\",\"type\":\"checkout.session.completed\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyOverTheWebhookLimitIsTooLarge() {
        String big = "{\"pad\":\"" + "x".repeat(70_000) + "\"}";

        assertThat(postSigned(big).statusCode()).isEqualTo(413);
    }

    @Test
    void aRequestTheRelayRefusesIsAnsweredSoStripeStopsRetrying() {
        outcomes.failure = RecordingOutcomes.unknownRequest();

        assertThat(postSigned(completedEvent("evt_unknown")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnexpectedFailureIsA500SoStripeRetriesAndTheRetryIsHandled() {
        String event = completedEvent("evt_retried");
        outcomes.failure = new IllegalStateException("the database is away");

        assertThat(postSigned(event).statusCode()).isEqualTo(500);
        outcomes.failure = null;
        assertThat(postSigned(event).statusCode()).isEqualTo(200);
        assertThat(outcomes.paid).hasSize(1);
    }

    /** The tolerance is the relay's clock's (a test's clock of 2026-11-02 here), not the machine's: a month apart, this is still fresh. */
    @Test
    void signaturesAreCheckedAgainstTheRelaysClock() {
        String event = completedEvent("evt_clock");

        assertThat(post(event, FakeStripeApi.sign(event, FakeStripeApi.WEBHOOK_SECRET, relay.clock.instant().minusSeconds(60))).statusCode())
                .isEqualTo(200);
    }

    /** {@code PT_PAYMENTS=none}: no provider and no checkout page; the webhook route answers that the relay takes no payments. */
    @Test
    void withoutPaymentsTheWebhookIsA404AndThereIsNoProvider(@TempDir Path other) {
        try (RelayFixture none = new RelayFixture(other, Map.of("PT_PAYMENTS", "none"))) {
            String payload = FakeStripeApi.event("evt_none", "payment_intent.succeeded",
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            HttpResponse<String> r = none.send(HttpRequest.newBuilder(URI.create(none.uri("/stripe/webhook")))
                    .header("Content-Type", "application/json").header("Stripe-Signature", FakeStripeApi.sign(payload, FakeStripeApi.WEBHOOK_SECRET,
                            none.clock.instant()))
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build());

            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(none.read(r).path("error").path("code").asText()).isEqualTo("payments_off");
            assertThat(none.server.payments().provider()).isEmpty();
            assertThat(none.server.payments().name()).isEqualTo("none");
            assertThat(none.get("/simulator/payments/cs_sim_" + "0".repeat(32), null).statusCode()).isEqualTo(404);
        }
    }
}
