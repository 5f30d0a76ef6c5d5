// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.practicetext.protocol.Json;

/**
 * Everyone who talks to the relay during the crash suite: Twilio's inbound webhooks, two desks'
 * outboxes per practice, a reminder system on practices with an API key, and one following desk
 * per practice. Reads made only to judge the run (snapshots, the drain check) go over their own
 * wire, so they do not count as workload.
 */
final class Workload {
    private static final String UNKNOWN_NUMBER = "+15553990000";
    /** Enough webhooks in flight that a kill or stop lands in the middle of several transactions. */
    private static final int INBOUND_SENDERS = 6;

    private final List<CrashPractice> practices;
    private final Tally tally;
    private final RelayWire checks;
    private final InboundStream inbound;
    private final Map<String, DeskOutbox.Send> ledger = new ConcurrentHashMap<>();
    private final List<DeskOutbox> outboxes = new ArrayList<>();
    private final Map<String, FollowingDesk> followers = new LinkedHashMap<>();
    private final Map<String, DeskSession> checkSessions = new LinkedHashMap<>();

    Workload(RelayWire wire, List<CrashPractice> practices, long seed, Tally tally) {
        this.practices = practices;
        this.tally = tally;
        this.checks = new RelayWire(wire.base(), new Tally());
        this.inbound = new InboundStream(wire, wire.base(), practices, UNKNOWN_NUMBER, seed, tally);
        long n = 0;
        for (CrashPractice p : practices) {
            for (int desk = 1; desk <= 2; desk++) {
                outboxes.add(new DeskOutbox(wire, new DeskSession(wire, p), DeskOutbox.Channel.DESK, p.slug() + "-desk" + desk, seed + (++n), tally, ledger));
            }
            if (p.apiKey() != null) {
                outboxes.add(new DeskOutbox(wire, new DeskSession(wire, p), DeskOutbox.Channel.CAMPAIGN, p.slug() + "-reminders", seed + (++n), tally, ledger));
            }
            followers.put(p.slug(), new FollowingDesk(wire, new DeskSession(wire, p), tally, p.slug()));
            checkSessions.put(p.slug(), new DeskSession(checks, p));
        }
    }

    void start() {
        inbound.start(INBOUND_SENDERS);
        outboxes.forEach(DeskOutbox::start);
        followers.values().forEach(FollowingDesk::start);
    }

