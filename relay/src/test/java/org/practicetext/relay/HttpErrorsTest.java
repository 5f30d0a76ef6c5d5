// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpErrorsTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    static String token;

    @BeforeAll
    static void start() {
        token = relay.signIn(relay.newPractice(), "admin");
    }

    @Test
    void unknownRouteIsA404InTheErrorShape() {
        HttpResponse<String> r = relay.get("/no/such/thing", null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = relay.read(r).get("error");
        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void oversizedApiBodyIsA413() {
        HttpResponse<String> r = relay.postRaw("/api/v1/session", null, "{\"practice\":\"" + "x".repeat(300_000) + "\"}");

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("too_large");
    }

    /**
     * A refused body is read to its end first (as nginx sends it, headers first and the body a
     * moment later), so the answer is the relay's 413, not a connection reset under the sender,
     * and the same connection serves the next request.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Content-Length", "chunked"})
    void anOversizedBodyIsReadToItsEndThenRefusedAndItsConnectionServesTheNext(String framing) throws Exception {
        byte[] form = ("To=%2B15550001111&Body=" + "x".repeat(120_000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = framing.equals("chunked") ? RawHttp.chunked("x", 16 * 1024, 8) : form;
        String head = "POST /twilio/sms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + (framing.equals("chunked") ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length) + "\r\n\r\n";
        try (RawHttp.KeptAlive connection = new RawHttp.KeptAlive(relay.server.port())) {
            connection.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Thread.sleep(150); // the relay could answer from the headers alone now
            for (int at = 0; at < body.length; at += 8192) {
                connection.write(java.util.Arrays.copyOfRange(body, at, Math.min(body.length, at + 8192)));
            }
            String refused = connection.answer();
            String next = connection.get("/health");

            assertThat(refused).startsWith("HTTP/1.1 413").contains("\"too_large\"").doesNotContainIgnoringCase("connection: close");
            assertThat(next).as("the same connection answers the next request").startsWith("HTTP/1.1 200").contains("\"ok\"");
        }
    }

    @Test
    void healthAnswers() {
        assertThat(relay.read(relay.get("/health", null)).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void wrongMethodOnAKnownPathIsA405InTheErrorShape() {
        HttpResponse<String> r = relay.get("/twilio/sms", null);

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("method_not_allowed");
    }

    /** Every route that reads a body, with the method it is called with; signed in or not, as a caller would be. */
    static Stream<Arguments> bodyRoutes() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/session", false),
                Arguments.of("POST", "/twilio/sms", false),
                Arguments.of("POST", "/twilio/status", false),
                Arguments.of("POST", "/api/v1/campaign-messages", false),
                Arguments.of("POST", "/api/v1/messages", true),
                Arguments.of("POST", "/api/v1/simulator/inbound", true),
                Arguments.of("POST", "/api/v1/contacts", true),
                Arguments.of("PATCH", "/api/v1/contacts/1", true),
                Arguments.of("POST", "/api/v1/contacts/1/convert", true),
                Arguments.of("POST", "/api/v1/contacts/import", true),
                Arguments.of("POST", "/api/v1/conversations/1/assign", true),
                Arguments.of("POST", "/api/v1/conversations/1/move", true),
                Arguments.of("POST", "/api/v1/inboxes", true),
                Arguments.of("PATCH", "/api/v1/inboxes/1", true),
                Arguments.of("POST", "/api/v1/templates", true),
                Arguments.of("PATCH", "/api/v1/templates/1", true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodyRoutes")
    void aCharsetJavaDoesNotKnowIsA415OnEveryRoute(String method, String path, boolean signedIn) {
        for (String charset : new String[] {"klingon", "utf-8'", "\"\"", ""}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.uri(path)))
                    .header("Content-Type", (path.startsWith("/twilio/") ? "application/x-www-form-urlencoded" : "application/json")
                            + "; charset" + (charset.isEmpty() ? "" : "=" + charset))
                    .method(method, HttpRequest.BodyPublishers.ofString(path.startsWith("/twilio/") ? "MessageSid=SM1&Body=hi" : "{\"name\":\"x\"}"));
            if (signedIn) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = relay.send(request.build());

            assertThat(r.statusCode()).as(charset + ": " + r.body()).isEqualTo(415);
            assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("unsupported_charset");
            assertThat(relay.read(r).get("error").get("message").asText()).contains("UTF-8");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/twilio/sms", "/twilio/status"})
    void aMultipartWebhookIsA415BeforeItsSignatureIsChecked(String path) {
        HttpResponse<String> r = relay.send(HttpRequest.newBuilder(URI.create(relay.uri(path)))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nhi\r\n--xyz--\r\n"))
                .build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("unsupported_media_type");
        assertThat(relay.read(r).get("error").get("message").asText()).contains("application/x-www-form-urlencoded");
    }

    /** Requests Jetty refuses before any route sees them: each still gets the JSON error shape, with Jetty's status. */
    static Stream<Arguments> requestsJettyRefuses() {
        return Stream.of(
                Arguments.of("a NUL in the path", "GET /api/v1/conversations/%00 HTTP/1.1\r\nHost: x", 400),
                Arguments.of("an encoded slash no route has", "GET /twilio/sms%2F..%2Fstatus HTTP/1.1\r\nHost: x", 404),
                Arguments.of("an invalid percent escape", "GET /api/v1/conversations/%zz HTTP/1.1\r\nHost: x", 400),
                Arguments.of("a path that climbs above the root", "GET /../../etc/passwd HTTP/1.1\r\nHost: x", 400),
                Arguments.of("a header line over the limit", "GET /health HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(40_000), 431),
                Arguments.of("a request line over the limit", "GET /health?" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: x", 414),
                Arguments.of("a header without a colon", "GET /health HTTP/1.1\r\nHost: x\r\nNoColonHere", 400),
                Arguments.of("no Host header", "GET /health HTTP/1.1", 400),
                Arguments.of("an unknown method", "BREW /health HTTP/1.1\r\nHost: x", 405));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsJettyRefuses")
    void requestsJettyRefusesAnswerInTheJsonErrorShape(String what, String head, int status) {
        RawHttp.Answer answer = RawHttp.exchange(relay.server.port(), head);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/json");
        JsonNode error = json(answer.body()).get("error");
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void aNulInAKnownRouteIsA400InTheJsonShapeEvenSignedIn() {
        RawHttp.Answer answer = RawHttp.exchange(relay.server.port(),
                "POST /api/v1/conversations/%00/close HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\nContent-Length: 0");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).contains("\"bad_request\"");
    }

    private static JsonNode json(String text) {
        try {
            return relay.json.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** A body of unknown length: java.net.http sends it chunked, without Content-Length. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
    }

    @Test
    void aChunkedWebhookIsHeldToTheWebhookLimitOnTheBytesRead() {
        long unroutedBefore = unrouted();
        var params = RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", "+15550000009", "Hello");
        params.put("AddOns", "x".repeat(300_000)); // signed like any parameter; a number no practice owns keeps them all
        byte[] form = RelayFixture.form(params).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> r = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/twilio/sms")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms", params))
                .POST(chunked(form)).build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("too_large");
        assertThat(relay.read(r).get("error").get("message").asText()).contains("65536");
        assertThat(unrouted()).isEqualTo(unroutedBefore);
    }

    @Test
    void aChunkedApiBodyIsHeldToTheApiLimitOnTheBytesRead() {
        byte[] body = ("{\"practice\":\"" + "x".repeat(300_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> r = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/session")))
                .header("Content-Type", "application/json").POST(chunked(body)).build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(relay.read(r).get("error").get("message").asText()).contains("262144");
    }

    @Test
    void aChunkedWebhookWithinTheLimitIsStored() {
        String sid = RelayFixture.newSid();
        var params = RelayFixture.inbound(sid, "+15557654321", "+15550000009", "Sent in chunks");
        byte[] form = RelayFixture.form(params).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> r = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/twilio/sms")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms", params))
                .POST(chunked(form)).build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.Optional<String> kept = relay.server.database().read(tx ->
                tx.queryOne("SELECT body FROM unrouted_message WHERE sid = ?", rs -> rs.getString(1), sid));
        assertThat(kept).hasValue("Sent in chunks");
    }

    @Test
    void aChunkedWebhookOverTheLimitWrittenByHandIsA413() {
        RawHttp.Answer answer = RawHttp.exchange(relay.server.port(),
                "POST /twilio/sms HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked",
                RawHttp.chunked("Body=" + "y".repeat(995), 1000, 300));

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("\"too_large\"");
    }

    private static long unrouted() {
        return relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM unrouted_message", rs -> rs.getLong(1))).orElseThrow();
    }
}
