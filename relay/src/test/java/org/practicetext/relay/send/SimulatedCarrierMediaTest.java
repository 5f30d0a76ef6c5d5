// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicetext.relay.media.TestImages;
import org.practicetext.relay.webhook.TwilioSignature;

/**
 * The simulated carrier fetches an MMS file as Twilio does, from a stand-in for the relay's own
 * {@code /media/…} on loopback: a file that is what its {@code Content-Type} says is delivered, one
 * that is not fails the message with 12300, one it cannot fetch with 11200.
 */
class SimulatedCarrierMediaTest {
    static final String PUBLIC = "https://relay.example.test";

    HttpServer relay;
    final Map<String, Object[]> files = new ConcurrentHashMap<>();
    final List<Map<String, String>> callbacks = new CopyOnWriteArrayList<>();
    SimulatedCarrier carrier;

    @BeforeEach
    void start() throws IOException {
        relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        relay.createContext("/media/", this::media);
        relay.createContext("/twilio/status", this::callback);
        relay.start();
        carrier = new SimulatedCarrier(() -> URI.create("http://127.0.0.1:" + relay.getAddress().getPort()), () -> PUBLIC,
                new TwilioSignature("token"), Duration.ofMillis(10), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        carrier.close();
        relay.stop(0);
    }

    @ParameterizedTest
    @CsvSource({"image/png, png, delivered, ", "image/jpeg, png, failed, 12300", "image/png, none, failed, 11200"})
    void anMmsFileIsFetchedAndCheckedBeforeTheMessageIsDelivered(String servedAs, String content, String last, String error) throws Exception {
        if (!content.equals("none")) {
            files.put("/media/abc", new Object[] {servedAs, TestImages.png(8, 8)});
        }
        OutboundText text = new OutboundText("+15558675310", "+15017122661", null, "photo", List.of(URI.create(PUBLIC + "/media/abc")),
                URI.create(PUBLIC + "/twilio/status"));

        CarrierReceipt receipt = carrier.send(text);

        assertThat(receipt.sid()).startsWith("MM");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (callbacks.stream().noneMatch(c -> c.get("MessageStatus").equals(last)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Map<String, String> report = callbacks.stream().filter(c -> c.get("MessageStatus").equals(last)).findFirst().orElseThrow();
        assertThat(report.get("ErrorCode")).isEqualTo(error);
    }

    private void media(HttpExchange exchange) throws IOException {
        try (exchange) {
            Object[] file = files.get(exchange.getRequestURI().getPath());
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = (byte[]) file[1];
            exchange.getResponseHeaders().set("Content-Type", (String) file[0]);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private void callback(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = new java.util.HashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            callbacks.add(form);
            exchange.sendResponseHeaders(200, -1);
        }
    }
}
