// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.background;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Where a background job waits between its rounds: until it is woken, or until its next due
 * time by the relay's clock, whichever comes first. With nothing due it waits only to be woken,
 * so an idle relay's jobs run nothing at all.
 *
 * <p>No wake-up is lost: one that comes while the job runs a round makes the next
 * {@link #await} return at once, so whatever was committed before the wake-up is seen by the
 * round that follows. Wake-ups that pile up during a round cost one round, not one each.
 *
 * <p>Due times are instants of the relay's {@link Clock}: a wall clock (and in tests a clock
 * moved by hand), while Java's timed waits run on the monotonic clock, which for instance stops
 * while a laptop sleeps. So while a due time is set the wait looks at the clock again at least
 * every {@link #CLOCK_CHECK}; that reads the clock, it runs no query.
 */
public final class Alarm {
    /** The longest a wait for a due time goes without reading the clock again. */
    public static final Duration CLOCK_CHECK = Duration.ofSeconds(1);
    /**
     * On a database shared with other relay nodes, the longest a job goes without a round. Their
     * commits wake it ({@code LISTEN/NOTIFY}, see {@code PgNotifications}), but a node that died
     * leaves retries, leases and unapplied webhooks whose due time no one announces: this round
     * finds them.
     */
    public static final Duration OTHER_NODES = Duration.ofMinutes(1);

    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);

    public Alarm(Clock clock) {
        this.clock = clock;
    }

    /** Makes the job's current or next wait end at once. Safe from any thread, at any time. */
    public void wake() {
        wakeUps.release();
    }

    /**
     * Returns when woken (now or earlier, during the last round) or when {@code due} has come;
     * with no due time, only when woken. Wake-ups up to this moment are used up.
     */
    public void await(Optional<Instant> due) throws InterruptedException {
        if (due.isEmpty()) {
            wakeUps.acquire();
        } else {
            while (true) {
                Duration left = Duration.between(clock.instant(), due.get());
                if (!left.isPositive()) {
                    break;
                }
                long millis = Math.min(CLOCK_CHECK.toMillis(), Math.max(1, left.plusNanos(999_999).toMillis()));
                if (wakeUps.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        }
        // The round that follows sees everything committed before these wake-ups.
        wakeUps.drainPermits();
    }

    /** Wake-ups not used up yet (for tests). */
    int pendingWakeUps() {
        return wakeUps.availablePermits();
    }

    /** {@code due}, or on a shared database no later than {@link #OTHER_NODES} from now. */
    public Optional<Instant> lookingOut(Optional<Instant> due, boolean sharedDatabase) {
        return sharedDatabase ? earliest(due, Optional.of(clock.instant().plus(OTHER_NODES))) : due;
    }

    /** The earlier of two optional due times. */
    public static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }
}
