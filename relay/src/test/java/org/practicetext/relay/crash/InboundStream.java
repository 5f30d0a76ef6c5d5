// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.webhook.TwilioSignature;

/**
 * Twilio delivering patients' texts: a stream of signed {@code POST /twilio/sms} webhooks, each
 * with its own {@code MessageSid}, most to the practices' numbers and some to a number no
 * practice owns. A webhook that got no {@code 200} (no answer, or a 5xx) is delivered again with
 * the same SID and signature, as Twilio does when the number's URL asks for retries
 * ({@code #rc=…&rp=ct,rt,5xx}); a 200 is an acknowledgement, after which Twilio forgets the text.
 */
final class InboundStream {
    private static final String PATH = "/twilio/sms";
    private static final String ENDPOINT = "POST " + PATH;
    private static final double UNROUTED_SHARE = 0.1;

    /** One text as Twilio holds it; {@code practice} is null for a text to the unknown number. */
    static final class Webhook implements Delayed {
        final String sid;
        final CrashPractice practice;
        final Map<String, String> params;
        final String signature;
        volatile int attempts;
        volatile boolean acknowledged;
        volatile int refusedWith;
        volatile long dueNanos;

        Webhook(String sid, CrashPractice practice, Map<String, String> params, String signature) {
            this.sid = sid;
            this.practice = practice;
            this.params = params;
            this.signature = signature;
        }

        String body() {
            return params.get("Body");
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Webhook) other).dueNanos);
        }
    }

    private final RelayWire wire;
    private final String publicUrl;
    private final List<CrashPractice> practices;
    private final String unknownNumber;
    private final long seed;
    private final Tally tally;
    private final TwilioSignature signer = new TwilioSignature(FakeTwilio.AUTH_TOKEN);
    private final Map<String, Webhook> all = new ConcurrentHashMap<>();
    private final DelayQueue<Webhook> retries = new DelayQueue<>();
    private final AtomicInteger unsettled = new AtomicInteger();
    private final AtomicLong numbering = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean noNewTexts;
    private volatile boolean stopped;

    InboundStream(RelayWire wire, String publicUrl, List<CrashPractice> practices, String unknownNumber, long seed, Tally tally) {
        this.wire = wire;
        this.publicUrl = publicUrl;
        this.practices = practices;
        this.unknownNumber = unknownNumber;
        this.seed = seed;
        this.tally = tally;
    }

    void start(int senders) {
        for (int i = 0; i < senders; i++) {
            Random random = new Random(seed * 1_000_003 + i);
            threads.add(Thread.ofVirtual().name("twilio-inbound-" + i).start(() -> run(random)));
        }
    }

    private void run(Random random) {
        while (!stopped) {
            Webhook next = retries.poll();
            if (next == null) {
                if (noNewTexts) {
                    try {
                        next = retries.poll(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (next == null) {
                        continue;
                    }
                } else {
                    next = fresh(random);
                }
            }
            if (!deliver(next)) {
                // The relay is down or failing: new texts keep arriving at Twilio, but not in a busy loop.
                RelayWire.pause(100);
            }
        }
    }

    private Webhook fresh(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String sid = "SM" + HexFormat.of().formatHex(bytes);
        boolean unrouted = random.nextDouble() < UNROUTED_SHARE;
        CrashPractice practice = practices.get(random.nextInt(practices.size()));
        String from = practice.patients().get(random.nextInt(practice.patients().size()));
        String body = "Crash check-in " + numbering.incrementAndGet() + ": running " + (5 + random.nextInt(20)) + " minutes late";
        Webhook webhook = webhook(sid, unrouted ? null : practice, from, body);
        all.put(sid, webhook);
        unsettled.incrementAndGet();
        return webhook;
    }

    private Webhook webhook(String sid, CrashPractice practice, String from, String body) {
        Map<String, String> params = RelayFixture.inbound(sid, from, practice == null ? unknownNumber : practice.number(), body);
        params.put("AccountSid", FakeTwilio.ACCOUNT);
        return new Webhook(sid, practice, params, signer.sign(publicUrl + PATH, multi(params)));
    }

    /** One more text, outside the stream and its ledger, delivered at most three times; for the final probe. */
    Webhook deliverOne(CrashPractice practice, String sid, String body) {
        Webhook webhook = webhook(sid, practice, practice.patients().get(0), body);
        unsettled.incrementAndGet();
        for (int i = 0; i < 3 && !webhook.acknowledged && webhook.refusedWith == 0; i++) {
            deliver(webhook);
            retries.remove(webhook);
        }
        if (!webhook.acknowledged && webhook.refusedWith == 0) {
            unsettled.decrementAndGet();
        }
        return webhook;
    }

    /** One attempt; true when the webhook is settled (acknowledged, or refused for good). */
    private boolean deliver(Webhook webhook) {
        webhook.attempts++;
        HttpRequest request = wire.request(PATH, Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", webhook.signature)
                .POST(HttpRequest.BodyPublishers.ofString(RelayFixture.form(webhook.params))).build();
        Optional<HttpResponse<String>> answer = wire.send(ENDPOINT, request);
        int status = answer.map(HttpResponse::statusCode).orElse(0);
        if (status == 200) {
            webhook.acknowledged = true;
            unsettled.decrementAndGet();
            return true;
        } else if (status >= 400 && status < 500) {
            // A genuine webhook refused: Twilio does not retry a 4xx, so this text is gone.
            webhook.refusedWith = status;
            tally.count("webhooks refused " + status);
            unsettled.decrementAndGet();
            return true;
        }
        long backoff = Math.min(2_000, 250L << Math.min(webhook.attempts - 1, 3));
        webhook.dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff);
        retries.add(webhook);
        return false;
    }

    private static Map<String, List<String>> multi(Map<String, String> params) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    /** From now on only webhooks already begun are delivered (and retried). */
    void stopNewTexts() {
        noNewTexts = true;
    }

    /** Waits until every webhook has been acknowledged or refused; false if some still had no 200 at the deadline. */
    boolean awaitSettled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unsettled.get() > 0 && System.nanoTime() < deadline) {
            RelayWire.pause(100);
        }
        return unsettled.get() == 0;
    }

    void stop() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            t.join(15_000);
        }
    }

    Collection<Webhook> all() {
        return all.values();
    }
}
