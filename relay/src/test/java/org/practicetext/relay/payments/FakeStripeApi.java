// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.practicetext.protocol.Json;

/**
 * Stripe's Checkout Sessions API on loopback, as the SDK talks to it: {@code POST
 * /v1/checkout/sessions} (a form in Stripe's bracket notation), {@code POST
 * /v1/checkout/sessions/{id}/expire} and {@code GET /v1/checkout/sessions/{id}}, answering JSON in
 * Stripe's shape. Every request is recorded with its form and headers; the next answers can be set
 * to fail (a status with Stripe's error body, or a connection dropped without an answer). Like
 * Stripe, a create repeated with the same {@code Idempotency-Key} answers the first one's session. It also
 * makes the webhook events Stripe would send about its sessions, signed with a secret.
 */
final class FakeStripeApi implements AutoCloseable {
    static final String KEY = "sk_test_fake0123456789";
    static final String WEBHOOK_SECRET = "whsec_fake0123456789abcdef";

    /** One request as it arrived. */
    record Seen(String method, String path, Map<String, String> form, String authorization, String idempotencyKey) {
    }

    /** A failure the next request gets instead of its answer: an HTTP status and Stripe's error, or (status 0) a dropped connection. */
    record Failure(int status, String type, String code) {
        static Failure dropped() {
            return new Failure(0, null, null);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> byKey = new ConcurrentHashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakeStripeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API base, as {@code PT_STRIPE_API_BASE} names it. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    synchronized void failNext(Failure failure) {
        failures.add(failure);
    }

    int sessionCount() {
        return sessions.size();
    }

    ObjectNode session(String id) {
        return sessions.get(id);
    }

    /** Stripe completes the session (the patient paid): its status, payment status and PaymentIntent as Stripe sets them. */
    ObjectNode complete(String id) {
        ObjectNode s = sessions.get(id);
        s.put("status", "complete").put("payment_status", "paid").put("payment_intent", "pi_fake_" + id.substring(id.length() - 6));
        return s;
    }

    /** A webhook event of {@code type} about {@code session}, as Stripe posts it. */
    static String event(String id, String type, ObjectNode session) {
        ObjectNode event = Json.mapper().createObjectNode().put("id", id).put("object", "event").put("api_version", "2025-01-27.acacia")
                .put("created", 1_790_000_000L).put("livemode", false).put("pending_webhooks", 1).put("type", type);
        event.putObject("data").set("object", session);
        return event.toString();
    }

    /** The {@code Stripe-Signature} of {@code payload} at {@code at}, as Stripe signs with the endpoint's secret. */
    static String sign(String payload, String secret, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session as Stripe answers its creation, from the form the SDK sent. */
    static ObjectNode sessionOf(String id, Map<String, String> form) {
        ObjectNode s = Json.mapper().createObjectNode().put("id", id).put("object", "checkout.session")
                .put("amount_total", Long.parseLong(form.getOrDefault("line_items[0][price_data][unit_amount]", "0")))
                .put("currency", form.get("line_items[0][price_data][currency]"))
                .put("client_reference_id", form.get("client_reference_id"))
                .put("expires_at", Long.parseLong(form.getOrDefault("expires_at", "0")))
                .put("mode", form.get("mode")).put("status", "open").put("payment_status", "unpaid").putNull("payment_intent")
                .put("success_url", form.get("success_url")).put("cancel_url", form.get("cancel_url"))
                .put("url", "https://checkout.stripe.test/c/pay/" + id);
        ObjectNode metadata = s.putObject("metadata");
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[")) {
                metadata.put(k.substring(9, k.length() - 1), v);
            }
        });
        return s;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(exchange.getRequestMethod(), path, form(body), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            Failure failure;
            synchronized (this) {
                failure = failures.poll();
            }
            if (failure != null && failure.status() == 0) {
                return; // closed without an answer
            }
            if (failure != null) {
                error(exchange, failure.status(), failure.type(), failure.code(), "Simulated failure.");
                return;
            }
            route(exchange, path, form(body));
        }
    }

    private void route(HttpExchange exchange, String path, Map<String, String> form) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            ObjectNode s = key == null ? null : byKey.get(key);
            if (s == null) { // as Stripe: a repeated key answers what the first request made
                String id = "cs_test_" + String.format("%024d", ids.incrementAndGet());
                s = sessionOf(id, form);
                sessions.put(id, s);
                if (key != null) {
                    byKey.put(key, s);
                }
            }
            json(exchange, 200, s.toString());
            return;
        }
        String[] parts = path.split("/");
        ObjectNode s = parts.length >= 5 ? sessions.get(parts[4]) : null;
        if (s == null) {
            error(exchange, 404, "invalid_request_error", "resource_missing", "No such checkout.session.");
        } else if (method.equals("POST") && parts.length == 6 && parts[5].equals("expire")) {
            if (!s.get("status").asText().equals("open")) {
                error(exchange, 400, "invalid_request_error", null,
                        "Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \""
                                + s.get("status").asText() + "\".");
                return;
            }
            s.put("status", "expired");
            json(exchange, 200, s.toString());
        } else if (method.equals("GET") && parts.length == 5) {
            json(exchange, 200, s.toString());
        } else {
            error(exchange, 404, "invalid_request_error", null, "Unrecognized request URL.");
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String code, String message) throws IOException {
        ObjectNode error = Json.mapper().createObjectNode();
        error.putObject("error").put("type", type).put("code", code).put("message", message);
        json(exchange, status, error.toString());
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_fake");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
