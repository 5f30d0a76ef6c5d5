// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments in the relay's own process, for the demo and tests. It behaves like Stripe where it
 * matters: a checkout is a session {@code cs_sim_…} with a page to pay on (under the relay's public
 * URL, {@link SimulatedPaymentRoutes}), it lives between 30 minutes and 24 hours, and what happens
 * to it comes back as Stripe's own events ({@code checkout.session.completed}, {@code
 * checkout.session.expired}), signed with the webhook secret as Stripe signs them and posted to the
 * relay's real {@code POST /stripe/webhook} on its local port.
 *
 * <p>Sessions are kept in memory (a demo's relay restarting loses its open checkouts, and the next
 * Pay makes a new one); a session ended a day ago is forgotten. A session that reaches its end
 * unpaid is expired (with its event) within a minute, as Stripe does.
 */
public final class SimulatedPayments implements PaymentProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPayments.class);
    static final String ID_PREFIX = "cs_sim_";
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    /** Where a session is: open to pay, paid, or ended unpaid. */
    public enum State { OPEN, PAID, EXPIRED }

    /** One checkout as the page shows it. */
    public record Session(String id, Order order, Instant expiresAt, State state, String paymentIntent, Instant endedAt) {
        Session ended(State to, String intent, Instant at) {
            return new Session(id, order, expiresAt, to, intent, at);
        }
    }

    private final Clock clock;
    private final Supplier<String> publicBase;
    private final Supplier<URI> localBase;
    private final CheckoutEvents events;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("simulated-payments").factory());

    /**
     * @param publicBase where patients reach the relay (the checkout page's address)
     * @param localBase  where this relay listens (the webhooks are posted there)
     * @param secret     the webhook secret the relay checks the events with
     */
    public SimulatedPayments(Clock clock, Supplier<String> publicBase, Supplier<URI> localBase, String secret) {
        this.clock = clock;
        this.publicBase = publicBase;
        this.localBase = localBase;
        this.events = new CheckoutEvents(secret);
        timer.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public String name() {
        return PaymentSettings.SIMULATED;
    }

    @Override
    public Checkout checkout(Order order) {
        Instant expiresAt = StripePayments.clamped(order.expiresAt(), clock.instant());
        String id = ID_PREFIX + hex(16);
        sessions.put(id, new Session(id, order, expiresAt, State.OPEN, null, null));
        return new Checkout(id, publicBase.get() + SimulatedPaymentRoutes.PAGE.replace("{sessionId}", id), expiresAt);
    }

    /**
     * Ends an open session, as Stripe's expire call does, and sends its {@code
     * checkout.session.expired} (Stripe sends it for an expiry asked through its API too). The event
     * is posted in the background: the caller may be inside a transaction the webhook must wait for.
     */
    @Override
    public void expire(String sessionId) {
        end(sessionId).ifPresent(ended -> timer.execute(() -> deliver(ended)));
    }

    /** Like {@link #expire} but the event is delivered before this returns; answers the relay's HTTP status (-1: none, the session was not open). */
    public int expireNow(String sessionId) {
        return end(sessionId).map(this::deliver).orElse(-1);
    }

    /** The session as it stands now (one past its end is expired here, with its event), or empty for one unknown or forgotten. */
    public Optional<Session> session(String sessionId) {
        Session s = sessions.get(sessionId);
        if (s != null && s.state() == State.OPEN && !clock.instant().isBefore(s.expiresAt())) {
            expire(sessionId);
            s = sessions.get(sessionId);
        }
        return Optional.ofNullable(s);
    }

    /**
     * The patient paid: the session is complete and its {@code checkout.session.completed} is
     * delivered before this returns, so the page the patient goes back to already shows it paid.
     * Answers the session after; a session no longer open is answered as it is, unchanged.
     */
    public Optional<Session> pay(String sessionId) {
        Optional<Session> now = session(sessionId);
        if (now.isEmpty() || now.get().state() != State.OPEN) {
            return now;
        }
        Instant at = clock.instant();
        String intent = "pi_sim_" + hex(12);
        Session paid = sessions.computeIfPresent(sessionId, (id, s) -> s.state() == State.OPEN ? s.ended(State.PAID, intent, at) : s);
        if (paid != null && intent.equals(paid.paymentIntent())) {
            deliver(paid);
        }
        return Optional.ofNullable(paid);
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private Optional<Session> end(String sessionId) {
        Instant at = clock.instant();
        Session[] ended = new Session[1];
        sessions.computeIfPresent(sessionId, (id, s) -> {
            if (s.state() != State.OPEN) {
                return s;
            }
            ended[0] = s.ended(State.EXPIRED, null, at);
            return ended[0];
        });
        return Optional.ofNullable(ended[0]);
    }

    /** Expires what reached its end unpaid and forgets what ended a day ago. */
    void sweep() {
        Instant now = clock.instant();
        for (Session s : List.copyOf(sessions.values())) {
            if (s.state() == State.OPEN && !now.isBefore(s.expiresAt())) {
                expire(s.id());
            } else if (s.endedAt() != null && s.endedAt().plus(FORGET_AFTER).isBefore(now)) {
                sessions.remove(s.id());
            }
        }
    }

    /** Posts the session's event to the relay's own webhook, signed as Stripe signs; answers the relay's status, -1 when it could not be reached. */
    private int deliver(Session s) {
        String type = s.state() == State.PAID ? "checkout.session.completed" : "checkout.session.expired";
        String payload = events.event(type, s, clock.instant());
        HttpRequest request = HttpRequest.newBuilder(URI.create(localBase.get() + org.practicetext.protocol.Endpoints.STRIPE_WEBHOOK.template()))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", events.signature(payload, clock.instant()))
                .header("User-Agent", "PracticeText-SimulatedPayments")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                LOG.warn("the relay answered {} to the simulated {} of a checkout", status, type);
            }
            return status;
        } catch (java.io.IOException e) {
            LOG.warn("the simulated {} of a checkout could not be delivered: {}", type, e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
