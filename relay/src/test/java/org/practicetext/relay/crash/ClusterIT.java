// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import org.practicetext.protocol.Json;
import org.practicetext.relay.TestPostgres;
import org.practicetext.relay.TestPostgres.TestDatabase;

/**
 * Issue 12's cluster run: three packaged relay processes on one PostgreSQL database behind a real
 * HAProxy (Debian's {@code /usr/sbin/haproxy}, started by the test with a generated config:
 * round-robin, health check on {@code /ready}, {@code option redispatch} and retries, client and
 * server timeouts well above the 30-second poll wait). The crash suite's workload (signed Twilio
 * webhooks from several threads, Twilio's status callbacks, desks' outboxes that retry with the
 * same clientId, a reminder system, following desks) goes through the balancer while node 1 is
 * killed with {@code kill -9} and node 2 is stopped with SIGTERM; node 1 then starts again with
 * its node id. Afterwards {@link CrashVerdict} judges the database, the fake Twilio's records and
 * the desks' copies: every acknowledged text stored once, every accepted send stored once and
 * created at the carrier at most once, every desk's feed complete and without repeats.
 *
 * <p>Before the traffic, a poll parked directly on node 3 is woken by a webhook posted directly to
 * node 1 (LISTEN/NOTIFY, ADR 0016); the wake-ups' p50/p99 are printed, not asserted. Needs
 * PostgreSQL ({@code PT_TEST_POSTGRES_URL}) and HAProxy; skips without either, and fails instead
 * when {@code PT_REQUIRE_POSTGRES} is set (CI). The logs, haproxy.cfg and the report stay in
 * {@code target/cluster-it/}.
 */
@Isolated("three relay JVMs and a balancer on a shared machine; other classes would only blur the run")
class ClusterIT {
    private static final int NODES = 3;
    private static final int WAKE_ROUNDS = 15;
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String HAPROXY = System.getProperty("cluster.haproxy", "/usr/sbin/haproxy");

