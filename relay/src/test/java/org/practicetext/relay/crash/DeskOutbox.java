// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.practicetext.protocol.Json;

/**
 * One workstation's outbox, as the desktop keeps it: one reply at a time, each with its own
 * {@code clientId}, delivered again with the same {@code clientId} after no answer or a 5xx until
 * the relay answers {@code 202} (the answer a replay gets too). With {@link Channel#CAMPAIGN} it is
 * a reminder system instead, posting {@code /api/v1/campaign-messages} with the practice's API key.
 */
final class DeskOutbox {
    enum Channel { DESK, CAMPAIGN }

    /** One reply; {@code storedClientId} and {@code messageId} are the relay's, from its 202. */
    static final class Send {
        final String clientId;
        final CrashPractice practice;
        final String to;
        final String body;
        final Channel channel;
        volatile int attempts;
        volatile boolean accepted;
        volatile boolean replayed;
        volatile int refusedWith;
        volatile String refusal;
        volatile String storedClientId;
        volatile long messageId;

        Send(String clientId, CrashPractice practice, String to, String body, Channel channel) {
            this.clientId = clientId;
            this.practice = practice;
            this.to = to;
            this.body = body;
            this.channel = channel;
        }
    }

    private final RelayWire wire;
    private final DeskSession session;
    private final Channel channel;
    private final String name;
    private final Random random;
    private final Tally tally;
    private final Map<String, Send> ledger;
    private final ObjectMapper json = Json.mapper();
    private Thread thread;
    private volatile boolean noNewSends;
    private volatile boolean stopped;
    private int made;

    DeskOutbox(RelayWire wire, DeskSession session, Channel channel, String name, long seed, Tally tally, Map<String, Send> ledger) {
        this.wire = wire;
        this.session = session;
        this.channel = channel;
        this.name = name;
        this.random = new Random(seed);
        this.tally = tally;
        this.ledger = ledger;
    }

    void start() {
        thread = Thread.ofVirtual().name("outbox-" + name).start(this::run);
    }

    private void run() {
        Send current = null;
        while (!stopped) {
            if (current == null) {
                if (noNewSends) {
                    return;
                }
                current = fresh();
            }
            if (deliver(current)) {
                current = null;
            } else {
                RelayWire.pause(Math.min(2_000, 200L << Math.min(current.attempts, 3)));
            }
        }
    }

    private Send fresh() {
        made++;
        CrashPractice practice = session.practice();
        String to = practice.patients().get(random.nextInt(practice.patients().size()));
        String clientId = name + "-" + made;
        String body = (channel == Channel.DESK ? "Front desk reply " : "Reminder ") + clientId + ": see you at "
                + (8 + random.nextInt(9)) + ":" + (10 + random.nextInt(50));
        Send send = new Send(clientId, practice, to, body, channel);
        ledger.put(name + "/" + clientId, send);
        return send;
    }

    /** One more reply outside the outbox's stream, delivered at most five times; for the final probe. */
    Send deliverOne(String to, String body) {
        Send send = new Send(name + "-1", session.practice(), to, body, channel);
        for (int i = 0; i < 5 && !deliver(send); i++) {
            RelayWire.pause(200);
        }
        return send;
    }

    /** One attempt; true when this send is settled (202, or refused for good). */
    private boolean deliver(Send send) {
        HttpRequest.Builder request;
        String token = null;
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("clientId", send.clientId);
        payload.put("to", send.to);
        payload.put("body", send.body);
        String endpoint;
        if (channel == Channel.DESK) {
            Optional<String> signedIn = session.token();
            if (signedIn.isEmpty()) {
                return false;
            }
            token = signedIn.get();
            endpoint = "POST /api/v1/messages";
            request = wire.request("/api/v1/messages", Duration.ofSeconds(10)).header("Authorization", "Bearer " + token);
        } else {
            payload.put("campaign", "Crash Reminders");
            endpoint = "POST /api/v1/campaign-messages";
            request = wire.request("/api/v1/campaign-messages", Duration.ofSeconds(10)).header("X-Api-Key", session.practice().apiKey());
        }
        send.attempts++;
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Optional<HttpResponse<String>> answer = wire.send(endpoint, request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (answer.isEmpty()) {
            return false;
        }
        HttpResponse<String> response = answer.get();
        int status = response.statusCode();
        if (status == 202) {
            try {
                JsonNode message = json.readTree(response.body());
                send.storedClientId = message.get("clientId").asText();
                send.messageId = message.get("id").asLong();
            } catch (IOException | RuntimeException e) {
                send.refusal = "202 with an unreadable body: " + response.body();
            }
            send.replayed = response.headers().firstValue("Idempotent-Replay").isPresent();
            if (send.replayed) {
                tally.count("sends answered as a replay");
            }
            send.accepted = true;
            return true;
        }
        if (status == 401 && token != null) {
            session.refused(token);
            return false;
        }
        if (status >= 400 && status < 500) {
            send.refusedWith = status;
            send.refusal = response.body();
            tally.count("sends refused " + status);
            return true;
        }
        return false;
    }

    /** Finishes the reply in hand (retrying it until 202), then makes no new one. */
    void stopNewSends() {
        noNewSends = true;
    }

    /** Waits for the outbox to empty; false if a reply still had no 202 at the deadline. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join(15_000);
    }
}
