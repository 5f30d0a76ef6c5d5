// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The read a long-poll makes before it parks, shared by the polls of one practice that ask for
 * the same page while no change of that practice was signalled: after a wake-up the practice's
 * desks all re-poll at the same cursor within milliseconds, and without this each of them read
 * the same empty page (ADR 0019).
 *
 * <p>A poll may take a page read by another only if the practice's wake generation, read after
 * the poll registered in the hub, is the one read before that page was: a change committed
 * before the page was read is in it, and one signalled after the poll registered wakes the poll.
 * A page is shared for {@link #FRESH} at most, so a change whose signal never came (a lost
 * notice from another node) is still found by the next poll after that, as without sharing.
 */
final class ParkReads {
    static final Duration FRESH = Duration.ofSeconds(1);

    private record Reads(long generation, long readAt, Map<String, CompletableFuture<RawFeedPage>> pages) {
    }

    private final Map<Long, Reads> byPractice = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    ParkReads() {
        this(System::nanoTime);
    }

    /** With {@code nanoTime} as the clock of {@link #FRESH} (a test moves it). */
    ParkReads(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The page {@code key} of the practice at wake generation {@code generation}: another poll's
     * read of it if one was made at that generation less than {@link #FRESH} ago (waiting for it
     * if it is under way), else {@code read}'s. Only an empty page (the one a poll parks on) is
     * kept once read; a failed read is thrown to every poll that waited for it and is not kept.
     */
    RawFeedPage page(long practiceId, long generation, String key, Supplier<RawFeedPage> read) {
        long now = nanoTime.getAsLong();
        Reads reads = byPractice.compute(practiceId, (id, old) -> old != null && old.generation == generation && now - old.readAt < FRESH.toNanos()
                ? old : new Reads(generation, now, new ConcurrentHashMap<>()));
        CompletableFuture<RawFeedPage> mine = new CompletableFuture<>();
        CompletableFuture<RawFeedPage> shared = reads.pages.putIfAbsent(key, mine);
        if (shared == null) {
            RawFeedPage page;
            try {
                page = read.get();
            } catch (RuntimeException e) {
                reads.pages.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            if (!page.events().isEmpty()) {
                reads.pages.remove(key, mine); // answered at once, not parked on: not worth keeping its events
            }
            mine.complete(page);
            return page;
        }
        try {
            return shared.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
