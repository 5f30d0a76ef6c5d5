// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.practicetext.core.Role;
import org.practicetext.protocol.Json;
import org.practicetext.relay.send.Carrier;
import org.practicetext.relay.webhook.TwilioSignature;

/**
 * A real relay on a random port with a fresh database (an H2 file in the folder given, or on the
 * PostgreSQL run a PostgreSQL database of that folder's own: {@link TestStore}), and an HTTP client that speaks to it the
 * way Twilio and the desktop do. Each fixture makes its own practices, so tests in one class
 * do not see each other's data.
 *
 * <p>A test class that wants one relay for all its tests registers a {@link RelayExtension} (a
 * fixture that starts before the class's tests and stops after them); a test that stops and
 * starts relays itself constructs fixtures directly.
 */
public sealed class RelayFixture implements AutoCloseable permits RelayExtension {
    public static final String PUBLIC_URL = "https://relay.practicetext.test";
    public static final String AUTH_TOKEN = "test-auth-token-0123456789";
    public static final String PASSWORD = "correct horse battery";
    /**
     * Bodies above this are sent with {@code Expect: 100-continue}: when the relay refuses one by
     * its length (413) the client then never writes it, instead of racing the closed connection.
     */
    public static final long LARGE_BODY = 60_000;

    private static final AtomicInteger PRACTICES = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    public final TestClock clock = new TestClock(Instant.parse("2026-11-02T15:00:00Z"));
    /**
     * The running relay. A field, not a method, because tests read {@code relay.server} all over;
     * it is set once, by the constructor or, for a {@link RelayExtension}, before the class's tests.
     */
    public RelayServer server;
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final ObjectMapper json = Json.mapper();
    private final TwilioSignature signature = new TwilioSignature(AUTH_TOKEN);
    private Path dataDir;

