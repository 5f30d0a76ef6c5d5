// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import static org.practicetext.relay.fuzz.FuzzValues.pick;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.practicetext.protocol.Json;
import org.practicetext.relay.fuzz.RawHttp.Transfer;

/**
 * Stripe's webhook and the simulated checkout page, fuzzed. Half the events are correctly signed
 * with the relay's webhook secret, of every checkout type and others, with odd references,
 * amounts and currencies; the rest are forged (no signature, a mangled or stale one, another
 * secret, changed after signing), signed junk, too large, or sent as another content type. The
 * checkout page gets made-up session ids. None may get a 5xx.
 */
final class FuzzStripe {
    /** The fuzzed relay's STRIPE_WEBHOOK_SECRET (its simulated provider signs with it too). */
    static final String SECRET = "whsec_fuzz_secret_for_the_simulated_provider";
    private static final String PATH = "/stripe/webhook";

    private final FuzzWorld world;

    FuzzStripe(FuzzWorld world) {
        this.world = world;
    }

    void webhook(Draft d) {
        d.route = "POST " + PATH;
        d.method = "POST";
        d.path = PATH;
        Random r = d.r;
        String payload = event(d);
        int kind = r.nextInt(100);
        if (kind < 50) {
            d.what.add("a signed event");
            send(d, payload, sign(payload, SECRET, now()));
        } else if (kind < 75) {
            forged(d, payload);
        } else if (kind < 85) {
            String junk = pick(r, "", "{", "[1,2]", "null", "\"text\"", "{\"id\":\"evt_fz\"}", "[".repeat(5000), "{\"data\":{\"object\":[]}}",
                    "{\"id\":1,\"type\":2,\"data\":{\"object\":{}}}");
            d.what.add("signed junk of " + junk.length() + " chars");
            send(d, junk, sign(junk, SECRET, now()));
        } else if (kind < 92) {
            String big = "{\"pad\":\"" + "x".repeat(66_000 + r.nextInt(10_000)) + "\"}";
            d.what.add("a signed body over 64 KiB");
            send(d, big, sign(big, SECRET, now()));
            if (r.nextBoolean()) {
                d.transfer = Transfer.chunked(Draft.pieces(r, big.length()));
                d.what.add("chunked");
            }
        } else {
            String type = pick(r, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=klingon", "multipart/form-data; boundary=x");
            d.what.add("signed, sent as " + type);
            d.headers.add(RawHttp.Header.of("Content-Type", type));
            d.headers.add(RawHttp.Header.of("Stripe-Signature", sign(payload, SECRET, now())));
            d.body = payload.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The simulated checkout page with sessions that do not exist: a private HTML page each time, never a 5xx. */
    void checkoutPage(Draft d) {
        Random r = d.r;
        String id = pick(r, "cs_sim_" + "0".repeat(32), "cs_sim_", "cs_test_a1", "x", "%00", "..", "cs_sim_" + "a".repeat(300), "%E2%80%AE");
        d.method = r.nextBoolean() ? "GET" : "POST";
        d.route = d.method + " /simulator/payments/{sessionId}";
        d.path = "/simulator/payments/" + id;
        if (d.method.equals("POST")) {
            Draft.header(d, "Content-Type", "application/x-www-form-urlencoded", "a form");
            d.body = pick(r, "card=4242+4242+4242+4242", "", "card=%ZZ").getBytes(StandardCharsets.UTF_8);
        }
        d.what.add("session id of " + id.length() + " chars");
    }

    private void forged(Draft d, String payload) {
        Random r = d.r;
        String good = sign(payload, SECRET, now());
        switch (r.nextInt(8)) {
            case 0 -> send(d, payload, null);
            case 1 -> send(d, payload, "");
            case 2 -> send(d, payload, pick(r, "t=abc,v1=zz", "t=99999999999999999999999,v1=00", "v1=" + "0".repeat(64), "t=,v1=", ",,,", "t=1"));
            case 3 -> send(d, payload, sign(payload, "whsec_someone_else", now()));
            case 4 -> send(d, payload, sign(payload, SECRET, now() - 3_600));
            case 5 -> send(d, payload.replace("\"amount_total\":", "\"amount_total\":1"), good);
            case 6 -> send(d, payload, good + ",v1=" + "f".repeat(64).repeat(200));
            default -> send(d, payload, good.replace("v1=", "v0="));
        }
        d.what.add("forged (" + d.what.size() + ")");
    }

    private void send(Draft d, String payload, String signature) {
        d.headers.add(RawHttp.Header.of("Content-Type", "application/json; charset=utf-8"));
        if (signature != null) {
            d.headers.add(RawHttp.Header.of("Stripe-Signature", signature));
        }
        d.body = payload.getBytes(StandardCharsets.UTF_8);
    }

    /** An event about a checkout session, of a checkout type or another, with odd fields. */
    private String event(Draft d) {
        Random r = d.r;
        String type = pick(r, "checkout.session.completed", "checkout.session.completed", "checkout.session.expired",
                "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "payment_intent.succeeded", "", "x".repeat(300));
        ObjectNode session = Json.mapper().createObjectNode().put("id", "cs_test_fz_" + Integer.toHexString(d.index)).put("object", "checkout.session");
        switch (r.nextInt(6)) {
            case 0 -> session.putNull("client_reference_id");
            case 1 -> session.put("client_reference_id", pick(r, "", "0", "-1", "x".repeat(2000), "😀", "\u202Eevil", "9".repeat(30)));
            default -> session.put("client_reference_id", Integer.toString(1 + r.nextInt(50)));
        }
        switch (r.nextInt(6)) {
            case 0 -> session.put("amount_total", "12000");
            case 1 -> session.put("amount_total", pick(r, -1L, 0L, Long.MAX_VALUE));
            case 2 -> session.put("amount_total", 1.5);
            default -> session.put("amount_total", 100 + r.nextInt(100_000));
        }
        session.put("currency", pick(r, "usd", "usd", "eur", "", "ü", "x".repeat(100)));
        session.put("payment_status", pick(r, "paid", "paid", "unpaid", "no_payment_required", ""));
        session.put("payment_intent", pick(r, "pi_fz", "", "x".repeat(500)));
        ObjectNode event = Json.mapper().createObjectNode().put("id", "evt_fz_" + Integer.toHexString(d.index % 400)).put("object", "event")
                .put("type", type);
        event.putObject("data").set("object", r.nextInt(10) == 0 ? Json.mapper().createArrayNode() : session);
        d.what.add(type.length() > 60 ? "an event of a long type" : "a " + (type.isEmpty() ? "typeless" : type) + " event");
        return event.toString();
    }

    private long now() {
        return world.relay.clock.instant().getEpochSecond();
    }

    private static String sign(String payload, String secret, long at) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, at);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
