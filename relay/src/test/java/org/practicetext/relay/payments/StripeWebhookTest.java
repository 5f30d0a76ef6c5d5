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

    /**
     * The whole Stripe path with the requests service: the patient's Pay makes a Checkout Session at
     * (the fake) Stripe, its signed completed event makes the request paid; a forged event changes
     * nothing, a replay changes nothing, and the request ends up paid once with Stripe's payment.
     */
    @Test
    void aPaymentRequestIsPaidThroughStripeAndItsSignedWebhook() {
        relay.server.payments().outcomes(relay.server.requests());
        var practice = relay.newPractice();
        String staff = relay.signIn(practice, "staff");
        var sent = relay.postJson("/api/v1/messages", staff, Map.of("clientId", "pay-1", "to", "+15558670001", "body", "Pay here: {link}",
                "request", Map.of("kind", "payment", "amountCents", 12_000, "description", "Crown")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        long messageId = relay.read(sent).get("id").asLong();
        var request = relay.awaitEntity(staff, "request", r -> r.get("messageId").asLong() == messageId);
        String page = URI.create(request.get("link").asText()).getRawPath();

        HttpResponse<String> pay = relay.send(HttpRequest.newBuilder(URI.create(relay.uri(page + "/pay")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(pay.statusCode()).isEqualTo(303);
        String location = pay.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
        String session = location.substring(location.lastIndexOf('/') + 1);
        var created = stripe.seen().stream().filter(r -> r.path().equals("/v1/checkout/sessions")).reduce((a, b) -> b).orElseThrow();
        assertThat(created.form()).containsEntry("client_reference_id", request.get("id").asText())
                .containsEntry("line_items[0][price_data][unit_amount]", "12000").containsEntry("line_items[0][price_data][currency]", "usd");

        String event = FakeStripeApi.event("evt_paid_1", "checkout.session.completed", stripe.complete(session));
        assertThat(post(event, FakeStripeApi.sign(event, "whsec_forged_000000000000", relay.clock.instant())).statusCode()).isEqualTo(400);
        assertThat(relay.read(relay.get("/api/v1/requests/" + request.get("id").asLong(), staff)).get("status").asText()).isEqualTo("opened");

        assertThat(postSigned(event).statusCode()).isEqualTo(200);
        assertThat(postSigned(event).statusCode()).as("a replay").isEqualTo(200);
        String again = FakeStripeApi.event("evt_paid_2", "checkout.session.completed", stripe.complete(session));
        assertThat(postSigned(again).statusCode()).as("the same payment under another event id").isEqualTo(200);

        var paid = relay.read(relay.get("/api/v1/requests/" + request.get("id").asLong(), staff));
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(paid.get("finishedBy").asText()).isEqualTo("Patient");
        long paidEvents = relay.events(staff, 0).stream().filter(e -> e.get("type").asText().equals("request")
                && e.get("data").get("id").asLong() == request.get("id").asLong() && e.get("data").get("status").asText().equals("paid")).count();
        assertThat(paidEvents).as("the feed is compacted by entity: one current state").isEqualTo(1);
        assertThat(relay.get(page, null).body()).contains("Your payment of $120.00");
    }
}
