// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.webhook.TwilioSignature;

/**
 * Twilio's delivery reports for the messages {@link FakeTwilio} created: {@code sent} a moment
 * after the create, then {@code delivered}, each a signed POST to the message's
 * {@code StatusCallback}. A report the relay does not take (it is down, or answers an error) is
 * posted again for a while, as Twilio retries a callback whose connection failed.
 */
final class StatusReports implements AutoCloseable {
    private static final int ATTEMPTS = 40;
    private static final long RETRY_MILLIS = 500;

    private final TwilioSignature signature;
    private final Random random;
    private final Tally tally;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();

    StatusReports(String authToken, long seed, Tally tally) {
        this.signature = new TwilioSignature(authToken);
        this.random = new Random(seed * 31 + 7);
        this.tally = tally;
    }

    void schedule(FakeTwilio.Created message) {
        long first;
        long second;
        synchronized (random) {
            first = 100 + random.nextInt(300);
            second = 100 + random.nextInt(300);
        }
        inFlight.incrementAndGet();
        senders.submit(() -> {
            try {
                RelayWire.pause(first);
                if (report(message, "sent")) {
                    RelayWire.pause(second);
                    report(message, "delivered");
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Reports still being delivered or retried. */
    int inFlight() {
        return inFlight.get();
    }

    private boolean report(FakeTwilio.Created message, String status) {
        message.status = status;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", FakeTwilio.ACCOUNT);
        params.put("ApiVersion", "2010-04-01");
        params.put("From", message.from);
        params.put("MessageSid", message.sid);
        params.put("MessageStatus", status);
        params.put("SmsSid", message.sid);
        params.put("SmsStatus", status);
        params.put("To", message.to);
        Map<String, List<String>> signed = new LinkedHashMap<>();
        params.forEach((k, v) -> signed.put(k, List.of(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(message.statusCallback)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature.sign(message.statusCallback, signed))
                .POST(HttpRequest.BodyPublishers.ofString(RelayFixture.form(params))).build();
        for (int attempt = 1; attempt <= ATTEMPTS && !Thread.currentThread().isInterrupted(); attempt++) {
            tally.count("requests POST /twilio/status");
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    tally.count("status callbacks taken");
                    return true;
                }
                if (answer.statusCode() >= 500) {
                    tally.serverError("POST /twilio/status", answer.statusCode(), answer.body());
                } else {
                    tally.count("status callbacks refused " + answer.statusCode());
                    return false;
                }
            } catch (IOException e) {
                tally.count("no answer POST /twilio/status");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            RelayWire.pause(RETRY_MILLIS);
        }
        tally.count("status callbacks given up");
        return false;
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
