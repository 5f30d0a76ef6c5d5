// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.TestStore;

/**
 * Relay benchmarks (see docs/BENCHMARKS.md). Not a test: run it on purpose, on a quiet machine.
 * <ol>
 * <li>webhook-to-long-poll latency with many parked clients: every client parks a long-poll, one
 * signed webhook lands, and each client's wake-up time is recorded;</li>
 * <li>signed inbound webhooks ingested per second, each committed (H2 file or PostgreSQL) before 200;</li>
 * <li>messages accepted per second through {@code POST /api/v1/messages} with the simulated
 * carrier, and the time from the API call to the {@code delivered} event seen by a long-polling
 * client (the simulated carrier's own delay between statuses is set to zero, so this measures
 * the relay: store, dispatch, two signed callbacks, feed).</li>
 * <li>the many-practices shape of parked polls (ADR 0019): {@code practices} practices with
 * {@code desks} desks each, every desk re-polling as soon as it is answered, while webhooks land
 * at {@code rate} a second for {@code seconds} seconds on random practices: wake-up p50/p99 (from
 * the webhook's send to each poll's answer), the webhooks' own answer times, polls cut (any answer
 * but 200), memory (heap after a full GC, and the resident set of this process, which holds the
 * client too) and the CPU used while all the polls are parked and nothing happens.</li>
 * </ol>
 * Arguments: {@code clients rounds webhooks concurrency sends store [practices desks rate seconds]}
 * (defaults 1000 20 5000 16 2000 h2; the store is {@code h2} or {@code postgres}, which needs
 * {@code PT_TEST_POSTGRES_URL} as the tests do). With the last four given, only the two poll shapes
 * run: one practice with {@code clients} polls, then the many-practices shape.
 */