    public RelayFixture(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** A relay with extra environment settings (e.g. the simulated carrier's pace). */
    public RelayFixture(Path dataDir, Map<String, String> extraEnv) {
        start(dataDir, extraEnv, null);
    }

    /** A relay whose carrier is {@code carrier} (a fake at the edge of the world). */
    public RelayFixture(Path dataDir, Function<RelayServer, Carrier> carrier) {
        start(dataDir, Map.of(), carrier);
    }

    /** A relay with extra environment settings (e.g. another node's database) and the carrier {@code carrier}. */
    public RelayFixture(Path dataDir, Map<String, String> extraEnv, Function<RelayServer, Carrier> carrier) {
        start(dataDir, extraEnv, carrier);
    }

    /** Not started yet: {@link RelayExtension} starts it before the tests of its class. */
    RelayFixture() {
    }

    /** Starts the relay on {@code dataDir} with the test environment plus {@code extraEnv}; {@code carrier} may be null (the configured one). */
    final void start(Path dataDir, Map<String, String> extraEnv, Function<RelayServer, Carrier> carrier) {
        if (server != null) {
            throw new IllegalStateException("this fixture's relay is already started");
        }
        Map<String, String> env = new HashMap<>(environment(dataDir));
        env.putAll(extraEnv);
        RelayConfig config = RelayConfig.fromEnvironment(env);
        this.dataDir = dataDir;
        this.server = carrier == null ? new RelayServer(config, clock).start() : new RelayServer(config, clock, carrier).start();
    }

    /** A relay whose carrier is {@code carrier} and whose database connections pass through {@code connections} (e.g. a {@link StatementCount}). */
    public RelayFixture(Path dataDir, java.util.function.Function<RelayServer, org.practicetext.relay.send.Carrier> carrier,
                        java.util.function.UnaryOperator<javax.sql.DataSource> connections) {
        this.dataDir = dataDir;
        this.server = new RelayServer(config(dataDir), clock, carrier, connections).start();
    }

    public static RelayConfig config(Path dataDir) {
        return RelayConfig.fromEnvironment(environment(dataDir));
    }

    /** The test settings for a relay on {@code dataDir}, whose database is the {@link TestStore#current() test store}'s for that folder. */
    static Map<String, String> environment(Path dataDir) {
        Map<String, String> env = new HashMap<>(Map.of(
                "PT_PORT", "0",
                "PT_HOST", "127.0.0.1",
                "PT_DATA_DIR", dataDir.toString(),
                "PT_PUBLIC_URL", PUBLIC_URL,
                "PT_CARRIER", "simulated",
                "PT_SIMULATED_STEP_MS", "40",
                "TWILIO_AUTH_TOKEN", AUTH_TOKEN));
        env.putAll(TestStore.current().environment(dataDir));
        return Map.copyOf(env);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A practice with one number and an admin, staff member and viewer (all with {@link #PASSWORD}). */
    public record TestPractice(String slug, String number) {
    }

    public TestPractice newPractice() {
        int n = PRACTICES.incrementAndGet();
        String slug = "practice-" + n + "-" + HexFormat.of().formatHex(new byte[] {(byte) RANDOM.nextInt()});
        String number = String.format("+1555%07d", 1_000_000 + n * 7 + RANDOM.nextInt(7));
        server.tenancy().createPractice(slug, "Practice " + n, "US", "America/Chicago");
        server.tenancy().addNumber(slug, number, null);
        server.tenancy().createUser(slug, "admin", "Ada Admin", Role.ADMIN, PASSWORD);
        server.tenancy().createUser(slug, "staff", "Sam Staff", Role.STAFF, PASSWORD);
        server.tenancy().createUser(slug, "viewer", "Vic Viewer", Role.VIEWER, PASSWORD);
        return new TestPractice(slug, number);
    }

    public String uri(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    public static String newSid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }

    /** Twilio's inbound-message parameters for a text from {@code from} to {@code to}. */
    public static Map<String, String> inbound(String sid, String from, String to, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "US");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", to);
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", "AC" + "0".repeat(32));
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    public HttpResponse<String> webhook(String path, Map<String, String> params) {
        String url = PUBLIC_URL + path;
        return webhook(path, params, signature.sign(url, params.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())))));
    }

    public HttpResponse<String> webhook(String path, Map<String, String> params, String sig) {
        String form = form(params);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .expectContinue(form.length() > LARGE_BODY)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (sig != null) {
            request.header("X-Twilio-Signature", sig);
        }
        return send(request.build());
    }

    public String sign(String url, Map<String, String> params) {
        return signature.sign(url, params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String signIn(TestPractice practice, String username) {
        HttpResponse<String> response = postJson("/api/v1/session", null,
                Map.of("practice", practice.slug(), "username", username, "password", PASSWORD));
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return read(response).get("token").asText();
    }

    public HttpResponse<String> postJson(String path, String token, Object body) {
        try {
            return postRaw(path, token, json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> postRaw(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri(path)))
                .header("Content-Type", "application/json")
                .expectContinue(body.length() > LARGE_BODY)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Polls the feed until {@code condition} holds for some entity of {@code type}, or fails after 10 s. */
    public JsonNode awaitEntity(String token, String type, java.util.function.Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (JsonNode entity : entities(token, type).values()) {
                if (condition.test(entity)) {
                    return entity;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + type + " matched within 10 s: " + entities(token, type).values());
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri(path))).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The whole feed from {@code after}, following {@code more}. */
    public List<JsonNode> events(String token, long after) {
        List<JsonNode> all = new java.util.ArrayList<>();
        long cursor = after;
        while (true) {
            JsonNode page = read(get("/api/v1/events?after=" + cursor, token));
            page.get("events").forEach(all::add);
            cursor = page.get("next").asLong();
            if (!page.get("more").asBoolean()) {
                return all;
            }
        }
    }

    /** The newest state of each entity of a type, from the whole feed. */
    public Map<Long, JsonNode> entities(String token, String type) {
        Map<Long, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode event : events(token, 0)) {
            if (event.get("type").asText().equals(type)) {
                byId.put(event.get("data").get("id").asLong(), event.get("data"));
            }
        }
        return byId;
    }

    /** The cursor after the newest event. */
    public long head(String token) {
        long cursor = 0;
        while (true) {
            JsonNode page = read(get("/api/v1/events?after=" + cursor + "&limit=1000", token));
            cursor = page.get("next").asLong();
            if (!page.get("more").asBoolean()) {
                return cursor;
            }
        }
    }

    /** Sends {@code request} and reads the answer as bytes (a file). */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
