// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/** The many-practices shape of parked long-polls, for {@link RelayBenchmark} (see docs/BENCHMARKS.md, ADR 0019). */
final class PollShapes {
    private PollShapes() {
    }

    static void manyPractices(RelayFixture relay, int practices, int desks, int rate, int seconds) throws Exception {
        List<TestPractice> targets = new ArrayList<>(practices);
        List<String> tokens = new ArrayList<>(practices);
        for (int i = 0; i < practices; i++) {
            TestPractice p = relay.newPractice();
            targets.add(p);
            tokens.add(relay.signIn(p, "staff")); // the desks of a practice share one sign-in (the benchmark lifts the per-token cap)
        }
        long before = RelayBenchmark.heapAfterGc();
        long rssBefore = RelayBenchmark.rssKib();
        AtomicLongArray sentAt = new AtomicLongArray(practices); // nanoTime of the latest webhook's send, per practice
        List<Double> wake = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger cut = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        AtomicInteger answers = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        int polls = practices * desks;
        for (int p = 0; p < practices; p++) {
            long cursor = relay.head(tokens.get(p));
            for (int d = 0; d < desks; d++) {
                poll(relay, tokens.get(p), p, cursor, sentAt, wake, cut, timedOut, answers, running);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (relay.server.feed().hub().parked() < polls && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int parked = relay.server.feed().hub().parked();
        long heap = RelayBenchmark.heapAfterGc();
        long rss = RelayBenchmark.rssKib();
        System.out.printf(Locale.ROOT, "%d polls parked (of %d) over %d practices: heap after GC %.0f MiB (+%.0f MiB, %.1f KiB a poll, client included), "
                        + "resident %.0f MiB (+%.0f MiB)%n", parked, polls, practices, heap / 1048576.0, (heap - before) / 1048576.0,
                (heap - before) / 1024.0 / Math.max(1, parked), rss / 1024.0, (rss - rssBefore) / 1024.0);

        // Idle: all parked, nothing happens.
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(10_000);
        double idleCpu = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - t0);
        System.out.printf(Locale.ROOT, "idle, %d polls parked: process CPU %.1f%% of one core over 10 s (client included)%n", parked, idleCpu * 100);

        List<Double> webhookMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger senders = new AtomicInteger();
        int total = rate * seconds;
        long start = System.nanoTime();
        try (ExecutorService hooks = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < total; n++) {
                long due = start + n * (1_000_000_000L / rate);
                long sleep = due - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                int p = ThreadLocalRandom.current().nextInt(practices);
                hooks.submit(() -> {
                    long sent = System.nanoTime();
                    sentAt.set(p, sent);
                    HttpResponse<String> r = relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(),
                            String.format("+1559%07d", senders.incrementAndGet()), targets.get(p).number(), "ping"));
                    webhookMillis.add((System.nanoTime() - sent) / 1e6);
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    return null;
                });
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000); // the last wake-ups
        long heapAfter = RelayBenchmark.heapAfterGc();
        running.set(false);
        List<Double> w = RelayBenchmark.sorted(wake);
        List<Double> h = RelayBenchmark.sorted(webhookMillis);
        System.out.printf(Locale.ROOT, "%d practices x %d desks, %d webhooks at %d/s in %.1f s: wake-up (webhook sent -> poll answered, %d samples) "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms; webhook answer p50 %.1f ms, p99 %.1f ms; polls cut %d, ended by their wait %d, "
                        + "answers %d; heap after GC at the end %.0f MiB%n", practices, desks, total, rate, took, w.size(),
                w.isEmpty() ? 0 : RelayBenchmark.pct(w, 50), w.isEmpty() ? 0 : RelayBenchmark.pct(w, 99), w.isEmpty() ? 0 : w.getLast(),
                RelayBenchmark.pct(h, 50), RelayBenchmark.pct(h, 99), cut.get(), timedOut.get(), answers.get(), heapAfter / 1048576.0);
    }

    /** One desk: polls, and as soon as it is answered polls again from the page's {@code next}. */
    private static void poll(RelayFixture relay, String token, int practice, long cursor, AtomicLongArray sentAt, List<Double> wake,
                             AtomicInteger cut, AtomicInteger timedOut, AtomicInteger answers, AtomicBoolean running) {
        relay.getAsync("/api/v1/events?after=" + cursor + "&wait=30", token).whenComplete((r, error) -> {
            long now = System.nanoTime();
            long next = cursor;
            if (error != null || r.statusCode() != 200) {
                cut.incrementAndGet();
            } else {
                answers.incrementAndGet();
                JsonNode page = relay.read(r);
                next = page.get("next").asLong();
                if (page.get("events").isEmpty()) {
                    timedOut.incrementAndGet();
                } else {
                    wake.add((now - sentAt.get(practice)) / 1e6);
                }
            }
            if (running.get()) {
                poll(relay, token, practice, next, sentAt, wake, cut, timedOut, answers, running);
            }
        });
    }
}
