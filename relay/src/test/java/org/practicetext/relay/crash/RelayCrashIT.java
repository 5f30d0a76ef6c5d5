// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import org.practicetext.relay.crash.CrashPlan.Crash;
import org.practicetext.relay.crash.CrashPlan.Kind;

/**
 * The crash suite (issue 8, section 5): the packaged relay as a separate process, fed by a stream
 * of signed Twilio webhooks, desk and campaign sends and two following desks, is brought down
 * several times at random moments with {@code kill -9} and SIGTERM and started again on the same
 * data folder, port and node id. Afterwards what the clients were told must agree with what the
 * relay stored and what the carrier (a fake Twilio in this JVM) was asked: see
 * {@link CrashVerdict} for the invariants.
 *
 * <p>Knobs (system properties): {@code crash.seed} replays a schedule, {@code crash.restarts}
 * (default 6), {@code crash.maxUptimeMs} (default 4000), {@code crash.drainSeconds} (default 20),
 * {@code crash.lostAnswerRate} (default 0.05), {@code crash.relayJvmOptions}. The relay's log, the data folder and the report
 * stay in {@code target/crash-it/} for inspection. docs/BENCHMARKS.md has the long run.
 */
@Isolated("it loads the machine on purpose and times its crashes; other classes would only blur both")
class RelayCrashIT {
    private static final Duration SETTLE = Duration.ofSeconds(45);
    private static final Duration TAKE_UP = Duration.ofSeconds(15);

