// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.practicetext.protocol.Json;

/**
 * A desk following its practice's change feed the way docs/API.md tells a client to: long-poll
 * from its cursor, upsert each event's state by (type, id), and start again from {@code after=0}
 * with an empty copy on {@code 410} or a changed {@code feedId}. Its copy must end equal to a
 * fresh snapshot; an event committed below a cursor the desk had already passed would make them
 * differ.
 */
final class FollowingDesk {
    private static final String ENDPOINT = "GET /api/v1/events";

    private final RelayWire wire;
    private final DeskSession session;
    private final Tally tally;
    private final String name;
    private final ObjectMapper json = Json.mapper();
    private final Map<String, JsonNode> state = new LinkedHashMap<>();
    private final Map<String, Rewind> rewinds = new LinkedHashMap<>();
    private Map<String, JsonNode> beforeRewind;
    private String rewindHow;
    private long rewindCursor;
    private Instant rewindAt;
    private long cursor;
    private String feedId;
    private Thread thread;
    private volatile boolean stopped;

    FollowingDesk(RelayWire wire, DeskSession session, Tally tally, String name) {
        this.wire = wire;
        this.session = session;
        this.tally = tally;
        this.name = name;
    }

    void start() {
        thread = Thread.ofVirtual().name("follower-" + name).start(() -> {
            boolean more = true;
            while (!stopped) {
                Optional<Boolean> page = poll(more ? 0 : 5);
                if (page.isEmpty()) {
                    RelayWire.pause(200);
                    more = true;
                } else {
                    more = page.get();
                }
            }
        });
    }

    void stop() throws InterruptedException {
        stopped = true;
        if (thread != null) {
            thread.join(20_000);
        }
    }

    /**
     * Reads until the feed has nothing more right now; answers the cursor. Call it on a stopped
     * desk (or a new one, which makes it a fresh snapshot). Empty if the relay could not be read.
     */
    synchronized Optional<Long> catchUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Boolean> more = poll(0);
            if (more.isPresent() && !more.get()) {
                return Optional.of(cursor);
            }
            if (more.isEmpty()) {
                RelayWire.pause(200);
            }
        }
        return Optional.empty();
    }

    /** One page; answers whether more is ready, or empty when this poll got no usable page. */
    private synchronized Optional<Boolean> poll(int waitSeconds) {
        Optional<String> token = session.token();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        HttpRequest request = wire.request("/api/v1/events?after=" + cursor + "&wait=" + waitSeconds + "&limit=1000",
                Duration.ofSeconds(waitSeconds + 15)).header("Authorization", "Bearer " + token.get()).GET().build();
        Optional<HttpResponse<String>> answer = wire.send(ENDPOINT, request);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        int status = answer.get().statusCode();
        if (status == 401) {
            session.refused(token.get());
            return Optional.empty();
        }
        if (status == 410) {
            tally.count("feed 410 cursor_unknown");
            rewound("410 cursor_unknown");
            return Optional.of(true);
        }
        if (status != 200) {
            tally.count("feed answered " + status);
            return Optional.empty();
        }
        JsonNode page;
        try {
            page = json.readTree(answer.get().body());
        } catch (IOException e) {
            tally.count("feed unreadable page");
            return Optional.empty();
        }
        String pageFeed = page.get("feedId").asText();
        if (feedId != null && !feedId.equals(pageFeed)) {
            tally.count("feed id changed");
            rewound("a new feedId");
            return Optional.of(true);
        }
        feedId = pageFeed;
        for (JsonNode event : page.get("events")) {
            state.put(key(event.get("type").asText(), event.get("data").get("id").asLong()), event.get("data"));
            tally.count("feed events applied");
        }
        cursor = page.get("next").asLong();
        boolean more = page.get("more").asBoolean();
        if (!more && beforeRewind != null) {
            compareAcrossRewind();
        }
        return Optional.of(more);
    }

    /**
     * The relay no longer knows the desk's cursor: the feed went back below a seq the desk was
     * shown. Like a real desk, start again from {@code after=0}; keep what was known, so that what
     * vanished with the rewind can be named once the new snapshot is complete.
     */
    private void rewound(String how) {
        if (beforeRewind == null) {
            beforeRewind = new LinkedHashMap<>(state);
            rewindHow = how;
            rewindCursor = cursor;
            rewindAt = Instant.now();
        }
        state.clear();
        cursor = 0;
        feedId = null;
    }

    private void compareAcrossRewind() {
        List<String> vanished = new ArrayList<>();
        List<String> unsent = new ArrayList<>();
        beforeRewind.forEach((k, before) -> {
            JsonNode now = state.get(k);
            if (now == null) {
                vanished.add(k);
            } else if (!before.path("sid").isMissingNode() && !before.path("sid").isNull() && now.path("sid").isNull()) {
                unsent.add(k);
            }
        });
        String what = rewindHow + " at cursor " + rewindCursor + "; the new snapshot ends at " + cursor
                + (cursor >= rewindCursor ? " (the feed holds events up to the very cursor it refuses: the desk cannot catch up)" : "")
                + (vanished.isEmpty() ? "" : "; shown before and gone now: " + vanished.size() + " " + vanished.stream().limit(10).toList())
                + (unsent.isEmpty() ? "" : "; had a SID before and none now: " + unsent.stream().limit(10).toList());
        rewinds.computeIfAbsent(what, k -> new Rewind()).seen(rewindAt);
        beforeRewind = null;
    }

    /** How often one kind of rewind happened, first and last. */
    private static final class Rewind {
        int times;
        Instant first;
        Instant last;

        void seen(Instant at) {
            times++;
            first = first == null ? at : first;
            last = at;
        }
    }

    /**
     * Each way the feed went back under this desk, with what the desk lost sight of and how often.
     * A new {@code feedId} is the relay telling desks to start again, which it does after an
     * unclean stop on H2, and a single {@code 410} after such a stop (the desk's cursor is past
     * what H2 kept) has the same effect: up to {@code allowedNewFeedIds} of those together are
     * not counted. A 410 that repeats is always counted (the desk could not catch up).
     */
    synchronized List<String> rewinds(long allowedNewFeedIds) {
        List<String> out = new ArrayList<>();
        // After an unclean stop H2 may have lost the newest commits: the desk's cursor can then be
        // past the feed's end (410) or meet the relay's new feedId; either sends it to a snapshot.
        long restarts = rewinds.values().stream().mapToLong(r -> r.times).sum();
        rewinds.forEach((what, r) -> {
            if (restarts > allowedNewFeedIds || what.contains("the desk cannot catch up") && r.times > 1) {
                out.add(name + ": " + what + (r.times == 1 ? " (" + r.first + ")" : "; " + r.times + " times from " + r.first + " to " + r.last));
            }
        });
        if (beforeRewind != null) {
            out.add(name + ": " + rewindHow + " at cursor " + rewindCursor + " (" + rewindAt + "); the new snapshot was not complete by the end");
        }
        return out;
    }

    static String key(String type, long id) {
        return type + ":" + id;
    }

    synchronized Map<String, JsonNode> state() {
        return new LinkedHashMap<>(state);
    }

    synchronized long cursor() {
        return cursor;
    }
}
