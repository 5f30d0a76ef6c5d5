// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins and checks in flight for one kind of key (accounts, or addresses), with the
 * lock that follows too many failures. Holds at most {@code capacity} keys, least recently
 * touched first out. Not thread-safe: {@link LoginThrottle} calls it under its own lock.
 */
final class FailureCounts {
    /** Retry-After while every free check is in flight: their outcome decides within moments. */
    static final long BUSY_SECONDS = 1;

    private final int free;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Duration forgetAfter;
    private final int capacity;
    /** In the order last touched, oldest first; a touch moves a key to the end. */
    private final LinkedHashMap<String, Count> counts = new LinkedHashMap<>();

    private static final class Count {
        int failures;
        int inFlight;
        Instant lastFailure;
        Instant lockedUntil;
    }

    FailureCounts(int free, Duration firstLock, Duration maxLock, Duration forgetAfter, int capacity) {
        this.free = free;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.forgetAfter = forgetAfter;
        this.capacity = capacity;
    }

    /** Seconds to wait before this key may try (0: it may try now). */
    long waitSeconds(String key, Instant now) {
        Count c = current(key, now);
        if (c == null) {
            return 0;
        }
        if (c.lockedUntil != null && c.lockedUntil.isAfter(now)) {
            long millis = Duration.between(now, c.lockedUntil).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
        int checksAllowed = Math.max(1, free - c.failures);
        return c.inFlight >= checksAllowed ? BUSY_SECONDS : 0;
    }

    void reserve(String key, Instant now) {
        Count c = current(key, now);
        if (c == null) {
            c = new Count();
        }
        c.inFlight++;
        touch(key, c, now);
    }

    void failed(String key, Instant now) {
        Count c = counts.get(key);
        if (c == null) {
            c = new Count(); // forgotten to make room while its check ran
        }
        c.inFlight = Math.max(0, c.inFlight - 1);
        c.failures++;
        c.lastFailure = now;
        Instant lock = lockedUntil(c.failures, now);
        if (lock != null) {
            c.lockedUntil = lock;
        }
        touch(key, c, now);
    }

    /** Until when {@code failures} failures, the last one {@code now}, lock a key; null when they do not. */
    Instant lockedUntil(int failures, Instant now) {
        if (failures < free) {
            return null;
        }
        Duration lock = firstLock.multipliedBy(1L << Math.min(failures - free, 10));
        return now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
    }

    /** How long after its last failure an unlocked key's failures are forgotten. */
    Duration forgetAfter() {
        return forgetAfter;
    }

    /** A success: the key's failures are forgiven. */
    void cleared(String key) {
        Count c = counts.get(key);
        if (c != null) {
            c.failures = 0;
            c.lockedUntil = null;
            released(key);
        }
    }

    /** A check that ends without a verdict on the password. */
    void released(String key) {
        Count c = counts.get(key);
        if (c == null) {
            return;
        }
        c.inFlight = Math.max(0, c.inFlight - 1);
        if (c.inFlight == 0 && c.failures == 0) {
            counts.remove(key);
        }
    }

    int size() {
        return counts.size();
    }

    /** The key's count, or {@code null} when it has none or it has been forgotten. */
    private Count current(String key, Instant now) {
        Count c = counts.get(key);
        if (c != null && forgotten(c, now)) {
            counts.remove(key);
            return null;
        }
        return c;
    }

    private boolean forgotten(Count c, Instant now) {
        return c.inFlight == 0 && (c.lastFailure == null || c.lastFailure.plus(forgetAfter).isBefore(now))
                && (c.lockedUntil == null || !c.lockedUntil.isAfter(now));
    }

    private void touch(String key, Count c, Instant now) {
        counts.remove(key);
        counts.put(key, c);
        // The stalest keys are at the front: drop the forgotten ones there, then make room if still full.
        Iterator<Count> oldest = counts.values().iterator();
        while (oldest.hasNext() && forgotten(oldest.next(), now)) {
            oldest.remove();
        }
        if (counts.size() > capacity) {
            evictOne();
        }
    }

    /** The least recently touched key without a check in flight (its count is the stalest). */
    private void evictOne() {
        Iterator<Map.Entry<String, Count>> it = counts.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().inFlight == 0) {
                it.remove();
                return;
            }
        }
        counts.remove(counts.keySet().iterator().next());
    }
}