    private final long seed = Long.getLong("crash.seed", new SecureRandom().nextLong());
    private final int restarts = Integer.getInteger("crash.restarts", 6);
    private final long maxUptimeMillis = Long.getLong("crash.maxUptimeMs", 4_000);
    private final int drainSeconds = Integer.getInteger("crash.drainSeconds", 20);
    /**
     * C1 only, the serial collector and class-data sharing (in {@code target/crash-cds/}): the
     * relay starts in seconds even on a CI machine whose two cores are shared.
     */
    private final String relayJvmOptions = System.getProperty("crash.relayJvmOptions", "-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    private final double lostAnswerRate = Double.parseDouble(System.getProperty("crash.lostAnswerRate", "0.05"));

    private final Tally tally = new Tally();
    private final CrashVerdict verdict = new CrashVerdict();
    private final List<String> kills = new ArrayList<>();

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void acknowledgedWorkSurvivesKillsAndStopsExactlyOnce() throws Exception {
        System.out.println("crash suite: seed " + seed + " (replay with -Dcrash.seed=" + seed + "), " + restarts + " restarts");
        Path jar = Path.of("target", "practicetext-relay.jar");
        assertThat(jar).as("the relay jar; run mvn package first").exists();
        Path run = Path.of("target", "crash-it").toAbsolutePath();
        deleteTree(run);
        Files.createDirectories(run);
        Path data = run.resolve("data");
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        long started = System.nanoTime();

        try (FakeTwilio twilio = new FakeTwilio(seed, lostAnswerRate, tally)) {
            Map<String, String> env = Map.of(
                    "PT_CARRIER", "twilio",
                    "TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT,
                    "TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN,
                    "PT_TWILIO_API_BASE", twilio.apiBase(),
                    "PT_PUBLIC_URL", base,
                    "PT_HOST", "127.0.0.1",
                    "PT_PORT", Integer.toString(port),
                    "PT_DATA_DIR", data.toString(),
                    "PT_NODE_ID", "crash-node-1",
                    "PT_LOG_LEVEL", "INFO");
            Path cds = Path.of("target", "crash-cds").toAbsolutePath();
            Files.createDirectories(cds);
            RelayProcess relay = new RelayProcess(jar, run.resolve("relay.log"), port, env, List.of(relayJvmOptions.trim().split("\\s+")), cds);
            StallWatch stalls = new StallWatch(relay.log(), run, relay::pid);
            try {
                List<CrashPractice> practices = setUp(relay);
                relay.start();
                CrashPlan plan = CrashPlan.draw(seed, restarts, maxUptimeMillis);
                System.out.println("crash suite: plan " + plan.crashes());
                Workload workload = new Workload(new RelayWire(base, tally), practices, seed, tally);
                workload.start();
                workload.awaitFirstAcknowledgements(Duration.ofSeconds(30));

                boolean restarted = crashAndRestart(relay, plan, data, run.resolve("inspect"));
                if (restarted) {
                    Thread.sleep(3_000);
                    workload.finish(SETTLE);
                    drain(workload, twilio);
                    workload.compareFollowers(verdict, kills.size());
                }
                workload.stop();
                if (restarted) {
                    int exit = relay.terminate();
                    kills.add("final SIGTERM exit " + exit);
                    verdict.add("SIGTERM stops the relay within 30 s", exit < 0 ? List.of("the final stop hung and was killed") : List.of());
                } else {
                    relay.destroy();
                }

                StoredFacts facts = StoredFacts.read(data);
                Map<String, Long> practiceIds = new HashMap<>();
                facts.practices().forEach(p -> practiceIds.put(p.slug(), p.id()));
                verdict.judgeInbound(workload.inbound().all(), facts, practiceIds);
                verdict.judgeOutbound(workload.sends(), facts, twilio.created(), practiceIds);
                verdict.judgeFeed(facts);
                if (restarted && startAgain(relay, "after the final SIGTERM")) {
                    judgeTakeUp(workload, facts, practiceIds);
                    verdict.add("the relay serves normally after the run", workload.probe(twilio));
                    relay.terminate();
                }
            } finally {
                stalls.close();
                relay.destroy();
            }
            stalls.dumps().forEach(dump -> System.out.println("crash suite: the relay's log showed a database stall; thread dump " + dump));

            String report = CrashReport.render(seed, restarts, kills, Duration.ofNanos(System.nanoTime() - started), relay, twilio, tally, verdict);
            System.out.println(report);
            Files.writeString(run.resolve("report.txt"), report);
            assertThat(verdict.findings()).as(report).isEmpty();
        }
    }

    /** Two practices with a number and a desk user each, the second with an API key for its reminder system. */
    static List<CrashPractice> setUp(RelayProcess relay) throws IOException, InterruptedException {
        List<CrashPractice> practices = new ArrayList<>();
        String[] slugs = {"crash-alpha", "crash-beta"};
        for (int i = 0; i < slugs.length; i++) {
            CrashPractice p = CrashPractice.of(slugs[i], i, 12);
            relay.admin(null, "practice", "create", "--slug", p.slug(), "--name", "Crash Practice " + (i + 1));
            relay.admin(null, "number", "add", "--practice", p.slug(), "--number", p.number());
            relay.admin(p.password(), "user", "create", "--practice", p.slug(), "--username", p.username(), "--name", "Crash Desk",
                    "--role", "staff", "--password-stdin");
            practices.add(p);
        }
        String out = relay.admin(null, "apikey", "create", "--practice", slugs[1], "--name", "Crash reminders");
        String key = out.lines().filter(l -> l.startsWith("ptk_")).reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no API key in: " + out));
        practices.set(1, practices.get(1).withApiKey(key));
        return practices;
    }

    /** Runs the plan; false (with a finding) when the relay did not come back after a crash. */
    private boolean crashAndRestart(RelayProcess relay, CrashPlan plan, Path data, Path scratch) throws IOException, InterruptedException {
        List<String> behind = new ArrayList<>();
        Set<String> alreadyBehind = new HashSet<>();
        try {
            for (int i = 0; i < plan.crashes().size(); i++) {
                Crash crash = plan.crashes().get(i);
                Thread.sleep(crash.uptimeMillis());
                bringDown(relay, crash.kind());
                checkCounters(data, scratch, "after crash " + (i + 1) + " of " + plan.crashes().size() + " (" + crash + ")", behind, alreadyBehind);
                if (!startAgain(relay, "after " + kills.getLast())) {
                    return false;
                }
            }
            return true;
        } finally {
            verdict.add("the counter invariant holds after every kill and stop (a copy of the file, checked before each restart; "
                    + "first time per practice)", behind);
        }
    }

    /** Finds the crash after which a practice's feed counter is first below its newest event. */
    private void checkCounters(Path data, Path scratch, String when, List<String> behind, Set<String> alreadyBehind) throws IOException {
        try {
            for (StoredFacts.PracticeRow p : StoredFacts.countersOfCopy(data, scratch)) {
                if (p.lastSeq() < p.maxSeq() && alreadyBehind.add(p.slug())) {
                    behind.add(when + ": " + p.slug() + " last_seq " + p.lastSeq() + " < MAX(feed_event.seq) " + p.maxSeq());
                }
            }
        } catch (SQLException e) {
            behind.add(when + ": the copy of the file could not be read (" + e.getMessage() + ")");
        }
    }

    private boolean startAgain(RelayProcess relay, String when) throws IOException, InterruptedException {
        try {
            relay.start();
            return true;
        } catch (IllegalStateException e) {
            verdict.add("the relay starts again after every crash", List.of(when + ": " + e.getMessage()));
            return false;
        }
    }

    /**
     * The messages the stopped relay left in {@code checking} or {@code handing} must be taken up
     * by the restarted node at once (it is their owner), not when the claim's lease runs out.
     */
    private void judgeTakeUp(Workload workload, StoredFacts facts, Map<String, Long> practiceIds) {
        Map<Long, String> slugs = new HashMap<>();
        practiceIds.forEach((slug, id) -> slugs.put(id, slug));
        List<StoredFacts.MessageRow> interrupted = facts.messages().stream()
                .filter(m -> m.direction().equals("out") && List.of("checking", "handing").contains(m.dispatchState())).toList();
        verdict.add("a restarted relay takes up its own interrupted hand-offs at once (within " + TAKE_UP.toSeconds()
                        + " s of the start, not after the claim's 2-minute lease)",
                workload.notTakenUp(interrupted, slugs, TAKE_UP).stream()
                        .map(m -> "message " + m.id() + " (" + m.dispatchState() + ", claimed by " + m.claimedBy() + ", next attempt at "
                                + m.nextAttemptAt() + ")").toList());
    }

    private void bringDown(RelayProcess relay, Kind kind) throws IOException, InterruptedException {
        if (kind == Kind.SIGKILL) {
            kills.add("SIGKILL exit " + relay.kill());
        } else {
            int exit = relay.terminate();
            kills.add("SIGTERM exit " + exit);
            verdict.add("SIGTERM stops the relay within 30 s", exit < 0 ? List.of("a SIGTERM stop hung and was killed") : List.of());
        }
    }

    /**
     * Gives the relay time to finish what it owes, at most {@code crash.drainSeconds}: every
     * accepted message handed over or given up (a message the relay is still checking on after an
     * uncertain hand-off may take longer; the verdict allows that), every status report delivered,
     * and every webhook it recorded in its journal applied. The journal is judged, not waited for
     * without end: a text still only in the journal after the drain is named by the verdict as
     * recorded but not applied, apart from the texts that were lost.
     */
    private void drain(Workload workload, FakeTwilio twilio) {
        long began = System.nanoTime();
        long deadline = began + TimeUnit.SECONDS.toNanos(drainSeconds);
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