public final class RelayBenchmark {
    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int webhooks = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int sends = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        // The store, as the relay's tests choose it (TestStore): h2 (a file) or postgres (a database of
        // its own on PT_TEST_POSTGRES_URL, cloned from a freshly migrated template).
        if (args.length > 5) {
            System.setProperty(TestStore.PROPERTY, args[5]);
        }
        TestStore store = TestStore.current();
        Path dir = Files.createTempDirectory("pt-bench");
        System.out.printf("machine: %d cores, java %s, store %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                store.name().toLowerCase(Locale.ROOT));
        // The wake-up figure parks `clients` polls of one sign-in, far beyond the per-token cap a desk needs.
        String cap = Integer.toString(Math.max(clients, 200));
        try (RelayFixture relay = new RelayFixture(dir, java.util.Map.of("PT_SIMULATED_STEP_MS", "0",
                "PT_MAX_POLLS_PER_TOKEN", cap, "PT_MAX_POLLS_PER_PRACTICE", cap))) {
            if (args.length > 9) {
                memory("relay started, nothing parked");
                latency(relay, clients, rounds);
                PollShapes.manyPractices(relay, Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]), Integer.parseInt(args[9]));
                return;
            }
            latency(relay, clients, rounds);
            httpFloor(relay, webhooks, concurrency);
            ingest(relay, webhooks, concurrency, 1);
            ingest(relay, webhooks, concurrency, 4);
            ingestRaw(relay, webhooks, concurrency, 1);
            ingestRaw(relay, webhooks, concurrency * 4, 1);
            ingestRaw(relay, webhooks, concurrency * 4, 4);
            storeIngest(relay, webhooks, concurrency, 1);
            storeIngest(relay, webhooks, concurrency, 4);
            sends(relay, sends, concurrency);
        }
    }

    static void latency(RelayFixture relay, int clients, int rounds) throws Exception {
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        List<Double> wakeMillis = new ArrayList<>();
        List<Double> lastMillis = new ArrayList<>();
        int senders = 0;
        for (int round = 0; round < rounds + 2; round++) {
            long cursor = relay.head(token);
            List<CompletableFuture<Long>> polls = new ArrayList<>(clients);
            for (int i = 0; i < clients; i++) {
                polls.add(relay.getAsync("/api/v1/events?after=" + cursor + "&wait=30", token).thenApply(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                    return System.nanoTime();
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (relay.server.feed().hub().parked() < clients && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            long sent = System.nanoTime();
            HttpResponse<String> r = relay.webhook("/twilio/sms",
                    RelayFixture.inbound(RelayFixture.newSid(), String.format("+1555%07d", 2_000_000 + senders++), practice.number(), "ping"));
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.body());
            }
            long latest = 0;
            for (CompletableFuture<Long> poll : polls) {
                long woke = poll.get(60, TimeUnit.SECONDS);
                latest = Math.max(latest, woke);
                if (round >= 2) {
                    wakeMillis.add((woke - sent) / 1e6);
                }
            }
            if (round >= 2) {
                lastMillis.add((latest - sent) / 1e6);
            }
        }
        Collections.sort(wakeMillis);
        System.out.printf(Locale.ROOT, "webhook -> long-poll wake-up, %d parked clients, %d rounds (%d samples): p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "last client of a round p50 %.1f ms%n",
                clients, rounds, wakeMillis.size(), pct(wakeMillis, 50), pct(wakeMillis, 99), wakeMillis.getLast(), pct(sorted(lastMillis), 50));
    }

    static void ingest(RelayFixture relay, int webhooks, int concurrency, int practices) throws Exception {
        List<TestPractice> targets = newPractices(relay, practices);
        AtomicInteger next = new AtomicInteger();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    for (int n; (n = next.getAndIncrement()) < webhooks; ) {
                        TestPractice p = targets.get(n % practices);
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = relay.webhook("/twilio/sms",
                                RelayFixture.inbound(RelayFixture.newSid(), String.format("+1556%07d", n % 5000), p.number(), "Benchmark text " + n));
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(r.statusCode() + " " + r.body());
                        }
                        millis.add((System.nanoTime() - t0) / 1e6);
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = sorted(millis);
        long stored = relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM message", rs -> rs.getLong(1), new Object[0])).orElseThrow();
        System.out.printf(Locale.ROOT, "signed webhooks ingested (durable commit before 200), %d practice(s), %d concurrent senders: %.0f/s "
                        + "(%d in %.1f s; request p50 %.1f ms, p99 %.1f ms; %d messages stored in all)%n",
                practices, concurrency, webhooks / seconds, webhooks, seconds, pct(sorted, 50), pct(sorted, 99), stored);
    }

    /**
     * The floor the HTTP path and this load generator set on the same cores: {@code GET /health}
     * (no database, no body) as fast as {@code concurrency} senders can.
     */
    static void httpFloor(RelayFixture relay, int requests, int concurrency) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    while (next.getAndIncrement() < requests) {
                        if (relay.get("/health", null).statusCode() != 200) {
                            throw new IllegalStateException("health");
                        }
                    }
                    return null;
                });
            }
        }
        System.out.printf(Locale.ROOT, "HTTP floor: GET /health, %d concurrent senders: %.0f/s%n", concurrency, requests / ((System.nanoTime() - start) / 1e9));
    }

    /**
     * The same signed webhooks as {@link #ingest}, sent by a load generator that costs little:
     * HTTP/1.1 written by hand on {@code concurrency} kept-alive sockets (as a balancer keeps its
     * connections to a node), so the figure is the relay's more than the JDK client's.
     */
    static void ingestRaw(RelayFixture relay, int webhooks, int concurrency, int practices) throws Exception {
        List<TestPractice> targets = newPractices(relay, practices);
        AtomicInteger next = new AtomicInteger();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        int largestBefore = relay.server.webhookIntake().largestBatch();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    try (org.practicetext.relay.RawHttp.KeptAlive connection = new org.practicetext.relay.RawHttp.KeptAlive(relay.server.port())) {
                        for (int n; (n = next.getAndIncrement()) < webhooks; ) {
                            java.util.Map<String, String> params = RelayFixture.inbound(RelayFixture.newSid(), String.format("+1558%07d", n % 5000),
                                    targets.get(n % practices).number(), "Raw text " + n);
                            byte[] form = RelayFixture.form(params).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                            String head = "POST /twilio/sms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                    + "X-Twilio-Signature: " + relay.sign(RelayFixture.PUBLIC_URL + "/twilio/sms", params) + "\r\nContent-Length: "
                                    + form.length + "\r\n\r\n";
                            byte[] request = java.util.Arrays.copyOf(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII), head.length() + form.length);
                            System.arraycopy(form, 0, request, head.length(), form.length);
                            long t0 = System.nanoTime();
                            connection.write(request);
                            String answer = connection.answer();
                            if (!answer.startsWith("HTTP/1.1 200")) {
                                throw new IllegalStateException(answer);
                            }
                            millis.add((System.nanoTime() - t0) / 1e6);
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = sorted(millis);
        System.out.printf(Locale.ROOT, "signed webhooks ingested, raw kept-alive sockets, %d practice(s), %d concurrent senders: %.0f/s "
                        + "(request p50 %.1f ms, p99 %.1f ms; largest batch %d)%n",
                practices, concurrency, webhooks / seconds, pct(sorted, 50), pct(sorted, 99), Math.max(largestBefore, relay.server.webhookIntake().largestBatch()));
    }

    /**
     * Inbound texts handed to the relay's webhook intake by {@code concurrency} threads, without
     * HTTP (no request parsing, signature or load generator): what the store and group commit
     * reach on their own, to set beside the raw commit rate.
     */
    static void storeIngest(RelayFixture relay, int webhooks, int concurrency, int practices) throws Exception {
        List<TestPractice> targets = newPractices(relay, practices);
        AtomicInteger next = new AtomicInteger();
        int largestBefore = relay.server.webhookIntake().largestBatch();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    for (int n; (n = next.getAndIncrement()) < webhooks; ) {
                        java.util.Map<String, List<String>> form = new java.util.LinkedHashMap<>();
                        RelayFixture.inbound(RelayFixture.newSid(), String.format("+1557%07d", n % 5000), targets.get(n % practices).number(), "Store text " + n)
                                .forEach((k, v) -> form.put(k, List.of(v)));
                        if (relay.server.webhookIntake().inbound(org.practicetext.relay.webhook.InboundSms.from(form), form).isEmpty()) {
                            throw new IllegalStateException("not applied");
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "texts applied through the webhook intake without HTTP, %d practice(s), %d threads: %.0f/s (largest batch so far %d, before %d)%n",
                practices, concurrency, webhooks / seconds, relay.server.webhookIntake().largestBatch(), largestBefore);
    }

    private static List<TestPractice> newPractices(RelayFixture relay, int practices) {
        List<TestPractice> targets = new ArrayList<>();
        for (int i = 0; i < practices; i++) {
            targets.add(relay.newPractice());
        }
        return targets;
    }

    static void sends(RelayFixture relay, int sends, int concurrency) throws Exception {
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        java.util.Map<Long, Long> sentAt = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<Long, Long> deliveredAt = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean following = new java.util.concurrent.atomic.AtomicBoolean(true);
        long startCursor = relay.head(token);
        Thread follower = Thread.ofPlatform().name("feed-follower").start(() -> {
            long cursor = startCursor;
            while (following.get()) {
                JsonNode page = relay.read(relay.get("/api/v1/events?after=" + cursor + "&wait=5&limit=1000", token));
                long now = System.nanoTime();
                for (JsonNode e : page.get("events")) {
                    if (e.get("type").asText().equals("message") && e.get("data").get("status").asText().equals("delivered")) {
                        deliveredAt.putIfAbsent(e.get("data").get("id").asLong(), now);
                    }
                }
                cursor = page.get("next").asLong();
            }
        });
        AtomicInteger next = new AtomicInteger();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    for (int n; (n = next.getAndIncrement()) < sends; ) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = relay.postJson("/api/v1/messages", token, java.util.Map.of("clientId", "bench-" + n,
                                "to", String.format("+15572%06d", n), "body", "Your appointment is confirmed for Tuesday at 9:30 AM."));
                        if (r.statusCode() != 202) {
                            throw new IllegalStateException(r.statusCode() + " " + r.body());
                        }
                        long t1 = System.nanoTime();
                        millis.add((t1 - t0) / 1e6);
                        sentAt.put(relay.read(r).get("id").asLong(), t0);
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (deliveredAt.size() < sends && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double allDelivered = (System.nanoTime() - start) / 1e9;
        following.set(false);
        follower.join();
        List<Double> toDelivered = new ArrayList<>();
        sentAt.forEach((id, t0) -> {
            Long t1 = deliveredAt.get(id);
            if (t1 != null) {
                toDelivered.add((t1 - t0) / 1e6);
            }
        });
        Collections.sort(toDelivered);
        List<Double> accept = sorted(millis);
        System.out.printf(Locale.ROOT, "sends accepted through POST /api/v1/messages, %d concurrent senders: %.0f/s (%d in %.1f s; request p50 %.1f ms, p99 %.1f ms)%n",
                concurrency, sends / seconds, sends, seconds, pct(accept, 50), pct(accept, 99));
        System.out.printf(Locale.ROOT, "API call -> delivered event (simulated carrier, no artificial delay): p50 %.0f ms, p99 %.0f ms; %d of %d delivered, all within %.1f s%n",
                pct(toDelivered, 50), pct(toDelivered, 99), toDelivered.size(), sends, allDelivered);
        List<Double> single = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = relay.postJson("/api/v1/messages", token, java.util.Map.of("clientId", "solo-" + i,
                    "to", String.format("+15582%06d", i), "body", "Quiet-time send " + i));
            long id = relay.read(r).get("id").asLong();
            while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20)) {
                boolean done = relay.server.database().read(tx -> tx.queryOne("SELECT status FROM message WHERE id = ?", rs -> rs.getString(1), id))
                        .map("delivered"::equals).orElse(false);
                if (done) {
                    single.add((System.nanoTime() - t0) / 1e6);
                    break;
                }
                Thread.sleep(1);
            }
        }
        Collections.sort(single);
        System.out.printf(Locale.ROOT, "API call -> delivered, one message at a time (50 sends): p50 %.0f ms, p99 %.0f ms%n", pct(single, 50), pct(single, 99));
    }

    /** Heap in use after a full collection, and this process's resident set, in MiB. */
    static String memory(String when) {
        System.gc();
        System.gc();
        long heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String line = String.format(Locale.ROOT, "memory, %s: heap after GC %.0f MiB, resident %.0f MiB", when, heap / 1048576.0, rssKib() / 1024.0);
        System.out.println(line);
        return line;
    }

    static long rssKib() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    static long heapAfterGc() {
        System.gc();
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