    private final long seed = Long.getLong("cluster.seed", new SecureRandom().nextLong());
    private final String relayJvmOptions = System.getProperty("cluster.relayJvmOptions", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    private final Tally tally = new Tally();
    private final CrashVerdict verdict = new CrashVerdict();
    private final List<String> events = new ArrayList<>();
    private final List<String> kills = new ArrayList<>();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void threeNodesBehindHaproxyLoseAndDuplicateNothingWhenOneIsKilledAndOneStopped() throws Exception {
        requireParts();
        Path jar = Path.of("target", "practicetext-relay.jar");
        assertThat(jar).as("the relay jar; run mvn package first").exists();
        Path run = Path.of("target", "cluster-it").toAbsolutePath();
        deleteTree(run);
        Files.createDirectories(run);
        // Its own class-data archives: RelayCrashIT runs at the same time (parallel classes) and
        // -XX:+AutoCreateSharedArchive rewrites a shared archive file that another JVM is using.
        Path cds = Path.of("target", "cluster-cds").toAbsolutePath();
        Files.createDirectories(cds);
        long started = System.nanoTime();
        System.out.println("cluster suite: seed " + seed + " (replay with -Dcluster.seed=" + seed + ")");

        int balancerPort = freePort();
        String balancer = "http://127.0.0.1:" + balancerPort;
        List<RelayProcess> nodes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        Process haproxy = null;
        try (TestDatabase database = TestPostgres.require().newDatabase();
             FakeTwilio twilio = new FakeTwilio(seed, 0.05, tally)) {
            for (int i = 1; i <= NODES; i++) {
                int port = freePort();
                ports.add(port);
                Map<String, String> env = new HashMap<>(database.environment());
                env.putAll(Map.of(
                        "PT_CARRIER", "twilio",
                        "TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT,
                        "TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN,
                        "PT_TWILIO_API_BASE", twilio.apiBase(),
                        "PT_PUBLIC_URL", balancer,
                        "PT_HOST", "127.0.0.1",
                        "PT_PORT", Integer.toString(port),
                        "PT_DATA_DIR", run.resolve("data-" + i).toString(),
                        "PT_NODE_ID", "cluster-node-" + i,
                        "PT_TRUSTED_PROXIES", "127.0.0.1"));
                env.put("PT_SHUTDOWN_SECONDS", "10");
                env.put("PT_LOG_LEVEL", "INFO");
                nodes.add(new RelayProcess(jar, run.resolve("node-" + i + ".log"), port, env, List.of(relayJvmOptions.trim().split("\\s+")), cds));
            }
            // The admin commands write to PostgreSQL beside the starting nodes: both take seconds of JVM start-up each.
            CompletableFuture<Void> starting = startAll(nodes);
            List<CrashPractice> practices = RelayCrashIT.setUp(nodes.get(0));
            starting.get(3, TimeUnit.MINUTES);
            haproxy = startHaproxy(run, balancerPort, ports);
            events.add("three nodes and the balancer up after " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");

            measureWakeUps(practices.get(0), ports.get(0), ports.get(2), balancer);

            Workload workload = new Workload(new RelayWire(balancer, tally), practices, seed, tally);
            workload.start();
            workload.awaitFirstAcknowledgements(Duration.ofSeconds(30));
            Thread.sleep(2_000);
            kills.add("SIGKILL exit " + nodes.get(0).kill() + " (node 1)");
            Thread.sleep(2_000);
            int stopped = nodes.get(1).terminate();
            kills.add("SIGTERM exit " + stopped + " (node 2)");
            verdict.add("SIGTERM stops a node within its bound", stopped == RelayProcess.SIGTERM_EXIT ? List.of() : List.of("node 2 exited " + stopped));
            Thread.sleep(2_000);
            nodes.get(0).start();
            events.add("node 1 started again with its node id");
            Thread.sleep(2_000);

            workload.finish(SETTLE);
            drain(workload, twilio, Duration.ofSeconds(20));
            workload.compareFollowers(verdict, 0);
            workload.stop();
            for (int i : new int[] {0, 2}) {
                int exit = nodes.get(i).terminate();
                kills.add("final SIGTERM exit " + exit + " (node " + (i + 1) + ")");
            }

            StoredFacts facts;
            try (Connection c = database.connect()) {
                facts = StoredFacts.read(c);
            }
            Map<String, Long> practiceIds = new HashMap<>();
            facts.practices().forEach(p -> practiceIds.put(p.slug(), p.id()));
            verdict.judgeInbound(workload.inbound().all(), facts, practiceIds);
            verdict.judgeOutbound(workload.sends(), facts, twilio.created(), practiceIds);
            verdict.judgeFeed(facts);
            // HAProxy's own 502/503 (a node killed under a request, none up for a moment) is the client's "no answer", retried.
            // So is a stopping relay's 503 to a new request on a connection the balancer kept open (docs/DEPLOYMENT.md,
            // "Stopping", step 3), counted here; any other 5xx from a relay (JSON, not the balancer's HTML page) is a bug.
            List<String> relayErrors = new ArrayList<>();
            long stopping503 = 0;
            for (Map.Entry<String, List<String>> e : tally.serverErrorSamples().entrySet()) {
                for (String body : e.getValue()) {
                    if (body.startsWith("<html>")) {
                        continue;
                    } else if (e.getKey().endsWith(" 503")) {
                        stopping503++;
                    } else {
                        relayErrors.add(e.getKey() + ": " + body);
                    }
                }
            }
            verdict.figure("relay 503 while stopping, retried by the client (samples)", stopping503);
            verdict.add("no relay answers 5xx other than a stopping node's 503 (the balancer's own 502/503 aside)", relayErrors);

            String report = "cluster suite: " + String.join("; ", events) + "\n"
                    + CrashReport.render(seed, 1, kills, Duration.ofNanos(System.nanoTime() - started), nodes.get(0), twilio, tally, verdict);
            System.out.println(report);
            Files.writeString(run.resolve("report.txt"), report);
            assertThat(verdict.findings()).as(report).isEmpty();
        } finally {
            for (RelayProcess node : nodes) {
                node.destroy();
            }
            if (haproxy != null) {
                haproxy.destroy();
                haproxy.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** PostgreSQL and HAProxy, or a skip; in CI ({@code PT_REQUIRE_POSTGRES}) a failure naming what is missing. */
    private static void requireParts() {
        List<String> missing = new ArrayList<>();
        if (TestPostgres.configured().isEmpty()) {
            missing.add(TestPostgres.SKIP_MESSAGE);
        }
        if (!Files.isExecutable(Path.of(HAPROXY))) {
            missing.add("HAProxy is not installed at " + HAPROXY + " (apt-get install haproxy; .ci/run does)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "cluster suite needs PostgreSQL and HAProxy: " + String.join("; ", missing);
        if (TestPostgres.required()) {
            throw new IllegalStateException(message + " (" + TestPostgres.REQUIRE_ENV + " is set, so this fails instead of skipping)");
        }
        Assumptions.abort(message);
    }

    /** Starts every node at once, each on a thread of its own (the common pool has one worker on two cores). */
    private static CompletableFuture<Void> startAll(List<RelayProcess> nodes) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (RelayProcess node : nodes) {
            starts.add(CompletableFuture.runAsync(() -> {
                try {
                    node.start();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }, task -> Thread.ofPlatform().name("start-" + node.log().getFileName()).start(task)));
        }
        return CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new));
    }

    /**
     * The balancer: round-robin over the nodes, each checked on {@code /ready} every second and
     * given 2 s to answer (a busy node on a shared CI machine is slow, not down; a stopping node
     * answers 503 there, a killed one refuses the connection); a request whose connection fails,
     * that gets no answer, or that a stopping node answers 503 on a kept-alive connection (before
     * its check has seen it stop) is retried on another node ({@code retry-on}, {@code redispatch}:
     * webhooks and sends are idempotent by MessageSid and clientId); client and server timeouts of 65 s, so
     * a 30-second long-poll is never cut by the balancer.
     */
    static String haproxyConfig(int balancerPort, List<Integer> nodePorts) {
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 1024
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 65s
                    timeout server 65s
                    timeout http-request 10s
                    timeout http-keep-alive 10s
                    timeout queue 10s
                    timeout check 2s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response 503
                    option forwardfor
                    option http-buffer-request
                frontend relays_in
                """);
        cfg.append("    bind 127.0.0.1:").append(balancerPort).append('\n');
        cfg.append("""
                    default_backend relays
                backend relays
                    balance roundrobin
                    option httpchk GET /ready
                    http-check expect status 200
                    default-server inter 1s fastinter 250ms downinter 500ms fall 2 rise 2
                """);
        for (int i = 0; i < nodePorts.size(); i++) {
            cfg.append("    server node").append(i + 1).append(" 127.0.0.1:").append(nodePorts.get(i)).append(" check\n");
        }
        return cfg.toString();
    }

    private Process startHaproxy(Path run, int balancerPort, List<Integer> nodePorts) throws IOException, InterruptedException {
        Path cfg = run.resolve("haproxy.cfg");
        Files.writeString(cfg, haproxyConfig(balancerPort, nodePorts), StandardCharsets.UTF_8);
        Process haproxy = new ProcessBuilder(HAPROXY, "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(run.resolve("haproxy.log").toFile()).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int up = 0;
        while (System.nanoTime() < deadline) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("haproxy exited " + haproxy.exitValue() + ": " + Files.readString(run.resolve("haproxy.log")));
            }
            // Every node seen through the balancer once round-robin has passed them all: the checks have marked them up.
            up = 0;
            for (int i = 0; i < nodePorts.size(); i++) {
                try {
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancerPort + "/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    up += ready.statusCode() == 200 ? 1 : 0;
                } catch (IOException e) {
                    // not listening yet
                }
            }
            if (up == nodePorts.size()) {
                Thread.sleep(2_000); // rise 2 at 1 s for every server
                return haproxy;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the balancer did not answer /ready within 30 s (" + up + " of " + nodePorts.size() + ")");
    }

    /**
     * A desk's poll parked on node 3, a webhook posted to node 1 (signed for the public URL, the
     * balancer's, as Twilio signs it): the time from posting the webhook to the poll's answer,
     * p50/p99 printed. The poll must carry the new text, or the round is a finding.
     */
    private void measureWakeUps(CrashPractice practice, int webhookPort, int pollPort, String balancer) throws Exception {
        RelayWire pollWire = new RelayWire("http://127.0.0.1:" + pollPort, new Tally());
        DeskSession desk = new DeskSession(pollWire, practice);
        String token = desk.token().orElseThrow(() -> new IllegalStateException("the desk could not sign in on node 3"));
        InboundStream webhooks = new InboundStream(new RelayWire("http://127.0.0.1:" + webhookPort, tally), balancer, List.of(practice),
                "+15553990000", seed, tally);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long after = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(pollWire.base() + "/api/v1/events?after=0&limit=1000"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body()).get("next").asLong();
        List<Long> micros = new ArrayList<>();
        List<Long> afterAck = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (int round = 0; round < WAKE_ROUNDS; round++) {
            CompletableFuture<HttpResponse<String>> poll = http.sendAsync(HttpRequest.newBuilder(
                    URI.create(pollWire.base() + "/api/v1/events?after=" + after + "&wait=30")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300); // parked before the text arrives
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            String sid = "SM" + HexFormat.of().formatHex(bytes);
            long posted = System.nanoTime();
            webhooks.deliverOne(practice, sid, "Cluster wake-up " + round);
            long acknowledged = System.nanoTime();
            HttpResponse<String> page = poll.get(35, TimeUnit.SECONDS);
            long woke = System.nanoTime();
            if (page.statusCode() != 200 || !page.body().contains(sid)) {
                // The webhook's event may follow in the next page if the poll answered first with another event.
                missed.add("round " + round + ": HTTP " + page.statusCode() + " without " + sid);
            } else {
                micros.add(TimeUnit.NANOSECONDS.toMicros(woke - posted));
                afterAck.add(TimeUnit.NANOSECONDS.toMicros(Math.max(0, woke - acknowledged)));
            }
            after = Json.mapper().readTree(page.body()).path("next").asLong(after);
        }
        verdict.add("a webhook on node 1 wakes a poll parked on node 3 with the new text", missed);
        if (!micros.isEmpty()) {
            long p50 = percentile(micros, 50);
            long p99 = percentile(micros, 99);
            verdict.figure("cross-node wake-up p50 (us, webhook posted on node 1 to poll answered on node 3)", p50);
            verdict.figure("cross-node wake-up p99 (us)", p99);
            verdict.figure("cross-node wake-up after the webhook's 200, p50 (us)", percentile(afterAck, 50));
            events.add("cross-node wake-up over " + micros.size() + " rounds: p50 " + p50 / 1000.0 + " ms, p99 " + p99 / 1000.0
                    + " ms from posting the webhook; p50 " + percentile(afterAck, 50) / 1000.0 + " ms, p99 " + percentile(afterAck, 99) / 1000.0
                    + " ms after its 200");
        }
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1)));
    }

    /** As the crash suite's drain: accepted sends handed over, status reports delivered, the webhook journal applied; at most {@code limit}. */
    private void drain(Workload workload, FakeTwilio twilio, Duration limit) {
        long began = System.nanoTime();
        long deadline = began + limit.toNanos();
        long waiting = Long.MAX_VALUE;
        long journal = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            waiting = workload.outboundNotYetHanded() + twilio.reports().inFlight();
            journal = workload.webhooksNotYetApplied();
            if (waiting == 0 && journal == 0) {
                break;
            }
            RelayWire.pause(500);
        }
        verdict.figure("drain: still waiting at the end (outbound not handed + reports in flight)", waiting);
        verdict.figure("drain: webhooks recorded but not applied at the end", journal);
        verdict.figure("drain: took (ms)", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
