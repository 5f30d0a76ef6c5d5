// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

/**
 * "Catching up: n of m" while the feed has more pages. The feed does not say how many events are
 * left, so m is estimated:
 * <ol>
 * <li>the feed's newest sequence number (its head) is found with a few cheap probes, because
 * {@code after=X&limit=1} answers 200 when X is at or below the head and 410 above it: doubling
 * from the first page's last seq, then halving the gap to within 1 %;</li>
 * <li>a compacted feed has gaps, so the seq range is turned into an event count with the density
 * seen so far: events applied / seq numbers covered;</li>
 * <li>m = applied + density × (head − cursor), recomputed after every page; never below applied + 1
 * while pages remain, and exactly n when the last page arrives.</li>
 * </ol>
 */
final class CatchUpEstimate {
    /** Answers whether the feed has a position {@code after} (i.e. after ≤ head). */
    @FunctionalInterface
    interface Probe {
        boolean exists(long after) throws Exception;
    }

    private final long start;
    private final long head;
    private long applied;
    private long cursor;

    private CatchUpEstimate(long start, long head) {
        this.start = start;
        this.head = head;
        this.cursor = start;
    }

    /** Starts an estimate from the cursor the catch-up began at; {@code firstNext} is the first page's {@code next}. */
    static CatchUpEstimate begin(long start, long firstNext, int pageLimit, Probe probe) {
        long head;
        try {
            head = findHead(firstNext, probe);
        } catch (Exception e) {
            head = firstNext + pageLimit; // unknown: at least one more page
        }
        return new CatchUpEstimate(start, head);
    }

    static long findHead(long known, Probe probe) throws Exception {
        long lo = known;
        long step = Math.max(1024, known);
        long hi = lo + step;
        while (probe.exists(hi)) {
            lo = hi;
            step *= 2;
            hi = lo + step;
        }
        while (hi - lo > Math.max(64, lo / 100)) {
            long mid = lo + (hi - lo) / 2;
            if (probe.exists(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    void applied(int events, long next) {
        applied += events;
        cursor = next;
    }

    long applied() {
        return applied;
    }

    long total() {
        long covered = Math.max(1, cursor - start);
        double density = (double) applied / covered;
        long remaining = Math.round(density * Math.max(0, head - cursor));
        return applied + Math.max(1, remaining);
    }
}
