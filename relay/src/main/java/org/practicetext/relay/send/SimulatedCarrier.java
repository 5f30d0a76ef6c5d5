// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.practicetext.relay.webhook.TwilioSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier in the relay's own process, for the demo and for tests. It behaves like Twilio where
 * it matters: it issues SIDs, reports delivery through the real, signed {@code /twilio/status}
 * path (queued → sent → delivered, with small delays), refuses Twilio's magic test numbers with
 * Twilio's error codes, and can deliver a text "from a patient" through the real {@code /twilio/sms}.
 */
public final class SimulatedCarrier implements Carrier, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCarrier.class);
    public static final String ACCOUNT_SID = "AC" + "5".repeat(32);

    /** Twilio's magic "To" numbers and the error each one produces. */
    static final Map<String, Integer> MAGIC = Map.of(
            "+15005550001", 21211,
            "+15005550002", 21612,
            "+15005550003", 21408,
            "+15005550004", 21610,
            "+15005550009", 21614);

    private final Supplier<URI> localBase;
    private final TwilioSignature signature;
    private final Supplier<String> publicBase;
    private final Duration step;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("simulated-carrier").factory());
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    private final Map<String, Media> media = new ConcurrentHashMap<>();

    private record Sent(OutboundText text, Instant at) {
    }

    /** A file the simulated carrier holds for an inbound MMS, as Twilio holds one until it is deleted. */
    public record Media(String contentType, byte[] content) {
    }

    /** Where this carrier keeps its media, under the relay's own address: the API base the relay fetches inbound media from. */
    public static final String API_BASE_PATH = "/simulator/twilio";

    /**
     * @param localBase  where this relay listens (callbacks are posted there)
     * @param publicBase the public base URL the signatures are computed for, as Twilio would
     * @param step       the delay between one status and the next
     */
    public SimulatedCarrier(Supplier<URI> localBase, Supplier<String> publicBase, TwilioSignature signature, Duration step, Clock clock) {
        this.localBase = localBase;
        this.publicBase = publicBase;
        this.signature = signature;
        this.step = step;
        this.clock = clock;
    }

    @Override
    public CarrierReceipt send(OutboundText text) throws CarrierException {
        Integer error = MAGIC.get(text.to());
        if (error != null) {
            throw new CarrierException(CarrierException.Kind.REJECTED, error, 400, "simulated carrier refused the message with " + error, null);
        }
        String sid = newSid(text.mediaUrls().isEmpty() ? "SM" : "MM");
        sent.put(sid, new Sent(text, clock.instant()));
        Integer mediaError = fetchMedia(text.mediaUrls());
        if (mediaError != null) {
            // As Twilio does: the message is accepted, then fails once the media could not be fetched or was not what it said.
            timer.schedule(() -> report(text, sid, "failed", mediaError), step.toMillis(), TimeUnit.MILLISECONDS);
            return new CarrierReceipt(sid, text.messagingServiceSid() == null ? "queued" : "accepted");
        }
        List<String> statuses = List.of("sent", "delivered");
        for (int i = 0; i < statuses.size(); i++) {
            String status = statuses.get(i);
            timer.schedule(() -> report(text, sid, status), step.toMillis() * (i + 1), TimeUnit.MILLISECONDS);
        }
        return new CarrierReceipt(sid, text.messagingServiceSid() == null ? "queued" : "accepted");
    }

    @Override
    public Optional<CarrierReceipt> findSent(OutboundText text, Instant since) {
        return sent.entrySet().stream()
                .filter(e -> e.getValue().text().to().equals(text.to()) && e.getValue().text().body().equals(text.body())
                        && !e.getValue().at().isBefore(since.minus(Duration.ofMinutes(2))))
                .map(e -> new CarrierReceipt(e.getKey(), "queued"))
                .findFirst();
    }

    /** Delivers a text from {@code from} to the practice number {@code to} through the real inbound webhook; returns its SID. */
    public String injectInbound(String from, String to, String body) {
        return injectInbound(from, to, body, List.of());
    }

    /**
     * Delivers a text with attachments: like Twilio, the carrier keeps each file at a media
     * address of its account and the message ({@link #media}), names it in {@code MediaUrl{i}},
     * and the relay fetches it from there. Returns the message's SID.
     */
    public String injectInbound(String from, String to, String body, List<Media> files) {
        String sid = newSid(files.isEmpty() ? "SM" : "MM");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", Integer.toString(files.size()));
        for (int i = 0; i < files.size(); i++) {
            String mediaSid = newSid("ME");
            media.put(sid + "/" + mediaSid, files.get(i));
            params.put("MediaUrl" + i, localBase.get() + API_BASE_PATH + "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + "/Media/" + mediaSid);
            params.put("MediaContentType" + i, files.get(i).contentType());
        }
        params.put("SmsSid", sid);
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("To", to);
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", from);
        params.put("ApiVersion", "2010-04-01");
        int status = post(URI.create(publicBase.get() + "/twilio/sms"), params);
        if (status != 200) {
            throw new IllegalStateException("the relay answered " + status + " to a simulated inbound text");
        }
        return sid;
    }

    /**
     * Fetches the files of an MMS the way Twilio does, {@code HEAD} and then {@code GET} without
     * credentials, for the relay's own files (under its public URL, reached on its local port; the
     * simulator reaches nothing else, so other links are taken as they are). Returns Twilio's error:
     * 11200 when a file cannot be fetched, 12300 when its {@code Content-Type} is not what its bytes are.
     */
    private Integer fetchMedia(List<URI> urls) {
        for (URI url : urls) {
            String text = url.toString();
            String base = publicBase.get();
            if (!text.startsWith(base + "/")) {
                continue;
            }
            URI local = URI.create(localBase.get() + text.substring(base.length()));
            try {
                HttpResponse<Void> head = http.send(HttpRequest.newBuilder(local).timeout(Duration.ofSeconds(15))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(local).timeout(Duration.ofSeconds(15)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (head.statusCode() != 200 || get.statusCode() != 200) {
                    return 11200;
                }
                String type = org.practicetext.relay.media.MediaTypes.normal(get.headers().firstValue("Content-Type").orElse(null));
                if (!type.equals(org.practicetext.relay.media.MediaTypes.normal(head.headers().firstValue("Content-Type").orElse(null)))
                        || org.practicetext.relay.media.MediaTypes.confirmed(type, get.body()).filter(type::equals).isEmpty()) {
                    return 12300;
                }
            } catch (java.io.IOException e) {
                return 11200;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 11200;
            }
        }
        return null;
    }

    private void report(OutboundText text, String sid, String status) {
        report(text, sid, status, null);
    }

    private void report(OutboundText text, String sid, String status, Integer errorCode) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", text.from() == null ? "" : text.from());
        params.put("To", text.to());
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            params.put("ErrorCode", errorCode.toString());
        }
        if (text.messagingServiceSid() != null) {
            params.put("MessagingServiceSid", text.messagingServiceSid());
        }
        try {
            post(text.statusCallback(), params);
        } catch (RuntimeException e) {
            LOG.warn("simulated status callback {} for {} failed: {}", status, sid, e.getMessage());
        }
    }

    /** Posts a form the way Twilio does: signed for the public URL, delivered to the local port. */
    private int post(URI publicUrl, Map<String, String> params) {
        String signed = signature.sign(publicUrl.toString(), params.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        String pathAndQuery = publicUrl.getRawPath() + (publicUrl.getRawQuery() == null ? "" : "?" + publicUrl.getRawQuery());
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(localBase.get() + pathAndQuery))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signed)
                .header("User-Agent", "PracticeText-SimulatedCarrier")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A kept file of an inbound message, for {@code GET
     * /simulator/twilio/2010-04-01/Accounts/{account}/Messages/{sid}/Media/{media}}; empty for an
     * unknown one or when {@code authorization} is not this account's Basic credentials, as
     * Twilio's "Enforce HTTP Auth on Media URLs" answers.
     */
    public Optional<Media> media(String account, String messageSid, String mediaSid, String authorization) {
        if (!ACCOUNT_SID.equals(account) || authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String credentials;
        try {
            credentials = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = credentials.indexOf(':');
        if (colon < 0 || !credentials.substring(0, colon).equals(ACCOUNT_SID) || !signature.isToken(credentials.substring(colon + 1))) {
            return Optional.empty();
        }
        return Optional.ofNullable(media.get(messageSid + "/" + mediaSid));
    }

    private String newSid(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
