// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicetext.relay.send.CarrierException.Kind;

/**
 * {@link TwilioCarrier} against a fake Twilio on loopback: the exact request the SDK makes on our
 * transport, and how every kind of failure is sorted for the dispatcher's retry decision.
 */
class TwilioCarrierTest {
    static final String ACCOUNT = "AC3f2c8e4a9b7d6e5f4a3b2c1d0e9f8a7b";
    static final String TOKEN = "2bd8a1c5e7f94d3ab6c0e1f2a3b4c5d6";
    static final String PATIENT = "+15558675310";
    static final String PRACTICE = "+15017122661";
    static final String SERVICE = "MG9752274e9e519418a7406176694466fa";
    static final String BODY = "Hi Jordan, this is Maple Dental: see you Tuesday at 3:00 pm. Reply C to confirm.";
    static final URI CALLBACK = URI.create("https://relay.example.com/twilio/status");
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    @StartStop
    final MockWebServer server = new MockWebServer();

    TwilioCarrier carrier;

    @BeforeEach
    void carrierOnTheFake() {
        carrier = carrierAt(server.url("/").uri(), Duration.ofSeconds(5));
    }

    @AfterEach
    void closeCarrier() {
        carrier.close();
    }

    static TwilioCarrier carrierAt(URI base, Duration readTimeout) {
        String root = base.getScheme() + "://" + base.getRawAuthority();
        return new TwilioCarrier(ACCOUNT, TOKEN, URI.create(root), Duration.ofSeconds(2), readTimeout);
    }

    static OutboundText fromNumber(List<URI> media) {
        return new OutboundText(PATIENT, PRACTICE, null, BODY, media, CALLBACK);
    }

    static OutboundText throughService() {
        return new OutboundText(PATIENT, null, SERVICE, BODY, List.of(), CALLBACK);
    }

    // --- send: the request ---

    @Test
    void sendPostsTheMessageFormToTheAccountsMessagesResourceWithBasicAuth() throws Exception {
        server.enqueue(json(201, created("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued", null)));
        List<URI> media = List.of(URI.create("https://relay.example.com/m/k3J9x/xray.jpg"), URI.create("https://relay.example.com/m/p0Q2z/form.png"));

        carrier.send(fromNumber(media));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(MESSAGES_PATH);
        assertThat(request.getUrl().query()).isNull();
        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, List<String>> form = form(request);
        assertThat(form).containsOnlyKeys("To", "From", "Body", "StatusCallback", "MediaUrl");
        assertThat(form.get("To")).containsExactly(PATIENT);
        assertThat(form.get("From")).containsExactly(PRACTICE);
        assertThat(form.get("Body")).containsExactly(BODY);
        assertThat(form.get("StatusCallback")).containsExactly(CALLBACK.toString());
        assertThat(form.get("MediaUrl")).containsExactly(media.get(0).toString(), media.get(1).toString());
    }

    @Test
    void sendThroughAMessagingServiceNamesTheServiceAndNoFromNumber() throws Exception {
        server.enqueue(json(201, created("SM2a7c1d9e8f6b5a4c3d2e1f0a9b8c7d6e", "accepted", SERVICE)));

        carrier.send(throughService());

        Map<String, List<String>> form = form(server.takeRequest());
        assertThat(form).doesNotContainKey("From").doesNotContainKey("MediaUrl");
        assertThat(form.get("MessagingServiceSid")).containsExactly(SERVICE);
        assertThat(form.get("To")).containsExactly(PATIENT);
        assertThat(form.get("Body")).containsExactly(BODY);
    }

    @Test
    void aTextWithoutACallbackSendsNoStatusCallbackParameter() throws Exception {
        server.enqueue(json(201, created("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued", null)));

        carrier.send(new OutboundText(PATIENT, PRACTICE, null, BODY, List.of(), null));

        assertThat(form(server.takeRequest())).doesNotContainKey("StatusCallback");
    }

    // --- send: the answer ---

    @Test
    void theReceiptCarriesTheSidAndStatusFromTwilioAnswer() throws Exception {
        server.enqueue(json(201, created("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued", null)));

        CarrierReceipt receipt = carrier.send(fromNumber(List.of()));

        assertThat(receipt).isEqualTo(new CarrierReceipt("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued"));
    }

