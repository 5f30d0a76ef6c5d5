// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's payments as configured ({@link PaymentSettings}): the provider ({@link StripePayments},
 * {@link SimulatedPayments} or none), the Stripe webhook that reports to {@link PaymentOutcomes},
 * and with the simulated provider its checkout page. The outcomes are set after construction
 * ({@link #outcomes(PaymentOutcomes)}), by the service that owns requests; until then a verified
 * event is only logged.
 */
public final class Payments implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

    /** What verified events reach before the requests service is wired: a DEBUG line each, nothing changed. */
    public static final PaymentOutcomes UNWIRED = new PaymentOutcomes() {
        @Override
        public void paid(String reference, String sessionId, long amountCents, String currency, String paymentId) {
            LOG.debug("payment of checkout {} received; no requests service is wired to record it", sessionId);
        }

        @Override
        public void sessionExpired(String reference, String sessionId) {
            LOG.debug("checkout {} expired; no requests service is wired to record it", sessionId);
        }
    };

    private final PaymentSettings settings;
    private final PaymentProvider provider;
    private final StripeWebhookRoutes webhook;
    private volatile PaymentOutcomes outcomes = UNWIRED;

    /**
     * @param publicBase where patients reach the relay (the simulated checkout page's address)
     * @param localBase  where this relay listens (the simulated provider posts its webhooks there)
     */
    public Payments(PaymentSettings settings, Clock clock, Supplier<String> publicBase, Supplier<URI> localBase) {
        this.settings = settings;
        this.provider = switch (settings.provider()) {
            case PaymentSettings.STRIPE -> new StripePayments(settings.secretKey(), settings.apiBase(), clock);
            case PaymentSettings.SIMULATED -> new SimulatedPayments(clock, publicBase, localBase, settings.webhookSecret());
            default -> null;
        };
        this.webhook = new StripeWebhookRoutes(provider == null ? null : settings.webhookSecret(), clock, () -> outcomes);
    }

    /** Where verified payment events go from now on (the requests service). */
    public void outcomes(PaymentOutcomes outcomes) {
        this.outcomes = Objects.requireNonNull(outcomes);
    }

    /** {@code POST /stripe/webhook} always (a 404 without payments), and the simulated checkout page with the simulated provider. */
    public void install(JavalinConfig config) {
        webhook.install(config);
        simulated().ifPresent(simulated -> new SimulatedPaymentRoutes(simulated).install(config));
    }

    /** The provider, or empty when the relay takes no payments ({@code PT_PAYMENTS=none}). */
    public Optional<PaymentProvider> provider() {
        return Optional.ofNullable(provider);
    }

    /** The simulated provider, when it is the one: tests and the demo pay and expire its sessions. */
    public Optional<SimulatedPayments> simulated() {
        return provider instanceof SimulatedPayments simulated ? Optional.of(simulated) : Optional.empty();
    }

    /** "stripe", "simulated" or "none", as the settings show it to admins. */
    public String name() {
        return settings.provider();
    }

    /** The ISO code (upper case) of the practices' amounts. */
    public String currency() {
        return settings.currency();
    }

    @Override
    public void close() {
        if (provider instanceof SimulatedPayments simulated) {
            simulated.close();
        }
    }
}
