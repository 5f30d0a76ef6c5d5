// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.practicetext.core.Permission;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.Json;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.auth.Sessions;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.ErrorHandling;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.store.Database;

/**
 * {@code GET /api/v1/events?after=SEQ&wait=SECONDS&limit=N}: the caller's practice's change feed.
 *
 * <p>With nothing new and {@code wait > 0}, the request is parked without a thread until the
 * practice's next commit, the end of the wait, or the revocation of its token, whichever comes
 * first. However it wakes, it checks its token again before it serves anything, so a sign-out
 * (on any node) or an expiry during the wait is answered 401, never with events. Beyond
 * {@link PollCaps} parked polls per token or per practice, it is answered 429 at once.
 */
public final class FeedRoutes {
    public static final int MAX_WAIT_SECONDS = 30;
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;

    private final Database db;
    private final ChangeFeed feed;
    private final Executor executor;
    private final Sessions sessions;
    private final PollCaps caps;
    private final LongConsumer wokeUp;
    private final Map<Long, WakeReads> wakeReads = new ConcurrentHashMap<>();
    private final ParkReads parkReads = new ParkReads();
    private static final long TIMED_OUT = -1;

    public FeedRoutes(Database db, ChangeFeed feed, Executor executor, Sessions sessions, PollCaps caps) {
        this(db, feed, executor, sessions, caps, nanos -> { });
    }

    /** With {@code wokeUp} told, for each poll a commit woke, the nanoseconds from that commit's signal to the answer. */
    public FeedRoutes(Database db, ChangeFeed feed, Executor executor, Sessions sessions, PollCaps caps, LongConsumer wokeUp) {
        this.wokeUp = wokeUp;
        this.db = db;
        this.feed = feed;
        this.executor = executor;
        this.sessions = sessions;
        this.caps = caps;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.EVENTS, this::events);
    }

    private void events(Context ctx) {
        Principal who = AuthRoutes.principal(ctx);
        // A role that may not read texts (billing) follows the directory but is served no texts.
        boolean texts = who.role().allows(Permission.SMS_VIEW);
        long after = longParam(ctx, Endpoints.AFTER, 0, 0, Long.MAX_VALUE);
        int wait = (int) longParam(ctx, Endpoints.WAIT, 0, 0, MAX_WAIT_SECONDS);
        int limit = (int) longParam(ctx, Endpoints.LIMIT, DEFAULT_LIMIT, 1, MAX_LIMIT);

        if (wait == 0) {
            ctx.json(read(who.practiceId(), after, limit).visibleTo(texts));
            return;
        }
        String session = AuthRoutes.tokenHash(ctx);
        CompletableFuture<Long> change = feed.hub().register(who.practiceId(), session, caps);
        if (change == null) {
            ctx.header("Retry-After", Integer.toString(PollCaps.RETRY_AFTER_SECONDS));
            ErrorHandling.write(ctx, 429, "too_many_polls", "Too many requests are already waiting on this feed (at most " + caps.perToken()
                    + " per sign-in and " + caps.perPractice() + " per practice). Try again in " + PollCaps.RETRY_AFTER_SECONDS + " seconds.");
            return;
        }
        RawFeedPage page;
        try {
            // Read after registering (so a change committed meanwhile wakes this poll), and shared
            // with the practice's other polls at this cursor while nothing was signalled.
            long generation = feed.hub().generation(who.practiceId());
            page = parkReads.page(who.practiceId(), generation, pageKey(after, limit, texts), () -> read(who.practiceId(), after, limit).visibleTo(texts));
        } catch (RuntimeException e) {
            change.cancel(false);
            throw e;
        }
        if (!page.events().isEmpty() || page.next() != after) {
            // Events were there, even if none this caller may see: the cursor moves on at once.
            change.cancel(false);
            ctx.json(page);
            return;
        }
        // However it wakes, the token is checked again before anything is served: it may have been
        // revoked (here or on another node) or have expired while the poll was parked. A poll that
        // was not woken by a change (its wait ended, its sign-in ended, or the relay stops:
        // FeedHub.STOPPING) is answered the empty page it read before it parked, without reading
        // the feed again: no change was signalled since, and a change whose signal was missed is
        // read by the desk's next poll, which comes at once (ADR 0019).
        long[] woken = {-1};
        RawFeedPage empty = page;
        ctx.future(() -> change
                .completeOnTimeout(TIMED_OUT, wait, TimeUnit.SECONDS)
                .thenCompose(generation -> {
                    if (generation < 0) {
                        return CompletableFuture.supplyAsync(() -> {
                            sessions.authenticateHash(session);
                            return json(empty);
                        }, executor);
                    }
                    woken[0] = feed.hub().signalledAt(who.practiceId());
                    return sharedRead(who.practiceId(), generation, session, after, limit, texts);
                })
                // Each poll is answered on a thread of its own: polls woken together share one read,
                // and a desk that does not read its answer must not hold up the others (ADR 0019).
                .thenAcceptAsync(body -> {
                    ctx.contentType("application/json").result(body);
                    if (woken[0] > 0) {
                        wokeUp.accept(System.nanoTime() - woken[0]);
                    }
                }, executor));
    }

    /**
     * Polls woken by the same commit usually ask for the same page; they share one read and one
     * serialisation of it, and the polls of one token share one check of it. Only the newest
     * generation of a practice is kept.
     */
    private CompletableFuture<String> sharedRead(long practiceId, long generation, String session, long after, int limit, boolean texts) {
        WakeReads reads = wakeReads.compute(practiceId, (id, old) -> old != null && old.generation >= generation ? old : new WakeReads(generation));
        CompletableFuture<Void> signedIn = reads.checks.computeIfAbsent(session,
                key -> CompletableFuture.runAsync(() -> sessions.authenticateHash(key), executor));
        CompletableFuture<String> page = reads.pages.computeIfAbsent(pageKey(after, limit, texts),
                key -> CompletableFuture.supplyAsync(() -> json(read(practiceId, after, limit).visibleTo(texts)), executor));
        return signedIn.thenCompose(ok -> page);
    }

    private static String pageKey(long after, int limit, boolean texts) {
        return after + "/" + limit + (texts ? "" : "/no-texts");
    }

    private static String json(RawFeedPage page) {
        try {
            return Json.mapper().writeValueAsString(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record WakeReads(long generation, Map<String, CompletableFuture<String>> pages, Map<String, CompletableFuture<Void>> checks) {
        WakeReads(long generation) {
            this(generation, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private RawFeedPage read(long practiceId, long after, int limit) {
        return db.read(tx -> {
            ChangeFeed.FeedHead head = feed.head(tx, practiceId).orElseThrow(() -> ApiError.notFound("The practice"));
            if (after > head.lastSeq()) {
                throw new ApiError(410, "cursor_unknown",
                        "This feed has no position " + after + " (it ends at " + head.lastSeq() + "). Start again from after=0.");
            }
            List<RawEvent> rows = feed.read(tx, practiceId, after, limit);
            boolean more = rows.size() > limit;
            List<RawEvent> events = more ? rows.subList(0, limit) : rows;
            long next = events.isEmpty() ? after : events.getLast().seq();
            return new RawFeedPage(List.copyOf(events), next, more, head.feedId());
        });
    }

    private static long longParam(Context ctx, String name, long fallback, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number.");
        }
        if (value < min) {
            throw ApiError.badRequest(name + " must be at least " + min + ".");
        }
        return Math.min(value, max);
    }
}
