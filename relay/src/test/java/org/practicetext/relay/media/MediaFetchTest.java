// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * Inbound MMS files, fetched by the real relay from a fake Twilio media API on loopback that
 * wants Basic auth and redirects to its CDN (ADR 0022): the text is stored and answered first,
 * credentials go only to the account's media URLs, a lagging 404 is tried again, a file given up
 * says why and can be tried again, and the desks read it only within their practice.
 */
class MediaFetchTest {
    static final String PATIENT = "+15558675309";
    static final String METRICS_TOKEN = "media-metrics-token-0123456789";

    @TempDir
    Path dir;
    FakeTwilioMedia twilio;
    RelayFixture relay;
    TestPractice practice;
    String staff;

    @BeforeEach
    void start() throws IOException {
        twilio = new FakeTwilioMedia();
    }

    void relay(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("PT_TWILIO_API_BASE", twilio.base(), "TWILIO_ACCOUNT_SID", FakeTwilioMedia.ACCOUNT));
        env.putAll(extra);
        relay = new RelayFixture(dir, env);
        practice = relay.newPractice();
        staff = relay.signIn(practice, "staff");
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
        twilio.close();
    }

    @Test
    void aPhotoIsFetchedWithTheAccountsCredentialsItsCdnLinkWithoutThemAndKeptWithAPreview() throws IOException {
        relay(Map.of("PT_METRICS_TOKEN", METRICS_TOKEN));
        String sid = mmsSid();
        byte[] png = TestImages.png(1200, 900);
        String url = twilio.put(sid, "image/png", png);

        HttpResponse<String> answer = mms(sid, "Here is my insurance card", Map.of(url, "image/png"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode message = awaitMedia(sid, item -> item.get("state").asText().equals("ready"));
        JsonNode item = message.get("media").get(0);
        assertThat(item.get("contentType").asText()).isEqualTo("image/png");
        assertThat(item.get("size").asLong()).isEqualTo(png.length);
        assertThat(item.get("width").asInt()).isEqualTo(1200);
        assertThat(item.get("height").asInt()).isEqualTo(900);
        assertThat(item.get("preview").asBoolean()).isTrue();
        assertThat(item.get("fileName").asText()).matches("photo-\\d{8}-1\\.png");

        String basic = "Basic " + Base64.getEncoder().encodeToString((FakeTwilioMedia.ACCOUNT + ":" + FakeTwilioMedia.TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(twilio.seen()).extracting(FakeTwilioMedia.Seen::path).hasSize(2);
        assertThat(twilio.seen().get(0).path()).isEqualTo(URI.create(url).getRawPath());
        assertThat(twilio.seen().get(0).authorization()).isEqualTo(basic);
        assertThat(twilio.seen().get(1).path()).startsWith("/cdn/");
        assertThat(twilio.seen().get(1).authorization()).as("the CDN link gets no credentials").isNull();

        long id = message.get("id").asLong();
        HttpResponse<byte[]> file = bytes("/api/v1/messages/" + id + "/media/0", staff);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.body()).isEqualTo(png);

        HttpResponse<byte[]> preview = bytes("/api/v1/messages/" + id + "/media/0/preview", staff);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertThat(small.getWidth()).isEqualTo(Previews.LONGEST);
        assertThat(small.getHeight()).isEqualTo(240);
        assertThat(twilio.deleted()).as("Twilio's copy stays unless the practice asks").isEmpty();

        String metrics = relay.get("/metrics", METRICS_TOKEN).body();
        assertThat(metrics).contains("pt_media_fetches_total{outcome=\"kept\"} 1.0").contains("pt_media_pending 0.0");
    }

    @Test
    void aForgedMediaUrlIsNeverFetchedAndTheTextIsKeptAllTheSame() throws IOException {
        relay(Map.of("PT_METRICS_TOKEN", METRICS_TOKEN));
        try (FakeTwilioMedia stranger = new FakeTwilioMedia()) {
            String sid = mmsSid();
            String elsewhere = stranger.put(sid, "image/png", TestImages.png(10, 10)); // the right path, on another host
            String otherAccount = twilio.base() + FakeTwilioMedia.mediaPath("AC" + "1".repeat(32), sid, "ME" + "2".repeat(32));
            String otherMessage = twilio.put(mmsSid(), "image/png", TestImages.png(10, 10));
            String internal = "http://169.254.169.254/latest/meta-data/";

            HttpResponse<String> answer = mms(sid, "", new java.util.LinkedHashMap<>(Map.of(elsewhere, "image/png")) {
                {
                    put(otherAccount, "image/png");
                    put(otherMessage, "image/png");
                    put(internal, "image/jpeg");
                }
            });

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode message = awaitMedia(sid, item -> item.get("state").asText().equals("unavailable"));
            assertThat(message.get("media")).hasSize(4).allSatisfy(item -> {
                assertThat(item.get("state").asText()).isEqualTo("unavailable");
                assertThat(item.get("problem").asText()).isEqualTo("not_twilio");
            });
            assertThat(stranger.seen()).as("another host gets no request, let alone credentials").isEmpty();
            assertThat(twilio.seen()).as("nor does another account's or another message's media URL").isEmpty();
            assertThat(conversationPreview()).isEqualTo("4 photos");
            assertThat(relay.get("/metrics", METRICS_TOKEN).body()).contains("pt_media_fetches_total{outcome=\"not_twilio\"} 4.0");
        }
    }

    @Test
    void aRedirectToAnInternalAddressIsNotFollowed() throws IOException {
        relay(Map.of());
        try (FakeTwilioMedia internal = new FakeTwilioMedia()) {
            twilio.redirectTo(internal.base() + "/cdn/secret");
            String sid = mmsSid();
            String url = twilio.put(sid, "image/png", TestImages.png(10, 10));

            mms(sid, "photo", Map.of(url, "image/png"));

            JsonNode item = awaitMedia(sid, m -> m.get("state").asText().equals("unavailable")).get("media").get(0);
            assertThat(item.get("problem").asText()).isEqualTo("not_twilio");
            assertThat(internal.seen()).isEmpty();
        }
    }

    @Test
    void aFileTwilioDoesNotHaveYetIsTriedAgainUntilItIsThere() throws IOException {
        relay(Map.of());
        String sid = mmsSid();
        byte[] jpeg = TestImages.jpeg(64, 48);
        String url = twilio.put(sid, "image/jpeg", jpeg);
        twilio.answerFirst(url, 404, 503);

        mms(sid, "swollen gum", Map.of(url, "image/jpeg"));

        awaitRequests(1);
        assertThat(onlyMessage().get("media").get(0).get("state").asText()).isEqualTo("pending");
        relay.clock.advance(Duration.ofSeconds(5));
        relay.server.attachments().wake();
        awaitRequests(2);
        assertThat(onlyMessage().get("media").get(0).get("state").asText()).isEqualTo("pending");
        relay.clock.advance(Duration.ofSeconds(5));
        relay.server.attachments().wake();
        JsonNode item = awaitMedia(sid, m -> m.get("state").asText().equals("ready")).get("media").get(0);
        assertThat(item.get("size").asLong()).isEqualTo(jpeg.length);
        assertThat(twilio.seen().stream().filter(s -> !s.path().startsWith("/cdn/")).count()).isEqualTo(3);
    }

    @Test
    void aFileThatNeverComesIsUnavailableAndStaffCanHaveItTriedAgain() throws IOException {
        relay(Map.of());
        String sid = mmsSid();
        String url = twilio.base() + FakeTwilioMedia.mediaPath(FakeTwilioMedia.ACCOUNT, sid, "ME" + "3".repeat(32)); // not there (yet)

        mms(sid, "", Map.of(url, "image/jpeg"));

        for (int i = 0; i <= MediaFetcher.BACKOFF.size(); i++) {
            awaitRequests(i + 1);
            relay.clock.advance(Duration.ofMinutes(16));
            relay.server.attachments().wake();
        }
        JsonNode message = awaitMedia(sid, m -> m.get("state").asText().equals("unavailable"));
        assertThat(message.get("media").get(0).get("problem").asText()).isEqualTo("not_found");
        assertThat(twilio.seen()).hasSize(MediaFetcher.BACKOFF.size() + 1);
        long id = message.get("id").asLong();
        assertThat(bytes("/api/v1/messages/" + id + "/media/0", staff).statusCode()).isEqualTo(404);

        // Another practice cannot touch it; this practice's staff can.
        TestPractice other = relay.newPractice();
        String stranger = relay.signIn(other, "staff");
        assertThat(relay.postJson("/api/v1/messages/" + id + "/media/0/retry", stranger, Map.of()).statusCode()).isEqualTo(404);
        byte[] jpeg = TestImages.jpeg(30, 20);
        String path = URI.create(url).getRawPath();
        twilio.putAt(path, "image/jpeg", jpeg);
        assertThat(relay.postJson("/api/v1/messages/" + id + "/media/0/retry", staff, Map.of()).statusCode()).isEqualTo(202);

        JsonNode again = awaitMedia(sid, m -> m.get("state").asText().equals("ready"));
        assertThat(again.get("media").get(0).has("problem") && !again.get("media").get(0).get("problem").isNull()).isFalse();
        assertThat(bytes("/api/v1/messages/" + id + "/media/0", staff).body()).isEqualTo(jpeg);
        assertThat(bytes("/api/v1/messages/" + id + "/media/0", stranger).statusCode()).isEqualTo(404);
        assertThat(bytes("/api/v1/messages/" + id + "/media/0/preview", stranger).statusCode()).isEqualTo(404);
        assertThat(bytes("/api/v1/messages/" + id + "/media/0", relay.signIn(practice, "viewer")).statusCode()).as("reading needs sms.view only")
                .isEqualTo(200);
        assertThat(relay.postJson("/api/v1/messages/" + id + "/media/0/retry", staff, Map.of()).statusCode())
                .as("a ready file is left as it is").isEqualTo(202);
        assertThat(bytes("/api/v1/messages/" + id + "/media/10", staff).statusCode()).isEqualTo(400);
        assertThat(bytes("/api/v1/messages/x/media/0", staff).statusCode()).isEqualTo(400);
    }

    @Test
    void aFileThatIsNotWhatItClaimsOrTooLargeIsNotKept() throws IOException {
        relay(Map.of("PT_MEDIA_MAX_BYTES", "2048"));
        String sid = mmsSid();
        String fake = twilio.put(sid, "image/jpeg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        String large = twilio.put(sid, "image/png", TestImages.png(400, 400));
        String vcard = twilio.put(sid, "text/vcard", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Front Desk\r\nEND:VCARD\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TestImages.png(400, 400).length).isGreaterThan(2048);

        mms(sid, "files", new java.util.LinkedHashMap<>(Map.of(fake, "image/jpeg")) {
            {
                put(large, "image/png");
                put(vcard, "text/vcard");
            }
        });

        JsonNode message = awaitMedia(sid, m -> !m.get("state").asText().equals("pending"));
        List<JsonNode> items = new java.util.ArrayList<>();
        message.get("media").forEach(items::add);
        assertThat(items.get(0).get("problem").asText()).isEqualTo("type_mismatch");
        assertThat(items.get(1).get("problem").asText()).isEqualTo("too_large");
        assertThat(items.get(2).get("state").asText()).isEqualTo("ready");
        assertThat(items.get(2).get("preview").asBoolean()).isFalse();
        HttpResponse<byte[]> card = bytes("/api/v1/messages/" + message.get("id").asLong() + "/media/2", staff);
        assertThat(card.headers().firstValue("Content-Type")).hasValue("text/vcard");
        assertThat(card.headers().firstValue("Content-Disposition").orElseThrow()).matches("attachment; filename=\"attachment-\\d{8}-3\\.vcf\"");
    }

    @Test
    void whenThePracticeAsksTwiliosCopyIsDeletedOnceTheRelayHasItsOwn() throws IOException {
        relay(Map.of("PT_MEDIA_DELETE_AT_CARRIER", "true"));
        String sid = mmsSid();
        String url = twilio.put(sid, "image/gif", TestImages.gif());

        mms(sid, "gif", Map.of(url, "image/gif"));

        awaitMedia(sid, m -> m.get("state").asText().equals("ready"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (twilio.deleted().isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(twilio.deleted()).containsExactly(URI.create(url).getRawPath());
        assertThat(twilio.seen()).filteredOn(s -> s.method().equals("DELETE")).singleElement()
                .satisfies(s -> assertThat(s.authorization()).startsWith("Basic "));
    }

    @Test
    void theTextIsStoredAndAnsweredWhileTwilioIsUnreachable() throws IOException {
        relay(Map.of());
        String sid = mmsSid();
        String url = twilio.put(sid, "image/png", TestImages.png(10, 10));
        twilio.close();

        HttpResponse<String> answer = mms(sid, "can you see this?", Map.of(url, "image/png"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode message = onlyMessage();
        assertThat(message.get("body").asText()).isEqualTo("can you see this?");
        assertThat(message.get("media").get(0).get("state").asText()).isEqualTo("pending");
    }

    // --- helpers

    HttpResponse<String> mms(String sid, String body, Map<String, String> media) {
        Map<String, String> params = RelayFixture.inbound(sid, PATIENT, practice.number(), body);
        params.put("AccountSid", FakeTwilioMedia.ACCOUNT);
        params.put("NumMedia", Integer.toString(media.size()));
        int i = 0;
        for (Map.Entry<String, String> item : media.entrySet()) {
            params.put("MediaUrl" + i, item.getKey());
            params.put("MediaContentType" + i, item.getValue());
            i++;
        }
        return relay.webhook("/twilio/sms", params);
    }

    JsonNode awaitMedia(String sid, Predicate<JsonNode> eachItem) {
        return relay.awaitEntity(staff, "message", m -> m.get("sid").asText().equals(sid) && m.get("media").size() > 0
                && java.util.stream.StreamSupport.stream(m.get("media").spliterator(), false).allMatch(eachItem));
    }

    JsonNode onlyMessage() {
        return relay.awaitEntity(staff, "message", m -> true);
    }

    String conversationPreview() {
        return relay.awaitEntity(staff, "conversation", c -> true).get("lastMessagePreview").asText();
    }

    void awaitRequests(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (twilio.seen().stream().filter(s -> !s.path().startsWith("/cdn/")).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fake Twilio saw " + twilio.seen().size() + " request(s), not " + count);
            }
            sleep(10);
        }
        while (relay.server.attachments().downloadsInFlight() > 0) { // until its outcome is committed
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a download did not end");
            }
            sleep(5);
        }
    }

    HttpResponse<byte[]> bytes(String path, String token) {
        return relay.sendForBytes(HttpRequest.newBuilder(URI.create(relay.uri(path))).header("Authorization", "Bearer " + token).GET().build());
    }

    static String mmsSid() {
        return "MM" + RelayFixture.newSid().substring(2);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
