// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying the relay again: doubling from {@code base} up to {@code cap},
 * each wait drawn between half and all of that ("equal jitter"), so a room full of desktops that
 * lost the relay together do not all come back in the same instant.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait after one more failure; never shorter than what the relay asked for ({@code Retry-After}). */
    public Duration next(Duration atLeast) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(failures, 20));
        failures++;
        long wait = ceiling / 2 + random.nextLong(ceiling / 2 + 1);
        return Duration.ofMillis(Math.max(wait, atLeast.toMillis()));
    }

    public void reset() {
        failures = 0;
    }
}
