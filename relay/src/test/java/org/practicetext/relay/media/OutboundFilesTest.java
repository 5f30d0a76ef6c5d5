// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * Files the practice sends (ADR 0023), on the real relay with the simulated carrier, which
 * fetches an MMS file as Twilio does: photos go in the MMS from an unguessable, expiring
 * {@code /media/{token}}, documents behind a secure link that asks the patient's date of birth,
 * and nothing reaches the carrier for an opted-out patient.
 */
class OutboundFilesTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    TestPractice practice;
    String staff;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        staff = relay.signIn(practice, "staff");
    }

    @Test
    void aLargePhotoIsScaledDownSentAsMmsAndServedToTheCarrierOnlyByItsTokenUntilItExpires() throws IOException {
        byte[] photo = TestImages.png(3000, 1500);

        HttpResponse<String> uploaded = upload(staff, "IMG 2041 (front).png", "image/png", photo);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode up = relay.read(uploaded);
        assertThat(up.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(up.get("width").asInt()).isEqualTo(2048);
        assertThat(up.get("height").asInt()).isEqualTo(1024);
        assertThat(up.get("fileName").asText()).isEqualTo("IMG 2041 (front).jpg");
        assertThat(up.get("delivery").asText()).isEqualTo("mms");

        JsonNode message = send("+15558675310", "Here is the x-ray", up.get("id").asText());
        JsonNode item = message.get("media").get(0);
        assertThat(item.get("state").asText()).isEqualTo("ready");
        assertThat(item.get("delivery").asText()).isEqualTo("mms");
        assertThat(item.get("preview").asBoolean()).isTrue();
        String url = item.get("url").asText();
        assertThat(url).matches(java.util.regex.Pattern.quote(RelayFixture.PUBLIC_URL) + "/media/[A-Za-z0-9_-]{43}");
        String path = URI.create(url).getRawPath();

        HttpResponse<byte[]> served = get(path, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"IMG-2041-front-.jpg\"");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(image.getWidth()).isEqualTo(2048);
        assertThat(served.body().length).isEqualTo(up.get("size").asInt());
        HttpResponse<byte[]> head = bytes(HttpRequest.newBuilder(URI.create(relay.uri(path))).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(served.body().length));
        assertThat(get(path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A"), null).statusCode()).isEqualTo(404);

        relay.awaitEntity(staff, "message", m -> m.get("id").asLong() == message.get("id").asLong() && m.get("status").asText().equals("delivered"));
        relay.clock.advance(Duration.ofDays(8));
        assertThat(get(path, null).statusCode()).as("expired").isEqualTo(404);
    }

    @Test
    void aDocumentGoesBehindASecureLinkThatAsksTheDateOfBirthCountsWrongAnswersAndRecordsTheOpening() throws IOException {
        String patient = "+15558675320";
        importPatient(patient, "1984-03-07");
        JsonNode up = relay.read(upload(staff, "Treatment estimate.pdf", "application/pdf", PDF));
        assertThat(up.get("delivery").asText()).isEqualTo("link");

        JsonNode message = send(patient, "", up.get("id").asText());

        String body = message.get("body").asText();
        assertThat(body).startsWith("Practice ").contains(" sent you a document: " + RelayFixture.PUBLIC_URL + "/l/");
        JsonNode item = message.get("media").get(0);
        assertThat(item.get("delivery").asText()).isEqualTo("link");
        assertThat(item.get("openedAt").isNull()).isTrue();
        assertThat(java.time.Instant.parse(item.get("expiresAt").asText())).isEqualTo(relay.clock.instant().plus(Duration.ofDays(30)));
        String page = URI.create(body.substring(body.indexOf(RelayFixture.PUBLIC_URL))).getRawPath();
        relay.awaitEntity(staff, "message", m -> m.get("id").asLong() == message.get("id").asLong() && m.get("status").asText().equals("delivered"));

        HttpResponse<String> ask = text(page, "GET", null, null);
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(relay.entities(staff, "message").get(message.get("id").asLong()).get("media").get(0).get("openedAt").isNull())
                .as("showing the question (or a link preview) is not an opening").isTrue();
        assertThat(ask.body()).contains("Date of birth").contains("sent you a document. To keep it private").doesNotContain("Treatment estimate");
        assertThat(ask.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(text(page + "/files/0", "GET", null, null).statusCode()).as("no file before the answer").isEqualTo(303);

        HttpResponse<String> wrong = text(page, "POST", "dob=1984-07-03", null);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("does not match").contains("4 tries left");
        HttpResponse<String> right = text(page, "POST", "dob=03%2F07%2F1984", null);
        assertThat(right.statusCode()).isEqualTo(303);
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=" + page);
        String key = cookie.substring(0, cookie.indexOf(';'));

        HttpResponse<String> shown = text(page, "GET", null, key);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Treatment estimate.pdf").contains("PDF");
        String lastDay = java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.US)
                .withZone(java.time.ZoneId.of("America/Chicago")).format(java.time.Instant.parse(item.get("expiresAt").asText()));
        assertThat(shown.body()).as("the practice's day").contains("This link works until " + lastDay + ".");
        JsonNode opened = relay.awaitEntity(staff, "message", m -> m.get("id").asLong() == message.get("id").asLong()
                && !m.get("media").get(0).get("openedAt").isNull());
        assertThat(java.time.Instant.parse(opened.get("media").get(0).get("openedAt").asText())).isEqualTo(relay.clock.instant());
        HttpRequest download = HttpRequest.newBuilder(URI.create(relay.uri(page + "/files/0"))).header("Cookie", key).GET().build();
        HttpResponse<byte[]> file = bytes(download);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");

        for (int i = 0; i < 5; i++) {
            text(page, "POST", "dob=2000-01-0" + (i + 1), null);
        }
        HttpResponse<String> locked = text(page, "GET", null, null);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many tries");
        relay.clock.advance(Duration.ofMinutes(16));
        assertThat(text(page, "GET", null, null).statusCode()).isEqualTo(200);
        for (int i = 0; i < 10; i++) { // two more lockouts: 16 wrong answers in all
            text(page, "POST", "dob=2000-02-0" + (i % 9 + 1), null);
            if (i == 4) {
                relay.clock.advance(Duration.ofMinutes(16));
            }
        }
        HttpResponse<String> closed = text(page, "GET", null, key);
        assertThat(closed.statusCode()).as("after three lockouts the link stays locked, even for a cookie").isEqualTo(403);
        assertThat(closed.body()).contains("send the document again");
        relay.clock.advance(Duration.ofHours(2));
        assertThat(text(page, "POST", "dob=1984-03-07", null).statusCode()).as("even the right answer").isEqualTo(403);
        relay.clock.advance(Duration.ofDays(31));
        HttpResponse<String> expired = text(page, "GET", null, key);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        assertThat(text("/l/AAAAAAAAAAAAAAAAAAAAAA", "GET", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void photosGoInTheMmsUpToTheCarriersLimitAndTheRestBehindTheLink() throws IOException {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(relay.read(upload(staff, "photo" + i + ".png", "image/png", TestImages.png(200 + i, 100))).get("id").asText());
        }
        ids.add(relay.read(upload(staff, "consent.pdf", "application/pdf", PDF)).get("id").asText());

        JsonNode message = send("+15558675330", "Your photos and the form", ids.toArray(String[]::new));

        assertThat(message.get("media")).extracting(m -> m.get("delivery").asText()).containsExactly("mms", "mms", "link");
        assertThat(message.get("body").asText()).startsWith("Your photos and the form\n" + RelayFixture.PUBLIC_URL + "/l/");
        JsonNode conversation = relay.awaitEntity(staff, "conversation", c -> c.get("phone").asText().equals("+15558675330"));
        assertThat(conversation.get("lastMessagePreview").asText()).isEqualTo("Your photos and the form");
        assertThat(MessageSendingDeliveries.of(List.of(4_000_000L, 1_200_000L, 200_000L), "image/jpeg"))
                .as("past 5 MB the next photo goes behind the link").containsExactly("mms", "link", "mms");
    }

    @Test
    void nothingIsSentToAnOptedOutPatientAndUploadsAreTheirPracticesAlone() throws IOException {
        String patient = "+15558675340";
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), patient, practice.number(), "STOP"));
        relay.awaitEntity(staff, "contact", c -> c.get("phone").asText().equals(patient) && c.get("optedOut").asBoolean());
        String id = relay.read(upload(staff, "x.png", "image/png", TestImages.png(20, 20))).get("id").asText();

        HttpResponse<String> refused = relay.postJson("/api/v1/messages", staff, Map.of("clientId", UUID.randomUUID().toString(), "to", patient,
                "uploads", List.of(id)));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(relay.read(refused).get("error").get("code").asText()).isEqualTo("opted_out");
        String document = relay.read(upload(staff, "plan.pdf", "application/pdf", PDF)).get("id").asText();
        java.util.Set<Long> messages = relay.entities(staff, "message").keySet();
        HttpResponse<String> link = relay.postJson("/api/v1/messages", staff, Map.of("clientId", UUID.randomUUID().toString(), "to", patient,
                "body", "Your treatment plan", "uploads", List.of(document)));
        assertThat(link.statusCode()).as("a document goes as a secure link: refused all the same").isEqualTo(409);
        assertThat(relay.read(link).get("error").get("code").asText()).isEqualTo("opted_out");
        assertThat(relay.entities(staff, "message").keySet()).as("no message stored").isEqualTo(messages);

        TestPractice other = relay.newPractice();
        String stranger = relay.signIn(other, "staff");
        HttpResponse<String> foreign = relay.postJson("/api/v1/messages", stranger, Map.of("clientId", UUID.randomUUID().toString(),
                "to", "+15558675341", "uploads", List.of(id)));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(relay.read(foreign).get("error").get("code").asText()).isEqualTo("upload_gone");
        assertThat(upload(relay.signIn(practice, "viewer"), "x.png", "image/png", TestImages.png(20, 20)).statusCode()).isEqualTo(403);
        assertThat(upload(staff, "x.png", "image/png", PDF).statusCode()).as("not what it says").isEqualTo(400);
        assertThat(upload(staff, "setup.exe", "application/x-msdownload", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)).statusCode())
                .isEqualTo(415);
        assertThat(upload(staff, "empty.pdf", "application/pdf", new byte[0]).statusCode()).isEqualTo(400);
        assertThat(relay.postJson("/api/v1/messages", staff, Map.of("clientId", UUID.randomUUID().toString(), "to", "+15558675342",
                "uploads", List.of("../../etc/passwd"))).statusCode()).isEqualTo(400);
    }

    /** Like Twilio, the simulated carrier fails an MMS whose file it cannot fetch (11200), after accepting it. */
    @Test
    void anMmsWhoseFileCannotBeFetchedFailsWithTwiliosCode() {
        HttpResponse<String> sent = relay.postJson("/api/v1/messages", staff, Map.of("clientId", UUID.randomUUID().toString(), "to", "+15558675350",
                "body", "see attached", "mediaUrls", List.of(RelayFixture.PUBLIC_URL + "/media/" + "A".repeat(43))));
        assertThat(sent.statusCode()).isEqualTo(202);
        long id = relay.read(sent).get("id").asLong();

        JsonNode failed = relay.awaitEntity(staff, "message", m -> m.get("id").asLong() == id && m.get("status").asText().equals("failed"));
        assertThat(failed.get("errorCode").asInt()).isEqualTo(11200);
    }

    /** The delivery plan of photos of these sizes, as {@code MessageSending} makes it. */
    static final class MessageSendingDeliveries {
        static List<String> of(List<Long> sizes, String type) {
            List<org.practicetext.relay.store.Uploads.Facts> facts = sizes.stream()
                    .map(s -> new org.practicetext.relay.store.Uploads.Facts("up_x", "p.jpg", type, s, 10, 10)).toList();
            return org.practicetext.relay.send.MessageSending.deliveries(facts, 0).stream().map(d -> d.wire()).toList();
        }
    }

    // --- helpers

    JsonNode send(String to, String body, String... uploads) {
        HttpResponse<String> sent = relay.postJson("/api/v1/messages", staff, Map.of("clientId", UUID.randomUUID().toString(), "to", to,
                "body", body, "uploads", List.of(uploads)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        return relay.read(sent);
    }

    void importPatient(String phone, String birthDate) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/contacts/import"))).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("name,phone,date_of_birth\nJordan Lee," + phone + ","
                        + birthDate + "\n")).build();
        assertThat(relay.send(request).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> upload(String token, String name, String type, byte[] content) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/uploads?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))))
                .header("Authorization", "Bearer " + token).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        return relay.send(request);
    }

    HttpResponse<byte[]> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.uri(path))).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return bytes(request.build());
    }

    HttpResponse<byte[]> bytes(HttpRequest request) {
        return relay.sendForBytes(request);
    }

    HttpResponse<String> text(String path, String method, String form, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.uri(path)));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return relay.send(request.build());
    }
}
