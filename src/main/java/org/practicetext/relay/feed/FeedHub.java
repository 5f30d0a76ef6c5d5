// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where parked long-polls wait for their practice's next committed change.
 *
 * <p>A poll registers <em>before</em> it reads the feed, so a change committed between the read
 * and the park still wakes it. A parked poll costs one small future and no thread; it leaves the
 * set as soon as it completes, by a change or by its timeout. Each wake-up carries the practice's
 * wake generation, so the polls woken together can share one read of the feed.
 */
public final class FeedHub {
    private final Map<Long, Set<CompletableFuture<Long>>> waiters = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();

    /** A future that completes with the wake generation at the practice's next committed change. */
    public CompletableFuture<Long> register(long practiceId) {
        CompletableFuture<Long> waiter = new CompletableFuture<>();
        waiters.computeIfAbsent(practiceId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        waiter.whenComplete((ignored, error) -> {
            Set<CompletableFuture<Long>> set = waiters.get(practiceId);
            if (set != null) {
                set.remove(waiter);
            }
        });
        return waiter;
    }

    /** Called after a transaction that appended events for the practice has committed. */
    public void signal(long practiceId) {
        long generation = generations.computeIfAbsent(practiceId, id -> new AtomicLong()).incrementAndGet();
        Set<CompletableFuture<Long>> set = waiters.get(practiceId);
        if (set != null) {
            for (CompletableFuture<Long> waiter : set) {
                waiter.complete(generation);
            }
        }
    }

    /** Parked polls right now, for metrics and tests. */
    public int parked() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }
}
