// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicetext.core.Role;
import org.practicetext.relay.RawHttp;
import org.practicetext.relay.RelayConfig;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayServer;
import org.practicetext.relay.TestStore;
import org.practicetext.relay.auth.Tokens;
import org.practicetext.relay.store.SessionTokens;
import org.practicetext.relay.store.Users;
import org.practicetext.relay.webhook.TwilioSignature;

/**
 * Issue 12's parked-polls shape with the relay and the desks in separate processes (ADR 0019,
 * docs/BENCHMARKS.md): the packaged relay runs in a JVM of its own ({@link RelayJvm}), so its
 * resident set, heap and CPU are its own; the desks are {@link RawDesks} in this JVM, one socket
 * each. {@code practices} practices with {@code desks} desks each (each desk its own sign-in) park
 * a long-poll and re-poll the moment they are answered, while signed webhooks land on random
 * practices at {@code rate} a second for {@code seconds} seconds.
 *
 * <p>Arguments: {@code store practices desks rate seconds} ({@code h2} or {@code postgres}, which
 * needs {@code PT_TEST_POSTGRES_URL} as the tests do). The relay's JVM options are the system
 * property {@code bench.relayJvm} (space-separated; default none, the JVM's own ergonomics).
 * Needs {@code target/practicetext-relay.jar} ({@code package}), or another build's jar named by
 * {@code bench.jar} (a before/after comparison).
 */
public final class ParkedPollsBenchmark {
    private static final int SENDERS = 8;
    private static final Pattern BUCKET = Pattern.compile("(?m)^pt_feed_wakeup_seconds_bucket\\{le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)");

