// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where parked long-polls wait for their practice's next committed change.
 *
 * <p>A poll registers <em>before</em> it reads the feed, so a change committed between the read
 * and the park still wakes it. A parked poll costs one small future and no thread; it leaves the
 * hub as soon as it completes, by a change, its timeout or its sign-in's end. Each wake-up
 * carries the practice's wake generation, so the polls woken together can share one read of the
 * feed. Each poll is filed under its practice and its sign-in (the token's hash), which is how
 * the caps are counted and how a sign-out finds the polls to end.
 *
 * <p>A {@link #signal} only counts the generation and hands the wake-ups to a virtual thread of
 * their own: the committing request (a webhook) answers without waiting for the desks it wakes
 * (ADR 0019).
 */
public final class FeedHub {
    /** The wake-up of a poll whose sign-in was revoked; it re-checks its token and ends. */
    public static final long SIGNED_OUT = -2;
    /** The wake-up of every poll when the relay stops: it answers at once with its current page. */
    public static final long STOPPING = -3;

    private final Object lock = new Object();
    private final Map<Long, Set<CompletableFuture<Long>>> byPractice = new HashMap<>();
    private final Map<String, Set<CompletableFuture<Long>>> bySession = new HashMap<>();
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<Long, Long> signalledAt = new ConcurrentHashMap<>();
    private final Executor wakes;
    private volatile boolean stopping;

    /** Wake-ups run on a virtual thread per signal, never on the committing request's thread. */
    public FeedHub() {
        this(task -> Thread.ofVirtual().name("feed-wake").start(task));
    }

    /** With the wake-ups of each {@link #signal} run by {@code wakes} (a test may run them in place). */
    public FeedHub(Executor wakes) {
        this.wakes = wakes;
    }

    /**
     * A future that completes with the wake generation at the practice's next committed change,
     * or {@code null} when the sign-in or the practice already has as many polls parked as
     * {@code caps} allow. The check and the registration are one step, so concurrent polls
     * cannot all slip under a cap.
     */
    public CompletableFuture<Long> register(long practiceId, String session, PollCaps caps) {
        CompletableFuture<Long> waiter = new CompletableFuture<>();
        synchronized (lock) {
            if (stopping) {
                return CompletableFuture.completedFuture(STOPPING); // not parked: answered with what there is
            }
            Set<CompletableFuture<Long>> practice = byPractice.computeIfAbsent(practiceId, id -> new HashSet<>());
            Set<CompletableFuture<Long>> mine = bySession.computeIfAbsent(session, s -> new HashSet<>());
            if (practice.size() >= caps.perPractice() || mine.size() >= caps.perToken()) {
                dropIfEmpty(practiceId, session);
                return null;
            }
            practice.add(waiter);
            mine.add(waiter);
        }
        waiter.whenComplete((ignored, error) -> {
            synchronized (lock) {
                Set<CompletableFuture<Long>> practice = byPractice.get(practiceId);
                if (practice != null) {
                    practice.remove(waiter);
                }
                Set<CompletableFuture<Long>> mine = bySession.get(session);
                if (mine != null) {
                    mine.remove(waiter);
                }
                dropIfEmpty(practiceId, session);
            }
        });
        return waiter;
    }

    /**
     * Called after a transaction that appended events for the practice has committed. Returns at
     * once: the practice's parked polls are woken on another thread. Every poll parked before the
     * call is still in the hub when that thread looks, so none is missed.
     */
    public void signal(long practiceId) {
        signalledAt.put(practiceId, System.nanoTime());
        long generation = generations.computeIfAbsent(practiceId, id -> new AtomicLong()).incrementAndGet();
        synchronized (lock) {
            if (!byPractice.containsKey(practiceId)) {
                return; // no one parked: no thread
            }
        }
        // Completed outside the lock: completing runs the polls' continuations, which take it again.
        wakes.execute(() -> snapshot(byPractice, practiceId).forEach(waiter -> waiter.complete(generation)));
    }

    /**
     * Wakes every parked poll, of every practice, to read its feed again: the LISTEN connection
     * to the shared database was (re)made, and changes announced while it was down were missed.
     */
    public void signalAll() {
        List<Long> practices;
        synchronized (lock) {
            practices = List.copyOf(byPractice.keySet());
        }
        practices.forEach(this::signal);
    }

    /** Ends the parked polls of a sign-in that was just revoked. */
    public void endSession(String session) {
        snapshot(bySession, session).forEach(waiter -> waiter.complete(SIGNED_OUT));
    }

    /**
     * The relay is stopping: every parked poll is woken with {@link #STOPPING}, so it answers
     * its current page now rather than be cut, and no poll parks from now on. Returns how many
     * were parked.
     */
    public int stop() {
        List<CompletableFuture<Long>> all;
        synchronized (lock) {
            stopping = true;
            all = byPractice.values().stream().flatMap(Set::stream).toList();
        }
        all.forEach(waiter -> waiter.complete(STOPPING));
        return all.size();
    }

    /** The practice's wake generation: how many times it was {@link #signal signalled}; 0 if never. */
    public long generation(long practiceId) {
        AtomicLong generation = generations.get(practiceId);
        return generation == null ? 0 : generation.get();
    }

    /** {@link System#nanoTime()} of the practice's latest {@link #signal}, for the wake-up latency; 0 if none yet. */
    public long signalledAt(long practiceId) {
        return signalledAt.getOrDefault(practiceId, 0L);
    }

    /** Parked polls right now, for metrics and tests. */
    public int parked() {
        synchronized (lock) {
            return byPractice.values().stream().mapToInt(Set::size).sum();
        }
    }

    /** Parked polls of one sign-in right now, for tests. */
    public int parked(String session) {
        synchronized (lock) {
            return bySession.getOrDefault(session, Set.of()).size();
        }
    }

    private <K> List<CompletableFuture<Long>> snapshot(Map<K, Set<CompletableFuture<Long>>> index, K key) {
        synchronized (lock) {
            Set<CompletableFuture<Long>> set = index.get(key);
            return set == null ? List.of() : List.copyOf(set);
        }
    }

    private void dropIfEmpty(long practiceId, String session) {
        if (byPractice.getOrDefault(practiceId, Set.of()).isEmpty()) {
            byPractice.remove(practiceId);
        }
        if (bySession.getOrDefault(session, Set.of()).isEmpty()) {
            bySession.remove(session);
        }
    }
}
