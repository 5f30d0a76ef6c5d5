// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. After {@value #FREE_FAILURES} failed sign-ins for one account
 * (or {@value #FREE_FAILURES_PER_ADDRESS} from one address), further attempts are refused for a delay that doubles with each failure,
 * up to 15 minutes. A successful sign-in clears the account's record. Failures older than an
 * hour are forgotten. State is per relay node, which is enough to make guessing impractical.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    /** A practice's front desk shares one public address, so an address gets more room than an account. */
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    private static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[] {"a:" + account, "ip:" + address}) {
            Failures f = failures.get(key);
            if (f != null && f.lockedUntil != null && f.lockedUntil.isAfter(now)) {
                Duration d = Duration.between(now, f.lockedUntil);
                wait = d.compareTo(wait) > 0 ? d : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String account, String address) {
        record("a:" + account, FREE_FAILURES);
        record("ip:" + address, FREE_FAILURES_PER_ADDRESS);
    }

    public void succeeded(String account) {
        failures.remove("a:" + account);
    }

    private void record(String key, int free) {
        Instant now = clock.instant();
        failures.compute(key, (k, old) -> {
            int count = old == null || old.last.plus(FORGET_AFTER).isBefore(now) ? 1 : old.count + 1;
            Instant lockedUntil = null;
            if (count >= free) {
                long factor = 1L << Math.min(count - free, 10);
                Duration delay = FIRST_DELAY.multipliedBy(factor);
                lockedUntil = now.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
            }
            return new Failures(count, now, lockedUntil);
        });
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }
}
