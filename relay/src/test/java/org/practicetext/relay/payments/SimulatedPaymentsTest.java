// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;

/** The simulated carrier brings simulated payments: a checkout page on the relay whose Pay sends Stripe's signed webhook to the relay itself. */
class SimulatedPaymentsTest {
    @TempDir
    Path dir;
    RelayFixture relay;
    final RecordingOutcomes outcomes = new RecordingOutcomes();

    @BeforeEach
    void start() {
        relay = new RelayFixture(dir);
        relay.server.payments().outcomes(outcomes);
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    private PaymentProvider.Checkout checkout(String reference) {
        return relay.server.payments().provider().orElseThrow().checkout(new PaymentProvider.Order(reference, 3, 12_000, "USD", "Crown, upper left",
                "Bright Smiles Dental", relay.clock.instant().plus(Duration.ofHours(2)), RelayFixture.PUBLIC_URL + "/l/paid-page",
                RelayFixture.PUBLIC_URL + "/l/request-page"));
    }

    /** The page behind a checkout's URL, on the relay's local port. */
    private String local(PaymentProvider.Checkout checkout) {
        assertThat(checkout.url()).startsWith(RelayFixture.PUBLIC_URL + "/simulator/payments/");
        return checkout.url().substring(RelayFixture.PUBLIC_URL.length());
    }

    private HttpResponse<String> pay(String path) {
        return relay.send(HttpRequest.newBuilder(URI.create(relay.uri(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=4242+4242+4242+4242")).build());
    }

    @Test
    void theSimulatedCarrierComesWithSimulatedPaymentsInTheRelaysCurrency() {
        assertThat(relay.server.payments().name()).isEqualTo("simulated");
        assertThat(relay.server.payments().currency()).isEqualTo("USD");
        assertThat(checkout("1").sessionId()).matches("cs_sim_[0-9a-f]{32}");
    }

    @Test
    void thePageIsACardFormWithTheAmountAndACancelLink() {
        HttpResponse<String> page = relay.get(local(checkout("7")), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(page.body()).contains("Bright Smiles Dental", "Crown, upper left", "4242 4242 4242 4242", "Pay $120.00",
                "href=\"" + RelayFixture.PUBLIC_URL + "/l/request-page\">Cancel").doesNotContain("<script");
    }

    @Test
    void payingSendsTheSignedCompletedEventAndSendsTheBrowserToTheSuccessPage() {
        PaymentProvider.Checkout checkout = checkout("8");

        HttpResponse<String> paid = pay(local(checkout));

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).hasValue(RelayFixture.PUBLIC_URL + "/l/paid-page");
        assertThat(outcomes.paid).singleElement().satisfies(p -> {
            assertThat(p.reference()).isEqualTo("8");
            assertThat(p.sessionId()).isEqualTo(checkout.sessionId());
            assertThat(p.amountCents()).isEqualTo(12_000);
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.paymentId()).matches("pi_sim_[0-9a-f]+");
        });
    }

    @Test
    void payingTwiceIsPaidOnceAndThePageSaysItIsPaid() {
        String path = local(checkout("9"));

        pay(path);
        HttpResponse<String> again = pay(path);

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(outcomes.paid).hasSize(1);
        assertThat(relay.get(path, null).body()).contains("is paid");
    }

    @Test
    void aSessionPastItsEndSaysItExpiredAndSendsTheExpiredEvent() {
        PaymentProvider.Checkout checkout = checkout("10");
        relay.clock.advance(Duration.ofHours(3));

        HttpResponse<String> page = relay.get(local(checkout), null);

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This payment page has expired", "Nothing was charged");
        assertThat(pay(local(checkout)).statusCode()).isEqualTo(410);
        RecordingOutcomes.await(() -> !outcomes.expired.isEmpty());
        assertThat(outcomes.expired).containsExactly(new RecordingOutcomes.Expired("10", checkout.sessionId()));
        assertThat(outcomes.paid).isEmpty();
    }

    @Test
    void expiringASessionSendsTheExpiredEventAndItCanNoLongerBePaid() {
        PaymentProvider.Checkout checkout = checkout("11");

        relay.server.payments().provider().orElseThrow().expire(checkout.sessionId());

        RecordingOutcomes.await(() -> !outcomes.expired.isEmpty());
        assertThat(outcomes.expired).containsExactly(new RecordingOutcomes.Expired("11", checkout.sessionId()));
        assertThat(pay(local(checkout)).statusCode()).isEqualTo(410);
        assertThat(outcomes.paid).isEmpty();
    }

    @Test
    void expireNowDeliversTheEventBeforeItReturnsAndOnlyForAnOpenSession() {
        SimulatedPayments simulated = relay.server.payments().simulated().orElseThrow();
        PaymentProvider.Checkout checkout = checkout("12");

        assertThat(simulated.expireNow(checkout.sessionId())).isEqualTo(200);
        assertThat(outcomes.expired).hasSize(1);
        assertThat(simulated.expireNow(checkout.sessionId())).isEqualTo(-1);
        assertThat(simulated.expireNow("cs_sim_unknown")).isEqualTo(-1);
    }

    @Test
    void anUnknownSessionIsA404Page() {
        HttpResponse<String> unknown = relay.get("/simulator/payments/cs_sim_" + "0".repeat(32), null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This payment page is not valid");
        assertThat(relay.get("/simulator/payments/%3Cscript%3E", null).statusCode()).isEqualTo(404);
        assertThat(pay("/simulator/payments/cs_sim_" + "0".repeat(32)).statusCode()).isEqualTo(404);
    }
}