    @Test
    void aMessagingServiceSendReportsTheAcceptedStatus() throws Exception {
        server.enqueue(json(201, created("SM2a7c1d9e8f6b5a4c3d2e1f0a9b8c7d6e", "accepted", SERVICE)));

        assertThat(carrier.send(throughService()).status()).isEqualTo("accepted");
    }

    @Test
    void aSuccessAnswerTheSdkCannotReadIsUncertainBecauseTheTextMayExist() {
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "text/html").body("<html>Created</html>").build());

        CarrierException e = sendFails(fromNumber(List.of()));

        assertThat(e.kind()).isEqualTo(Kind.UNCERTAIN);
        assertThat(e.httpStatus()).isEqualTo(201);
    }

    // --- send: errors ---

    @ParameterizedTest
    @ValueSource(ints = {21211, 21610, 21614, 21612})
    void aTwilioErrorCodeOnA400IsARejectionCarryingThatCode(int code) {
        server.enqueue(json(400, error(code, "The 'To' number " + PATIENT + " is not a valid phone number.", 400)));

        CarrierException e = sendFails(fromNumber(List.of()));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains(String.valueOf(code)).contains("400");
    }

    @Test
    void aFailureMessageNamesNeitherThePatientNorTheText() {
        // Twilio's own message repeats the number; it must not reach our logs through us.
        server.enqueue(json(400, error(21211, "The 'To' number " + PATIENT + " is not a valid phone number. Body: " + BODY, 400)));

        CarrierException e = sendFails(fromNumber(List.of()));

        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain(PATIENT, PRACTICE, BODY, "Maple Dental");
        }
    }

    @Test
    void tooManyRequestsMeansNotSentSoItCanBeRetriedLater() {
        server.enqueue(json(429, error(20429, "Too Many Requests", 429)));

        CarrierException e = sendFails(fromNumber(List.of()));

        assertThat(e.kind()).isEqualTo(Kind.NOT_SENT);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.errorCode()).isEqualTo(20429);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void aServerErrorIsUncertainAndTheSdkDoesNotRetryItBehindOurBack(int status) {
        // Queued three times: the SDK's own client would use them all.
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(status, error(20500, "Internal Server Error", status)));
        }

        CarrierException e = sendFails(fromNumber(List.of()));

        assertThat(e.kind()).isEqualTo(Kind.UNCERTAIN);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aGatewayErrorPageWithoutJsonStillCountsAsAServerError() {
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body("<html><h1>502 Bad Gateway</h1></html>").build());

        CarrierException e = sendFails(fromNumber(List.of()));

        assertThat(e.kind()).isEqualTo(Kind.UNCERTAIN);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.errorCode()).isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionMeansNotSentAndARetryCreatesExactlyOneMessage() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        CarrierException e;
        try (TwilioCarrier unreachable = carrierAt(URI.create("http://127.0.0.1:" + deadPort), Duration.ofSeconds(5))) {
            e = failure(() -> unreachable.send(fromNumber(List.of())));
        }
        assertThat(e.kind()).isEqualTo(Kind.NOT_SENT);
        assertThat(e.httpStatus()).isZero();

        server.enqueue(json(201, created("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued", null)));
        CarrierReceipt receipt = carrier.send(fromNumber(List.of()));

        assertThat(receipt.sid()).isEqualTo("SM1f0e8ae6ade43cb3c0ce4525424e404f");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    }

    @Test
    void anUnknownHostMeansNotSent() {
        CarrierException e;
        try (TwilioCarrier nowhere = carrierAt(URI.create("http://api.twilio.invalid"), Duration.ofSeconds(5))) {
            e = failure(() -> nowhere.send(fromNumber(List.of())));
        }
        assertThat(e.kind()).isEqualTo(Kind.NOT_SENT);
    }

    @Test
    void anAnswerThatNeverComesIsUncertainAfterTheReadTimeout() {
        server.enqueue(json(201, created("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued", null)).newBuilder()
                .headersDelay(10, TimeUnit.SECONDS).build());
        CarrierException e;
        long started = System.nanoTime();
        try (TwilioCarrier impatient = carrierAt(server.url("/").uri(), Duration.ofMillis(500))) {
            e = failure(() -> impatient.send(fromNumber(List.of())));
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(e.kind()).isEqualTo(Kind.UNCERTAIN);
        assertThat(e.httpStatus()).isZero();
        assertThat(waited).isLessThan(Duration.ofSeconds(5));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBodyThatStallsHalfwayIsUncertainRatherThanHangingTheSender() {
        server.enqueue(json(201, created("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued", null)).newBuilder()
                .bodyDelay(30, TimeUnit.SECONDS).build());
        CarrierException e;
        long started = System.nanoTime();
        try (TwilioCarrier impatient = carrierAt(server.url("/").uri(), Duration.ofMillis(500))) {
            e = failure(() -> impatient.send(fromNumber(List.of())));
        }

        assertThat(e.kind()).isEqualTo(Kind.UNCERTAIN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    // --- findSent ---

    static final Instant SINCE = Instant.parse("2026-05-14T16:00:00Z");

    @Test
    void findSentAsksForThePatientsNewestMessagesFromThePracticeWithoutADateFilter() throws Exception {
        server.enqueue(json(200, page()));

        carrier.findSent(fromNumber(List.of()), SINCE);

        RecordedRequest request = server.takeRequest();
        HttpUrl url = request.getUrl();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(url.encodedPath()).isEqualTo(MESSAGES_PATH);
        assertThat(url.queryParameter("To")).isEqualTo(PATIENT);
        assertThat(url.queryParameter("From")).isEqualTo(PRACTICE);
        assertThat(url.queryParameter("PageSize")).isEqualTo("50");
        // No DateSent filter: a message still queued at the carrier has no send date yet and would be missed.
        assertThat(url.queryParameterNames()).containsExactlyInAnyOrder("To", "From", "PageSize");
        assertThat(request.getHeaders().get("Authorization")).startsWith("Basic ");
    }

    @Test
    void findSentReturnsTheMessageWithTheSameBodyCreatedSinceTheAttempt() throws Exception {
        server.enqueue(json(200, page(
                listed("SM0000000000000000000000000000000a", "Your cleaning is booked.", SINCE.plusSeconds(30), "sent", null),
                // A minute before "since": inside the clock-skew allowance.
                listed("SM11111111111111111111111111111111", BODY, SINCE.minusSeconds(60), "queued", null),
                // The same reminder sent last week is not this attempt.
                listed("SM22222222222222222222222222222222", BODY, SINCE.minus(Duration.ofDays(7)), "delivered", null))));

        Optional<CarrierReceipt> found = carrier.findSent(fromNumber(List.of()), SINCE);

        assertThat(found).contains(new CarrierReceipt("SM11111111111111111111111111111111", "queued"));
    }

    @Test
    void anIdenticalTextOlderThanTheSkewAllowanceIsNotTakenForThisAttempt() throws Exception {
        server.enqueue(json(200, page(
                listed("SM22222222222222222222222222222222", BODY, SINCE.minus(Duration.ofMinutes(3)), "delivered", null))));

        assertThat(carrier.findSent(fromNumber(List.of()), SINCE)).isEmpty();
    }

    @Test
    void anEmptyListMeansTheCarrierHasNoSuchMessage() throws Exception {
        server.enqueue(json(200, page()));

        assertThat(carrier.findSent(fromNumber(List.of()), SINCE)).isEmpty();
    }

    @Test
    void findSentThroughAServiceFiltersByPatientOnlyAndMatchesTheService() throws Exception {
        server.enqueue(json(200, page(
                listed("SM33333333333333333333333333333333", BODY, SINCE.plusSeconds(5), "accepted", "MG00000000000000000000000000000000"),
                listed("SM44444444444444444444444444444444", BODY, SINCE.plusSeconds(2), "accepted", SERVICE))));

        Optional<CarrierReceipt> found = carrier.findSent(throughService(), SINCE);

        assertThat(found).map(CarrierReceipt::sid).contains("SM44444444444444444444444444444444");
        assertThat(server.takeRequest().getUrl().queryParameterNames()).doesNotContain("From").contains("To");
    }

    @Test
    void aServerErrorWhileLookingIsUncertainAndMadeOnce() {
        server.enqueue(json(503, error(20503, "Service Unavailable", 503)));
        server.enqueue(json(503, error(20503, "Service Unavailable", 503)));

        CarrierException e = failure(() -> carrier.findSent(fromNumber(List.of()), SINCE));

        assertThat(e.kind()).isEqualTo(Kind.UNCERTAIN);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void badCredentialsWhileLookingAreARejectionWithTwilioCode() {
        server.enqueue(json(401, error(20003, "Authenticate", 401)));

        CarrierException e = failure(() -> carrier.findSent(fromNumber(List.of()), SINCE));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.errorCode()).isEqualTo(20003);
        assertThat(e.httpStatus()).isEqualTo(401);
    }

    // --- helpers ---

    private CarrierException sendFails(OutboundText text) {
        return failure(() -> carrier.send(text));
    }

    static CarrierException failure(ThrowingCallable call) {
        CarrierException e = catchThrowableOfType(CarrierException.class, call);
        assertThat(e).as("the call should have failed with a CarrierException").isNotNull();
        return e;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json; charset=utf-8"), body);
    }

    static Map<String, List<String>> form(RecordedRequest request) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            int eq = pair.indexOf('=');
            form.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    static String rfc2822(Instant instant) {
        return RFC_2822.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Twilio's answer to a create, as the API returns it (date_sent is null until the text leaves). */
    static String created(String sid, String status, String serviceSid) {
        String now = rfc2822(Instant.parse("2026-05-14T16:02:11Z"));
        return """
                {
                  "account_sid": "%1$s",
                  "api_version": "2010-04-01",
                  "body": "%2$s",
                  "date_created": "%3$s",
                  "date_sent": null,
                  "date_updated": "%3$s",
                  "direction": "outbound-api",
                  "error_code": null,
                  "error_message": null,
                  "from": %4$s,
                  "messaging_service_sid": %5$s,
                  "num_media": "0",
                  "num_segments": "%6$s",
                  "price": null,
                  "price_unit": "USD",
                  "sid": "%7$s",
                  "status": "%8$s",
                  "subresource_uris": {
                    "media": "/2010-04-01/Accounts/%1$s/Messages/%7$s/Media.json"
                  },
                  "to": "%9$s",
                  "uri": "/2010-04-01/Accounts/%1$s/Messages/%7$s.json"
                }
                """.formatted(ACCOUNT, BODY, now, serviceSid == null ? "\"" + PRACTICE + "\"" : "null",
                serviceSid == null ? "null" : "\"" + serviceSid + "\"", serviceSid == null ? "1" : "0", sid, status, PATIENT);
    }

    static String listed(String sid, String body, Instant created, String status, String serviceSid) {
        String date = rfc2822(created);
        return """
                {
                  "account_sid": "%1$s",
                  "api_version": "2010-04-01",
                  "body": "%2$s",
                  "date_created": "%3$s",
                  "date_sent": %4$s,
                  "date_updated": "%3$s",
                  "direction": "outbound-api",
                  "error_code": null,
                  "error_message": null,
                  "from": "%5$s",
                  "messaging_service_sid": %6$s,
                  "num_media": "0",
                  "num_segments": "1",
                  "price": "-0.00790",
                  "price_unit": "USD",
                  "sid": "%7$s",
                  "status": "%8$s",
                  "subresource_uris": {"media": "/2010-04-01/Accounts/%1$s/Messages/%7$s/Media.json"},
                  "to": "%9$s",
                  "uri": "/2010-04-01/Accounts/%1$s/Messages/%7$s.json"
                }
                """.formatted(ACCOUNT, body, date, status.equals("queued") || status.equals("accepted") ? "null" : "\"" + date + "\"",
                PRACTICE, serviceSid == null ? "null" : "\"" + serviceSid + "\"", sid, status, PATIENT);
    }

    static String page(String... messages) {
        String uri = MESSAGES_PATH + "?To=%2B15558675310&PageSize=50&Page=0";
        return """
                {
                  "end": %d,
                  "first_page_uri": "%s",
                  "messages": [%s],
                  "next_page_uri": null,
                  "page": 0,
                  "page_size": 50,
                  "previous_page_uri": null,
                  "start": 0,
                  "uri": "%s"
                }
                """.formatted(Math.max(0, messages.length - 1), uri, String.join(",", messages), uri);
    }

    static String error(int code, String message, int status) {
        return """
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                """.formatted(code, message, code, status);
    }
}
