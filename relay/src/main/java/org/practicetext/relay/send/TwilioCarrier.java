// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.practicetext.relay.send.CarrierException.Kind;

/**
 * The {@link Carrier} backed by Twilio, through the official SDK so the wire format stays
 * Twilio's, but on our own transport ({@link TwilioHttpClient}): one HTTP request per call,
 * pointed at a configurable API base, with every failure sorted by what a retry would do.
 *
 * <p>Exception messages name the operation, the HTTP status and Twilio's error code, never a
 * phone number or message text, because they end up in logs and those are patient data. For the
 * same reason the SDK's exceptions are not chained: their messages quote Twilio's error text
 * (which repeats the number) or the raw response (which holds the body).
 */
public final class TwilioCarrier implements Carrier, AutoCloseable {

    /** Twilio's public REST API, for when {@code PT_TWILIO_API_BASE} is not set. */
    public static final URI DEFAULT_API_BASE = URI.create("https://api.twilio.com");
    /** Short: a connect that fails is a text certainly not sent, so it is cheap to give up and retry. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for a slow create; giving up after the request left leaves the text uncertain. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    /**
     * How much earlier than {@code since} a message may be stamped and still count: Twilio's
     * clock and ours disagree a little, and missing a sent text means sending it twice.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** One page is enough: the message looked for was created moments ago, and Twilio lists newest first. */
    static final long LOOKUP_PAGE_SIZE = 50;

    private final TwilioHttpClient http;
    private final TwilioRestClient client;

    public TwilioCarrier(String accountSid, String authToken, URI apiBase) {
        this(accountSid, authToken, apiBase, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public TwilioCarrier(String accountSid, String authToken, URI apiBase, Duration connectTimeout, Duration readTimeout) {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        this.http = new TwilioHttpClient(apiBase == null ? DEFAULT_API_BASE : apiBase, connectTimeout, readTimeout);
        this.client = new TwilioRestClient.Builder(accountSid, authToken).httpClient(http).build();
    }

    @Override
    public CarrierReceipt send(OutboundText text) throws CarrierException {
        MessageCreator creator = text.from() != null
                ? Message.creator(new PhoneNumber(text.to()), new PhoneNumber(text.from()), text.body())
                : Message.creator(new PhoneNumber(text.to()), text.messagingServiceSid(), text.body());
        if (!text.mediaUrls().isEmpty()) {
            creator.setMediaUrl(text.mediaUrls());
        }
        if (text.statusCallback() != null) {
            creator.setStatusCallback(text.statusCallback());
        }
        Message message;
        http.clearLastStatus();
        try {
            message = creator.create(client);
        } catch (RuntimeException e) {
            throw failure("sending the message", e);
        }
        if (message == null || message.getSid() == null) {
            // Twilio said yes but we cannot tell to what; the text may well exist.
            throw new CarrierException(Kind.UNCERTAIN, null, http.lastStatus(),
                    "Twilio answered HTTP " + http.lastStatus() + " to sending the message but gave no message SID", null);
        }
        return receipt(message);
    }

    @Override
    public Optional<CarrierReceipt> findSent(OutboundText text, Instant since) throws CarrierException {
        Instant earliest = since.minus(CLOCK_SKEW);
        // No DateSent filter: a text still queued at Twilio has no date_sent and could be filtered out.
        // Twilio lists newest first, so the first page holds the attempt; the cut is made on date_created.
        MessageReader reader = Message.reader()
                .setTo(new PhoneNumber(text.to()))
                .setPageSize(LOOKUP_PAGE_SIZE);
        if (text.from() != null) {
            reader.setFrom(new PhoneNumber(text.from()));
        }
        Iterable<Message> page;
        http.clearLastStatus();
        try {
            page = reader.firstPage(client).getRecords();
        } catch (RuntimeException e) {
            throw failure("looking up sent messages", e);
        }
        for (Message m : page) {
            if (matches(m, text, earliest)) {
                return Optional.of(receipt(m));
            }
        }
        return Optional.empty();
    }

    /** Closes the HTTP client; the carrier cannot be used afterwards. */
    @Override
    public void close() {
        http.close();
    }

    private static boolean matches(Message m, OutboundText text, Instant earliest) {
        if (m.getSid() == null || m.getDateCreated() == null || m.getDateCreated().toInstant().isBefore(earliest)) {
            return false;
        }
        if (!Objects.equals(m.getBody(), text.body())) {
            return false;
        }
        // Twilio cannot filter by service, so a text sent through one is told apart here.
        return text.messagingServiceSid() == null || text.messagingServiceSid().equals(m.getMessagingServiceSid());
    }

    private static CarrierReceipt receipt(Message m) {
        // A status newer than this SDK reads as null; the status callback will bring the real word.
        return new CarrierReceipt(m.getSid(), m.getStatus() == null ? "unknown" : m.getStatus().toString());
    }

    /** Sorts an SDK failure by what retrying would do. */
    private CarrierException failure(String action, RuntimeException e) {
        if (e instanceof TwilioHttpClient.TransportFailure transport) {
            Kind kind = transport.mayHaveArrived() ? Kind.UNCERTAIN : Kind.NOT_SENT;
            return new CarrierException(kind, null, 0, action + " got no answer from Twilio: " + transport.getMessage(), transport);
        }
        // The SDK reads the status from the error body, which a proxy's error page does not have.
        int status = http.lastStatus();
        Integer code = e instanceof ApiException api ? api.getCode() : null;
        String what = action + " failed: HTTP " + status + (code == null ? "" : ", Twilio error " + code);
        if (status == 429) {
            return new CarrierException(Kind.NOT_SENT, code, status, what + " (too many requests; nothing was created, retry later)", null);
        }
        if (status >= 400 && status < 500) {
            return new CarrierException(Kind.REJECTED, code, status, what + " (Twilio refused it; retrying would fail the same way)", null);
        }
        // 5xx, or an answer the SDK could not read: Twilio may have acted on the request.
        return new CarrierException(Kind.UNCERTAIN, code, status, what + " (Twilio may have acted on it; look before retrying)", null);
    }
}
