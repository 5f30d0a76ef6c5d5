// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.practicetext.protocol.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.store.Database;

/**
 * {@code GET /api/v1/events?after=SEQ&wait=SECONDS&limit=N}: the caller's practice's change feed.
 *
 * <p>With nothing new and {@code wait > 0}, the request is parked without a thread until the
 * practice's next commit or the end of the wait, whichever comes first.
 */
public final class FeedRoutes {
    public static final int MAX_WAIT_SECONDS = 30;
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;

    private final Database db;
    private final ChangeFeed feed;
    private final Executor executor;
    private final Map<Long, WakeReads> wakeReads = new ConcurrentHashMap<>();
    private static final long TIMED_OUT = -1;

    public FeedRoutes(Database db, ChangeFeed feed, Executor executor) {
        this.db = db;
        this.feed = feed;
        this.executor = executor;
    }

    public void install(JavalinConfig config) {
        config.routes.get("/api/v1/events", this::events);
    }

    private void events(Context ctx) {
        Principal who = AuthRoutes.principal(ctx);
        long after = longParam(ctx, "after", 0, 0, Long.MAX_VALUE);
        int wait = (int) longParam(ctx, "wait", 0, 0, MAX_WAIT_SECONDS);
        int limit = (int) longParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);

        CompletableFuture<Long> change = feed.hub().register(who.practiceId());
        RawFeedPage page;
        try {
            page = read(who.practiceId(), after, limit);
        } catch (RuntimeException e) {
            change.cancel(false);
            throw e;
        }
        if (!page.events().isEmpty() || wait == 0) {
            change.cancel(false);
            ctx.json(page);
            return;
        }
        ctx.future(() -> change
                .completeOnTimeout(TIMED_OUT, wait, TimeUnit.SECONDS)
                .thenCompose(generation -> generation == TIMED_OUT
                        ? CompletableFuture.supplyAsync(() -> json(read(who.practiceId(), after, limit)), executor)
                        : sharedRead(who.practiceId(), generation, after, limit))
                .thenAccept(body -> ctx.contentType("application/json").result(body)));
    }

    /**
     * Polls woken by the same commit usually ask for the same page; they share one read and one
     * serialisation of it. Only the newest generation of a practice is kept.
     */
    private CompletableFuture<String> sharedRead(long practiceId, long generation, long after, int limit) {
        WakeReads reads = wakeReads.compute(practiceId, (id, old) -> old != null && old.generation >= generation ? old : new WakeReads(generation));
        return reads.pages.computeIfAbsent(after + "/" + limit,
                key -> CompletableFuture.supplyAsync(() -> json(read(practiceId, after, limit)), executor));
    }

    private static String json(RawFeedPage page) {
        try {
            return Json.mapper().writeValueAsString(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record WakeReads(long generation, Map<String, CompletableFuture<String>> pages) {
        WakeReads(long generation) {
            this(generation, new ConcurrentHashMap<>());
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
