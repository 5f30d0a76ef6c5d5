// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * The example nginx config of the deployment guide ({@code packaging/relay/nginx-practicetext.conf}),
 * run by Debian's nginx with a certificate made here, in front of a real relay: a signed webhook
 * reaches it through TLS (the relay checks the signature against {@code PT_PUBLIC_URL}, not the
 * address nginx forwards to), a long-poll parks through it and is woken, bodies are limited by the
 * relay and not by nginx, and nginx's request id is the one the relay echoes.
 *
 * <p>Skips where nginx or openssl is missing, except in CI ({@code PT_REQUIRE_NGINX=1}, set by
 * {@code .ci/run}), where that fails.
 */
class NginxFrontTest {
    static final Path EXAMPLE = Path.of("..", "packaging", "relay", "nginx-practicetext.conf");
    static final String PATIENT = "+15557650177";

    @TempDir
    static Path dir;

    static RelayFixture relay;
    static Process nginx;
    static int port;
    static HttpClient https;

    @BeforeAll
    static void startRelayBehindNginx() throws Exception {
        boolean required = "1".equals(System.getenv("PT_REQUIRE_NGINX"));
        boolean present = Files.isExecutable(Path.of("/usr/sbin/nginx")) && Files.isExecutable(Path.of("/usr/bin/openssl"));
        if (required) {
            assertThat(present).as("nginx and openssl are installed (CI requires them)").isTrue();
        }
        assumeTrue(present, "nginx or openssl is not installed");

        relay = new RelayFixture(dir.resolve("relay"), Map.of("PT_TRUSTED_PROXIES", "127.0.0.1"));
        Path front = Files.createDirectories(dir.resolve("nginx"));
        run(front, "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=relay.example.org",
                "-addext", "subjectAltName=DNS:relay.example.org,IP:127.0.0.1", "-keyout", "relay.key", "-out", "relay.crt");
        port = freePort();
        String site = Files.readString(EXAMPLE)
                .replace("listen 80;", "listen 127.0.0.1:" + freePort() + ";")
                .replace("listen 443 ssl;", "listen 127.0.0.1:" + port + " ssl;")
                .replace("/etc/ssl/practicetext/", front + "/")
                .replace("server 127.0.0.1:8080", "server 127.0.0.1:" + relay.server.port());
        assertThat(site).as("the example still has the lines this test adapts").contains(front + "/relay.crt", ":" + relay.server.port());
        Files.writeString(front.resolve("site.conf"), site);
        Files.createDirectories(front.resolve("logs"));
        Files.writeString(front.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(front));
        run(front, "/usr/sbin/nginx", "-t", "-p", front.toString(), "-e", front.resolve("logs/error.log").toString(), "-c",
                front.resolve("nginx.conf").toString());
        nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", front.toString(), "-e", front.resolve("logs/error.log").toString(), "-c",
                front.resolve("nginx.conf").toString()).redirectErrorStream(true).redirectOutput(front.resolve("logs/stdout").toFile()).start();
        awaitListening(port);

        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(front.resolve("relay.crt"))) {
            trust.setCertificateEntry("relay", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void aSignedWebhookThroughTlsIsStoredAndABadSignatureIsRefused() throws Exception {
        TestPractice practice = relay.newPractice();
        Map<String, String> params = RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Running late");

        HttpResponse<String> forged = https.send(webhook(params, relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms", Map.of("Body", "x"))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> signed = https.send(webhook(params, relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms", params)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signed.statusCode()).isEqualTo(200);
        String token = relay.signIn(practice, "staff");
        assertThat(relay.entities(token, "message").values()).extracting(m -> m.get("body").asText()).containsExactly("Running late");
    }

    @Test
    void aLongPollParksThroughNginxAndIsWokenByAWebhook() throws Exception {
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        long head = relay.head(token);
        CompletableFuture<HttpResponse<String>> poll = https.sendAsync(HttpRequest.newBuilder(uri("/api/v1/events?after=" + head + "&wait=30"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        OperatorEndpointsTest.awaitParked(relay, 1);
        assertThat(poll).as("parked behind nginx, not answered").isNotDone();

        Map<String, String> params = RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "Is 3 ok?");
        assertThat(https.send(webhook(params, relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms", params)), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);

        HttpResponse<String> page = poll.get(20, TimeUnit.SECONDS);
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode body = relay.read(page);
        assertThat(body.get("events")).isNotEmpty();
        assertThat(body.get("next").asLong()).isGreaterThan(head);
    }

    @Test
    void theRelayNotNginxRefusesAnOversizedWebhookAndNginxsRequestIdIsEchoed() throws Exception {
        TestPractice practice = relay.newPractice();
        Map<String, String> params = RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "x".repeat(100_000));
        HttpResponse<String> tooBig = https.send(webhook(params, relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms", params)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.headers().firstValue("Content-Type")).as("the relay's own answer, not nginx's page").hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));

        HttpResponse<String> health = https.send(HttpRequest.newBuilder(uri("/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    /** A desk's 12 MB document passes nginx's uploads location; Twilio fetches a photo's MMS file through the same front without credentials. */
    @Test
    void aLargeUploadPassesTheFrontAndAnMmsFileIsFetchedThroughIt() throws Exception {
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        byte[] pdf = new byte[12 * 1024 * 1024];
        java.util.Arrays.fill(pdf, (byte) ' ');
        System.arraycopy("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        HttpResponse<String> uploaded = https.send(HttpRequest.newBuilder(uri("/api/v1/uploads?name=estimate.pdf")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(relay.read(uploaded).get("size").asLong()).isEqualTo(pdf.length);

        byte[] png = org.practicetext.relay.media.TestImages.png(40, 30);
        String photo = relay.read(https.send(HttpRequest.newBuilder(uri("/api/v1/uploads?name=map.png")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString()))
                .get("id").asText();
        HttpResponse<String> sent = relay.postJson("/api/v1/messages", token, Map.of("clientId", java.util.UUID.randomUUID().toString(),
                "to", "+15557650178", "uploads", java.util.List.of(photo)));
        String url = relay.read(sent).get("media").get(0).get("url").asText();
        HttpResponse<byte[]> fetched = https.send(HttpRequest.newBuilder(uri(URI.create(url).getRawPath())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(fetched.body()).isEqualTo(png);
    }

    private static HttpRequest webhook(Map<String, String> params, String signature) {
        return HttpRequest.newBuilder(uri("/twilio/sms")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(RelayFixture.form(params))).build();
    }

    private static URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen on " + port);
    }
}