    /** Waits until the relay is busy: some webhooks and sends acknowledged (so the first crash hits a running load). */
    void awaitFirstAcknowledgements(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long texts = inbound.all().stream().filter(w -> w.acknowledged).count();
            long sends = ledger.values().stream().filter(s -> s.accepted).count();
            if (texts >= 5 && sends >= 2) {
                return;
            }
            RelayWire.pause(100);
        }
    }

    /** No new work; what was begun is retried until acknowledged, for at most {@code settle}. */
    void finish(Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        inbound.stopNewTexts();
        outboxes.forEach(DeskOutbox::stopNewSends);
        inbound.awaitSettled(settle);
        for (DeskOutbox outbox : outboxes) {
            outbox.awaitEmpty(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    /** Outbound messages in a fresh snapshot that have neither a SID nor failed; 1 when the relay could not be read. */
    long outboundNotYetHanded() {
        long waiting = 0;
        for (CrashPractice p : practices) {
            FollowingDesk snapshot = new FollowingDesk(checks, checkSessions.get(p.slug()), new Tally(), "drain");
            if (snapshot.catchUp(Duration.ofSeconds(20)).isEmpty()) {
                return 1;
            }
            waiting += snapshot.state().values().stream()
                    .filter(d -> "out".equals(d.path("direction").asText()) && d.path("sid").isNull() && !"failed".equals(d.path("status").asText()))
                    .count();
        }
        return waiting;
    }

    /**
     * Webhooks the relay has recorded in its journal and not applied yet ({@code webhooksWaiting}
     * of {@code GET /ready}); 1 when the relay could not be read, so a drain never ends on a relay
     * that does not answer.
     */
    long webhooksNotYetApplied() {
        HttpRequest ready = checks.request("/ready", Duration.ofSeconds(10)).GET().build();
        Optional<HttpResponse<String>> answer = checks.send("GET /ready", ready);
        if (answer.isEmpty() || answer.get().statusCode() != 200) {
            return 1;
        }
        try {
            return Json.mapper().readTree(answer.get().body()).path("webhooksWaiting").asLong(1);
        } catch (JsonProcessingException e) {
            return 1;
        }
    }

    /**
     * Answers those of {@code messages} (outbound, left in {@code checking} or {@code handing} by
     * the stopped relay) that a fresh snapshot still shows without a SID and not failed after
     * {@code timeout}: a restarted node should take up its own interrupted hand-offs at once.
     */
    List<StoredFacts.MessageRow> notTakenUp(List<StoredFacts.MessageRow> messages, Map<Long, String> slugs, Duration timeout) {
        List<StoredFacts.MessageRow> waiting = new ArrayList<>(messages);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            Map<String, Map<String, JsonNode>> states = new LinkedHashMap<>();
            for (CrashPractice p : practices) {
                FollowingDesk snapshot = new FollowingDesk(checks, checkSessions.get(p.slug()), new Tally(), "restart");
                if (snapshot.catchUp(Duration.ofSeconds(10)).isPresent()) {
                    states.put(p.slug(), snapshot.state());
                }
            }
            waiting.removeIf(m -> {
                JsonNode data = states.getOrDefault(slugs.get(m.practiceId()), Map.of()).get(FollowingDesk.key("message", m.id()));
                return data != null && (!data.path("sid").isNull() || "failed".equals(data.path("status").asText()));
            });
            if (!waiting.isEmpty()) {
                RelayWire.pause(500);
            }
        }
        return waiting;
    }

    /**
     * Stops each follower and compares its copy with a fresh snapshot at the same cursor. After
     * each of the {@code stops} the relay may give the feed a new id on purpose: after a kill -9,
     * and after a SIGTERM during which H2 closed the database under the relay (it does when a
     * thread doing its file I/O is interrupted), the relay finds itself not stopped cleanly.
     */
    void compareFollowers(CrashVerdict verdict, long stops) throws InterruptedException {
        for (Map.Entry<String, FollowingDesk> e : followers.entrySet()) {
            FollowingDesk follower = e.getValue();
            follower.stop();
            boolean compared = false;
            // A late status report can land between the two reads; then both are read again.
            for (int attempt = 0; attempt < 10 && !compared; attempt++) {
                FollowingDesk snapshot = new FollowingDesk(checks, checkSessions.get(e.getKey()), new Tally(), "snapshot");
                Optional<Long> head = snapshot.catchUp(Duration.ofSeconds(30));
                Optional<Long> cursor = follower.catchUp(Duration.ofSeconds(30));
                if (head.isPresent() && head.equals(cursor)) {
                    verdict.judgeFollower(e.getKey(), follower.state(), snapshot.state());
                    compared = true;
                } else {
                    RelayWire.pause(500);
                }
            }
            verdict.add("the following desk catches up with its practice's feed", compared ? List.of() : List.of(e.getKey() + ": no quiet moment to compare at"));
            verdict.add("the feed never goes back below a seq a desk was shown (a 410 or a new feedId only once after an unclean stop)",
                    follower.rewinds(stops));
        }
    }

    void stop() throws InterruptedException {
        inbound.stop();
        for (DeskOutbox outbox : outboxes) {
            outbox.stop();
        }
        for (FollowingDesk follower : followers.values()) {
            follower.stop();
        }
    }

    InboundStream inbound() {
        return inbound;
    }

    Collection<DeskOutbox.Send> sends() {
        return ledger.values();
    }

    /**
     * After the run and a clean restart: a new webhook is acknowledged and shows in the feed, a new
     * send is accepted and handed to the carrier once, and the follower's cursor is still valid.
     * Answers what did not work.
     */
    List<String> probe(FakeTwilio twilio) {
        List<String> problems = new ArrayList<>();
        CrashPractice practice = practices.get(0);
        byte[] bytes = new byte[16];
        new Random().nextBytes(bytes);
        String sid = "SM" + HexFormat.of().formatHex(bytes);
        InboundStream.Webhook text = inbound.deliverOne(practice, sid, "Crash probe: are you open on Saturday?");
        if (!text.acknowledged) {
            problems.add("a new webhook got no 200 (" + (text.refusedWith == 0 ? "no answer or 5xx" : "HTTP " + text.refusedWith) + ")");
        }
        String replyBody = "Crash probe reply: yes, 9 to 1";
        DeskOutbox.Send reply = new DeskOutbox(checks, checkSessions.get(practice.slug()), DeskOutbox.Channel.DESK, "probe", 0, tally, new ConcurrentHashMap<>())
                .deliverOne(practice.patients().get(1), replyBody);
        if (!reply.accepted) {
            problems.add("a new send got no 202 (" + (reply.refusedWith == 0 ? "no answer or 5xx" : "HTTP " + reply.refusedWith) + ")");
        }
        boolean seen = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!seen && System.nanoTime() < deadline) {
            FollowingDesk snapshot = new FollowingDesk(checks, checkSessions.get(practice.slug()), new Tally(), "probe");
            if (snapshot.catchUp(Duration.ofSeconds(10)).isPresent()) {
                Collection<JsonNode> all = snapshot.state().values();
                boolean textStored = all.stream().anyMatch(d -> sid.equals(d.path("sid").asText(null)));
                boolean replyHanded = all.stream().anyMatch(d -> "probe-1".equals(d.path("clientId").asText(null)) && !d.path("sid").isNull());
                seen = textStored && replyHanded;
            }
            if (!seen) {
                RelayWire.pause(250);
            }
        }
        if (!seen) {
            problems.add("within 20 s the feed did not show the new text " + sid + " and the new reply handed to the carrier");
        }
        long creates = twilio.created().stream().filter(c -> c.body.equals(replyBody)).count();
        if (creates != 1) {
            problems.add("the carrier was asked " + creates + " times for the new reply");
        }
        FollowingDesk follower = followers.get(practice.slug());
        Optional<String> token = checkSessions.get(practice.slug()).token();
        if (token.isPresent()) {
            HttpRequest read = checks.request("/api/v1/events?after=" + follower.cursor(), Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token.get()).GET().build();
            int status = checks.send("GET /api/v1/events", read).map(HttpResponse::statusCode).orElse(0);
            if (status != 200) {
                problems.add("the follower's cursor " + follower.cursor() + " got HTTP " + status + " instead of 200");
            }
        } else {
            problems.add("the desk could not sign in");
        }
        return problems;
    }
}
