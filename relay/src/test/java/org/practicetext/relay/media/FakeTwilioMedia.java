// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Twilio's media API on loopback, as it behaves with "Enforce HTTP Auth on Media URLs": a media
 * resource needs the account's Basic credentials and answers with a redirect to a short-lived
 * CDN link (served here too, at {@code /cdn/…}), which needs none. A file can be set to answer
 * a few statuses first (Twilio's media lags the webhook: 404, then 200). Every request is
 * recorded with its {@code Authorization} header.
 */
final class FakeTwilioMedia implements AutoCloseable {
    static final String ACCOUNT = "AC" + "7a".repeat(16);
    /** The relay's auth token in tests: it signs the webhooks and is the media API's password. */
    static final String TOKEN = org.practicetext.relay.RelayFixture.AUTH_TOKEN;

    /** One request as it arrived. */
    record Seen(String method, String path, String authorization) {
    }

    private record File(String contentType, byte[] content) {
    }

    private final HttpServer server;
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> firstAnswers = new ConcurrentHashMap<>();
    private final Map<String, String> cdn = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private volatile boolean redirects = true;
    private volatile String redirectTarget;

    FakeTwilioMedia() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API base, as {@code PT_TWILIO_API_BASE} names it. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Keeps a file of message {@code messageSid}; returns its media URL as Twilio's webhook names it. */
    String put(String messageSid, String contentType, byte[] content) {
        String path = mediaPath(ACCOUNT, messageSid, "ME" + HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 16));
        files.put(path, new File(contentType, content));
        return base() + path;
    }

    /** Keeps a file at a media path named before (one that answered 404 until now). */
    void putAt(String path, String contentType, byte[] content) {
        files.put(path, new File(contentType, content));
    }

    static String mediaPath(String account, String messageSid, String mediaSid) {
        return "/2010-04-01/Accounts/" + account + "/Messages/" + messageSid + "/Media/" + mediaSid;
    }

    /** The file at {@code url} answers these statuses, one per request, before it is served. */
    void answerFirst(String url, Integer... statuses) {
        firstAnswers.put(url.substring(base().length()), new ArrayDeque<>(List.of(statuses)));
    }

    /** Serves files directly instead of redirecting to the CDN. */
    void noRedirects() {
        redirects = false;
    }

    /** Redirects every media request to {@code target} instead of its own CDN. */
    void redirectTo(String target) {
        redirectTarget = target;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<String> deleted() {
        return List.copyOf(deleted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        seen.add(new Seen(exchange.getRequestMethod(), path, authorization));
        try (exchange) {
            if (path.startsWith("/cdn/")) {
                File file = files.get(cdn.getOrDefault(path, ""));
                if (file == null) {
                    answer(exchange, 404, "text/plain", "no such CDN link".getBytes(StandardCharsets.UTF_8));
                } else {
                    answer(exchange, 200, file.contentType(), file.content());
                }
                return;
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(authorization)) {
                answer(exchange, 401, "application/json", "{\"code\":20003,\"message\":\"Authenticate\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (exchange.getRequestMethod().equals("DELETE")) {
                deleted.add(path);
                files.remove(path);
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Deque<Integer> first = firstAnswers.get(path);
            Integer status = first == null ? null : first.poll();
            if (status != null) {
                answer(exchange, status, "application/json", ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            File file = files.get(path);
            if (file == null) {
                answer(exchange, 404, "application/json", "{\"code\":20404}".getBytes(StandardCharsets.UTF_8));
            } else if (redirectTarget != null) {
                exchange.getResponseHeaders().set("Location", redirectTarget);
                exchange.sendResponseHeaders(307, -1);
            } else if (redirects) {
                String link = "/cdn/" + UUID.randomUUID();
                cdn.put(link, path);
                exchange.getResponseHeaders().set("Location", base() + link);
                exchange.sendResponseHeaders(307, -1);
            } else {
                answer(exchange, 200, file.contentType(), file.content());
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
