// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twilio's Messages REST API at the edge of the world, in the test JVM: exactly the two calls
 * {@code TwilioCarrier} makes (create, and the list it reads to reconcile an uncertain hand-off),
 * answered the way Twilio answers them, and the signed {@code sent}/{@code delivered} status
 * callbacks Twilio posts afterwards.
 *
 * <p>Every create is recorded, so the suite can say how often the carrier was asked to send each
 * text. A fraction of creates is accepted and then answered 500 ("the answer was lost"): the
 * message exists at Twilio, which is the case where a relay that resends instead of looking
 * first would text the patient twice. The list answers from the same records, newest first.
 */
final class FakeTwilio implements AutoCloseable {
    static final String ACCOUNT = "AC5ef8732a3c49700934481addd5ce1659";
    static final String AUTH_TOKEN = "crash-suite-auth-token-4f1c2b9e0d7a";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    /** One message Twilio created; {@code status} moves as the callbacks go out. */
    static final class Created {
        final String sid;
        final String to;
        final String from;
        final String messagingServiceSid;
        final String body;
        final String statusCallback;
        final Instant createdAt;
        final boolean answerLost;
        volatile String status = "queued";

        Created(String sid, Map<String, List<String>> form, Instant createdAt, boolean answerLost) {
            this.sid = sid;
            this.to = first(form, "To");
            this.from = first(form, "From");
            this.messagingServiceSid = first(form, "MessagingServiceSid");
            this.body = first(form, "Body");
            this.statusCallback = first(form, "StatusCallback");
            this.createdAt = createdAt;
            this.answerLost = answerLost;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Created> created = new CopyOnWriteArrayList<>();
    private final Random random;
    private final double lostAnswerRate;
    private final StatusReports reports;
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger refusedAuth = new AtomicInteger();

    FakeTwilio(long seed, double lostAnswerRate, Tally tally) throws IOException {
        this.random = new Random(seed);
        this.lostAnswerRate = lostAnswerRate;
        this.reports = new StatusReports(AUTH_TOKEN, seed, tally);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The value for {@code PT_TWILIO_API_BASE}: scheme, host and port only. */
    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every create Twilio received, in order of arrival. */
    List<Created> created() {
        return List.copyOf(created);
    }

    int lookups() {
        return lookups.get();
    }

    int refusedAuth() {
        return refusedAuth.get();
    }

    StatusReports reports() {
        return reports;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getRawPath().equals(MESSAGES)) {
                answer(exchange, 404, error(20404, "The requested resource was not found", 404));
            } else if (!authorised(exchange)) {
                refusedAuth.incrementAndGet();
                answer(exchange, 401, error(20003, "Authenticate", 401));
            } else if (exchange.getRequestMethod().equals("POST")) {
                create(exchange);
            } else if (exchange.getRequestMethod().equals("GET")) {
                list(exchange);
            } else {
                answer(exchange, 405, error(20004, "Method not allowed", 405));
            }
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private void create(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (first(form, "To") == null || first(form, "Body") == null || (first(form, "From") == null && first(form, "MessagingServiceSid") == null)) {
            answer(exchange, 400, error(21604, "A 'To', 'Body' and 'From' or 'MessagingServiceSid' are required", 400));
            return;
        }
        boolean lose;
        byte[] sid = new byte[16];
        synchronized (random) {
            lose = random.nextDouble() < lostAnswerRate;
            random.nextBytes(sid);
        }
        Created message = new Created("SM" + HexFormat.of().formatHex(sid), form, Instant.now(), lose);
        created.add(message);
        if (message.statusCallback != null) {
            reports.schedule(message);
        }
        if (lose) {
            // Twilio took the message; the relay is told only that something went wrong.
            answer(exchange, 500, error(20500, "Internal Server Error", 500));
        } else {
            answer(exchange, 201, json.writeValueAsString(view(message)));
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        lookups.incrementAndGet();
        Map<String, List<String>> query = decode(exchange.getRequestURI().getRawQuery());
        String to = first(query, "To");
        String from = first(query, "From");
        int pageSize = first(query, "PageSize") == null ? 50 : Integer.parseInt(first(query, "PageSize"));
        ArrayNode messages = json.createArrayNode();
        List<Created> all = new ArrayList<>(created);
        for (int i = all.size() - 1; i >= 0 && messages.size() < pageSize; i--) {
            Created m = all.get(i);
            if ((to == null || to.equals(m.to)) && (from == null || from.equals(m.from))) {
                messages.add(view(m));
            }
        }
        ObjectNode page = json.createObjectNode();
        String uri = MESSAGES + "?" + (exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        page.put("end", Math.max(0, messages.size() - 1));
        page.put("first_page_uri", uri);
        page.set("messages", messages);
        page.putNull("next_page_uri");
        page.put("page", 0);
        page.put("page_size", pageSize);
        page.putNull("previous_page_uri");
        page.put("start", 0);
        page.put("uri", uri);
        answer(exchange, 200, json.writeValueAsString(page));
    }

    private ObjectNode view(Created m) {
        String date = RFC_2822.format(m.createdAt.atZone(ZoneOffset.UTC));
        ObjectNode node = json.createObjectNode();
        node.put("account_sid", ACCOUNT);
        node.put("api_version", "2010-04-01");
        node.put("body", m.body);
        node.put("date_created", date);
        if (m.status.equals("queued") || m.status.equals("accepted")) {
            node.putNull("date_sent");
        } else {
            node.put("date_sent", date);
        }
        node.put("date_updated", date);
        node.put("direction", "outbound-api");
        node.putNull("error_code");
        node.putNull("error_message");
        node.put("from", m.from);
        node.put("messaging_service_sid", m.messagingServiceSid);
        node.put("num_media", "0");
        node.put("num_segments", "1");
        node.putNull("price");
        node.put("price_unit", "USD");
        node.put("sid", m.sid);
        node.put("status", m.status);
        node.putObject("subresource_uris").put("media", "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + m.sid + "/Media.json");
        node.put("to", m.to);
        node.put("uri", "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + m.sid + ".json");
        return node;
    }

    private static String error(int code, String message, int status) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code
                + "\",\"status\":" + status + "}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, List<String>> decode(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        reports.close();
        handlers.shutdownNow();
    }
}