    private ParkedPollsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String storeName = args.length > 0 ? args[0] : "h2";
        int practices = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int desks = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        List<String> jvm = Arrays.stream(System.getProperty("bench.relayJvm", "").split(" ")).filter(s -> !s.isBlank()).toList();
        System.setProperty(TestStore.PROPERTY, storeName);
        Path jar = Path.of(System.getProperty("bench.jar", "relay/target/practicetext-relay.jar")); // exec:java runs in the reactor's root
        if (!Files.exists(jar)) {
            jar = Path.of("target", "practicetext-relay.jar");
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: ./mvnw -o -B -q package -pl relay -am -DskipTests");
        }
        Path dir = Files.createTempDirectory("pt-polls");
        Map<String, String> env = environment(dir);
        int polls = practices * desks;
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s; store %s; relay JVM options %s%n", Runtime.getRuntime().availableProcessors(),
                loadAverage(), storeName, jvm.isEmpty() ? "(none)" : String.join(" ", jvm));

        List<String> numbers = new ArrayList<>(practices);
        List<String> tokens = new ArrayList<>(polls);
        int[] practiceOf = new int[polls];
        setUp(env, practices, desks, numbers, tokens, practiceOf);

        try (RelayJvm relay = RelayJvm.start(jar, jvm, env, dir.resolve("relay.log"))) {
            System.out.printf(Locale.ROOT, "relay pid %d, max heap %s%n", relay.pid(), maxHeap(relay));
            memory(relay, "started, nothing parked");
            try (RawDesks desksOf = new RawDesks(relay.port(), practices, tokens, practiceOf, 30)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (relay.parked() < polls && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                Thread.sleep(1000);
                int parked = relay.parked();
                memory(relay, parked + " polls parked");
                Path histogram = dir.resolve("histogram-parked.txt");
                Files.writeString(histogram, relay.histogram(40), StandardCharsets.UTF_8);
                System.out.println("class histogram, all parked: " + histogram);
                nativeMemory(relay, jvm, dir.resolve("native-memory-parked.txt"));

                double cpu0 = relay.cpuSeconds();
                long t0 = System.nanoTime();
                Thread.sleep(10_000);
                double idle = (relay.cpuSeconds() - cpu0) / ((System.nanoTime() - t0) / 1e9);
                System.out.printf(Locale.ROOT, "idle, %d polls parked: relay CPU %.1f%% of one core over 10 s; load average %s%n", relay.parked(), idle * 100,
                        loadAverage());

                Map<Double, Double> bucketsBefore = buckets(relay.metrics());
                int answersBefore = desksOf.answers();
                int waitsBefore = desksOf.endedByWait();
                double cpu1 = relay.cpuSeconds();
                long start = System.nanoTime();
                double[] webhookMillis = webhooks(relay.port(), numbers, desksOf, rate, seconds);
                double took = (System.nanoTime() - start) / 1e9;
                double busy = (relay.cpuSeconds() - cpu1) / took;
                Thread.sleep(2000); // the last wake-ups
                double[] wake = desksOf.wakeMillis();
                Map<Double, Double> buckets = buckets(relay.metrics());
                buckets.replaceAll((le, count) -> count - bucketsBefore.getOrDefault(le, 0.0));
                System.out.printf(Locale.ROOT, "%d practices x %d desks, %d webhooks at %d/s in %.1f s (relay CPU %.0f%% of one core; load average %s):%n"
                                + "  wake-up, webhook sent -> poll answered (%d samples): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                                + "  the relay's own share (pt_feed_wakeup, commit -> answer written, bucket bounds): p50 <= %s ms, p99 <= %s ms%n"
                                + "  webhook answer p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                                + "  polls cut %d, ended by their wait %d, answers %d%n",
                        practices, desks, webhookMillis.length, rate, took, busy * 100, loadAverage(), wake.length, pct(wake, 50), pct(wake, 99),
                        wake.length == 0 ? 0 : wake[wake.length - 1], bucketPct(buckets, 50), bucketPct(buckets, 99), pct(webhookMillis, 50),
                        pct(webhookMillis, 99), webhookMillis[webhookMillis.length - 1], desksOf.cut(), desksOf.endedByWait() - waitsBefore,
                        desksOf.answers() - answersBefore);
                memory(relay, "after the webhooks, " + relay.parked() + " parked");
                Path after = dir.resolve("histogram-after.txt");
                Files.writeString(after, relay.histogram(40), StandardCharsets.UTF_8);
                System.out.println("class histogram, after the webhooks: " + after);
                nativeMemory(relay, jvm, dir.resolve("native-memory-after.txt"));
            }
            if (!relay.alive()) {
                System.out.println("the relay died; see " + relay.log());
            }
        } finally {
            TestStore.current().release(dir);
        }
    }

    private static Map<String, String> environment(Path dir) {
        Map<String, String> env = new HashMap<>(Map.of("PT_HOST", "127.0.0.1", "PT_DATA_DIR", dir.toString(), "PT_PUBLIC_URL", RelayFixture.PUBLIC_URL,
                "PT_CARRIER", "simulated", "PT_SIMULATED_STEP_MS", "0", "TWILIO_AUTH_TOKEN", RelayFixture.AUTH_TOKEN));
        env.putAll(TestStore.current().environment(dir));
        return env;
    }

    /**
     * Practices, one staff member each and a sign-in per desk, written by a relay in this JVM that
     * is stopped before the measured one starts. The sign-ins are stored as a sign-in stores them,
     * without the password check (thousands of Argon2 hashes would take minutes on two cores).
     */
    private static void setUp(Map<String, String> env, int practices, int desks, List<String> numbers, List<String> tokens, int[] practiceOf) {
        Map<String, String> setupEnv = new HashMap<>(env);
        setupEnv.put("PT_PORT", "0");
        long began = System.nanoTime();
        try (RelayServer setup = new RelayServer(RelayConfig.fromEnvironment(setupEnv), Clock.systemUTC()).start()) {
            Users users = new Users();
            SessionTokens sessions = new SessionTokens();
            Instant now = Instant.now();
            for (int p = 0; p < practices; p++) {
                String slug = "bench-" + p;
                String number = String.format(Locale.ROOT, "+1555%07d", 3_000_000 + p);
                long practiceId = setup.tenancy().createPractice(slug, "Practice " + p, "US", "America/Chicago").id();
                setup.tenancy().addNumber(slug, number, null);
                numbers.add(number);
                int first = tokens.size();
                for (int d = 0; d < desks; d++) {
                    tokens.add(Tokens.newSecret("pt_"));
                    practiceOf[first + d] = p;
                }
                setup.database().inTransaction(tx -> {
                    long userId = users.create(tx, practiceId, "staff", "Staff", Role.STAFF, "not-a-password-hash", null, now).id();
                    for (String token : tokens.subList(first, first + desks)) {
                        sessions.create(tx, Tokens.hash(token), userId, practiceId, now, now.plus(Duration.ofDays(1)));
                    }
                    return null;
                });
            }
        }
        System.out.printf(Locale.ROOT, "set up %d practices, %d sign-ins in %.1f s%n", practices, tokens.size(), (System.nanoTime() - began) / 1e9);
    }

    /** Signed inbound webhooks on random practices at {@code rate} a second, over {@link #SENDERS} kept-alive connections; their answer times. */
    private static double[] webhooks(int port, List<String> numbers, RawDesks desks, int rate, int seconds) throws Exception {
        TwilioSignature signature = new TwilioSignature(RelayFixture.AUTH_TOKEN);
        BlockingQueue<Integer> due = new LinkedBlockingQueue<>();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        List<Thread> senders = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger patients = new java.util.concurrent.atomic.AtomicInteger();
        for (int s = 0; s < SENDERS; s++) {
            senders.add(Thread.ofVirtual().start(() -> {
                try (RawHttp.KeptAlive connection = new RawHttp.KeptAlive(port)) {
                    for (int p; (p = due.take()) >= 0; ) {
                        Map<String, String> params = RelayFixture.inbound(RelayFixture.newSid(), String.format(Locale.ROOT, "+1559%07d", patients.incrementAndGet()),
                                numbers.get(p), "ping");
                        byte[] form = RelayFixture.form(params).getBytes(StandardCharsets.UTF_8);
                        Map<String, List<String>> signed = new HashMap<>();
                        params.forEach((k, v) -> signed.put(k, List.of(v)));
                        String head = "POST /twilio/sms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: "
                                + signature.sign(RelayFixture.PUBLIC_URL + "/twilio/sms", signed) + "\r\nContent-Length: " + form.length + "\r\n\r\n";
                        byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + form.length);
                        System.arraycopy(form, 0, request, head.length(), form.length);
                        long sent = System.nanoTime();
                        desks.sent(p);
                        connection.write(request);
                        String answer = connection.answer();
                        millis.add((System.nanoTime() - sent) / 1e6);
                        if (!answer.startsWith("HTTP/1.1 200")) {
                            throw new IllegalStateException("webhook answered " + answer.lines().findFirst().orElse(""));
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        int total = rate * seconds;
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long sleep = start + n * (1_000_000_000L / rate) - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            due.add(ThreadLocalRandom.current().nextInt(numbers.size()));
        }
        for (int s = 0; s < SENDERS; s++) {
            due.add(-1);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static void memory(RelayJvm relay, String when) throws Exception {
        long heap = relay.heapAfterGcKib();
        long[] resident = relay.residentKib();
        System.out.printf(Locale.ROOT, "relay, %s: heap after GC %.0f MiB, resident %.0f MiB (peak so far %.0f MiB); load average %s%n", when, heap / 1024.0,
                resident[0] / 1024.0, resident[1] / 1024.0, loadAverage());
    }

    /** With {@code -XX:NativeMemoryTracking=summary} among the relay's options, its summary into {@code file}. */
    private static void nativeMemory(RelayJvm relay, List<String> jvm, Path file) throws Exception {
        if (jvm.stream().anyMatch(option -> option.startsWith("-XX:NativeMemoryTracking="))) {
            Files.writeString(file, relay.jcmd("VM.native_memory summary"), StandardCharsets.UTF_8);
            System.out.println("native memory: " + file);
        }
    }

    private static String maxHeap(RelayJvm relay) throws Exception {
        Matcher max = Pattern.compile("MaxHeapSize\\s*=\\s*(\\d+)").matcher(relay.jcmd("VM.flags -all"));
        return max.find() ? Long.parseLong(max.group(1)) / 1048576 + " MiB" : "?";
    }

    private static Map<Double, Double> buckets(String metrics) {
        Map<Double, Double> buckets = new TreeMap<>();
        Matcher m = BUCKET.matcher(metrics);
        while (m.find()) {
            buckets.put(m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
        }
        return buckets;
    }

    /** The upper bound, in ms, of the cumulative bucket that holds the {@code percentile}th value. */
    private static String bucketPct(Map<Double, Double> buckets, int percentile) {
        double total = buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        for (Map.Entry<Double, Double> b : buckets.entrySet()) {
            if (total > 0 && b.getValue() >= total * percentile / 100.0) {
                return String.format(Locale.ROOT, "%.1f", b.getKey() * 1000);
            }
        }
        return "?";
    }

    private static double pct(double[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
