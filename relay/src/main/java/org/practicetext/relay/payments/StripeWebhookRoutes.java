// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.Json;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /stripe/webhook}: Stripe's events about our Checkout Sessions, from Stripe or from
 * the simulated provider, which signs the same way.
 *
 * <p>The {@code Stripe-Signature} is checked on the raw body before anything is parsed, with the
 * SDK's verifier and the relay's clock (5 minutes' tolerance): missing, forged, signed with another
 * secret or stale is {@code 400 bad_signature} and nothing is called. The event is then read as
 * JSON here rather than through the SDK's model, whose deserializer refuses events of an account
 * pinned to another API version; the few fields used have the same shape in every version.
 *
 * <ul>
 * <li>{@code checkout.session.completed} with {@code payment_status} {@code paid} or
 *     {@code no_payment_required}, and {@code checkout.session.async_payment_succeeded}:
 *     {@link PaymentOutcomes#paid};</li>
 * <li>{@code checkout.session.expired}: {@link PaymentOutcomes#sessionExpired};</li>
 * <li>any other event, and a session without {@code client_reference_id} (one the practice made
 *     elsewhere on the same Stripe account): 200, ignored.</li>
 * </ul>
 *
 * <p>Stripe delivers at least once, retries for days and in no particular order: {@link
 * PaymentOutcomes} is idempotent and forward-only, so a replay or a late event changes nothing.
 * The ids of the last {@link #REMEMBERED} events handled are also kept, so an exact replay is
 * answered without calling it again. A request the relay refuses (a {@link Refusal}: unknown,
 * another practice's) is answered 200 with a WARN, since Stripe retrying cannot change it; an
 * unexpected failure is a 500, and Stripe tries again later.
 */
public final class StripeWebhookRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookRoutes.class);
    /** Stripe's recommended tolerance between the signature's timestamp and now, in seconds. */
    static final long TOLERANCE_SECONDS = 300;
    static final int REMEMBERED = 1000;

    private final String secret;
    private final Clock clock;
    private final Supplier<PaymentOutcomes> outcomes;
    private final Set<String> handled = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    /** {@code secret} is the endpoint's signing secret; null when the relay takes no payments (every webhook is then a 404). */
    public StripeWebhookRoutes(String secret, Clock clock, Supplier<PaymentOutcomes> outcomes) {
        this.secret = secret;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.STRIPE_WEBHOOK, this::webhook);
    }

    private void webhook(Context ctx) {
        if (secret == null) {
            throw new ApiError(404, "payments_off", "This relay takes no payments (PT_PAYMENTS=none).");
        }
        String payload = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        if (!signed(payload, ctx.header("Stripe-Signature"))) {
            LOG.warn("rejected {} with a bad, stale or missing Stripe-Signature from {}", ctx.path(), ctx.ip());
            throw new ApiError(400, "bad_signature", "The Stripe-Signature header does not match this request, or is older than 5 minutes.");
        }
        JsonNode event = parse(payload);
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        JsonNode session = event.path("data").path("object");
        if (id.isEmpty() || type.isEmpty() || !session.isObject()) {
            throw ApiError.badRequest("A Stripe event needs an id, a type and data.object.");
        }
        if (!handled.contains(id)) {
            handle(id, type, session);
            handled.add(id);
        }
        ctx.status(200).json(Map.of());
    }

    private boolean signed(String payload, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            return Webhook.Signature.verifyHeader(payload, header, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException | RuntimeException e) {
            return false; // the SDK throws NumberFormatException on a timestamp that is not a number
        }
    }

    private static JsonNode parse(String payload) {
        try {
            JsonNode event = Json.mapper().readTree(payload);
            if (event == null || !event.isObject()) {
                throw ApiError.badRequest("A Stripe event is a JSON object.");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "malformed_json", "The event is not valid JSON.");
        }
    }

    private void handle(String id, String type, JsonNode session) {
        boolean completed = type.equals("checkout.session.completed") || type.equals("checkout.session.async_payment_succeeded");
        if (!completed && !type.equals("checkout.session.expired")) {
            LOG.debug("Stripe event {} of type {} ignored", id, type);
            return;
        }
        String reference = text(session, "client_reference_id");
        String sessionId = text(session, "id");
        if (reference == null || sessionId == null) {
            LOG.info("Stripe event {} ({}) is about a checkout the relay did not make: ignored", id, type);
            return;
        }
        try {
            if (!completed) {
                outcomes.get().sessionExpired(reference, sessionId);
            } else if (isPaid(session)) {
                JsonNode amount = session.path("amount_total");
                String currency = text(session, "currency");
                if (!amount.canConvertToLong() || currency == null) {
                    throw ApiError.badRequest("A completed checkout needs amount_total and currency.");
                }
                outcomes.get().paid(reference, sessionId, amount.asLong(), currency.toUpperCase(Locale.ROOT), text(session, "payment_intent"));
            } else {
                LOG.info("Stripe event {} ({}): the checkout is not paid yet; its async_payment_succeeded will follow", id, type);
            }
        } catch (Refusal e) {
            LOG.warn("Stripe event {} ({}) refused by the requests: {}; answered 200, Stripe need not retry", id, type, e.reason().code());
        }
    }

    private static boolean isPaid(JsonNode session) {
        String status = text(session, "payment_status");
        return "paid".equals(status) || "no_payment_required".equals(status);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
