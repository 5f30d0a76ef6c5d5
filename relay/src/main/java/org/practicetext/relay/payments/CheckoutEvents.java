// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.practicetext.protocol.Json;

/**
 * The simulated provider's events, in Stripe's shape: an {@code event} whose {@code data.object}
 * is the {@code checkout.session}, and the {@code Stripe-Signature} header Stripe sends with it
 * ({@code t=…,v1=HMAC-SHA256(secret, t + "." + payload)}, made by the SDK's own signer).
 */
final class CheckoutEvents {
    private final String secret;
    private final SecureRandom random = new SecureRandom();

    CheckoutEvents(String secret) {
        this.secret = secret;
    }

    String event(String type, SimulatedPayments.Session s, Instant at) {
        PaymentProvider.Order order = s.order();
        ObjectNode session = Json.mapper().createObjectNode()
                .put("id", s.id())
                .put("object", "checkout.session")
                .put("amount_subtotal", order.amountCents())
                .put("amount_total", order.amountCents())
                .put("cancel_url", order.cancelUrl())
                .put("client_reference_id", order.reference())
                .put("created", at.getEpochSecond())
                .put("currency", order.currency().toLowerCase(Locale.ROOT))
                .put("expires_at", s.expiresAt().getEpochSecond())
                .put("livemode", false)
                .put("mode", "payment")
                .put("payment_intent", s.paymentIntent())
                .put("payment_status", s.state() == SimulatedPayments.State.PAID ? "paid" : "unpaid")
                .put("status", s.state() == SimulatedPayments.State.PAID ? "complete" : "expired")
                .put("success_url", order.successUrl())
                .putNull("url");
        session.putObject("metadata").put("practice_id", Long.toString(order.practiceId())).put("request_id", order.reference());
        ObjectNode event = Json.mapper().createObjectNode()
                .put("id", "evt_sim_" + hex())
                .put("object", "event")
                .put("api_version", "2025-01-27.acacia")
                .put("created", at.getEpochSecond())
                .put("livemode", false)
                .put("pending_webhooks", 1)
                .put("type", type);
        event.putObject("data").set("object", session);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String signature(String payload, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hex() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
