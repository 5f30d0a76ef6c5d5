// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When and how the relay is brought down, drawn from the seed alone, so {@code -Dcrash.seed}
 * replays the same schedule (the workload's timing still varies with the machine). Each crash
 * comes a random time after the relay answered its first {@code /health}, and is a
 * {@code kill -9} or a SIGTERM; a plan of two or more has both.
 */
record CrashPlan(List<Crash> crashes) {
    enum Kind { SIGKILL, SIGTERM }

    record Crash(long uptimeMillis, Kind kind) {
        @Override
        public String toString() {
            return kind + " after " + uptimeMillis + " ms";
        }
    }

    static CrashPlan draw(long seed, int restarts, long maxUptimeMillis) {
        Random random = new Random(seed);
        List<Crash> crashes = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            crashes.add(new Crash(random.nextLong(maxUptimeMillis), random.nextBoolean() ? Kind.SIGKILL : Kind.SIGTERM));
        }
        if (restarts >= 2 && crashes.stream().map(Crash::kind).distinct().count() == 1) {
            Crash last = crashes.removeLast();
            crashes.add(new Crash(last.uptimeMillis(), last.kind() == Kind.SIGKILL ? Kind.SIGTERM : Kind.SIGKILL));
        }
        return new CrashPlan(List.copyOf(crashes));
    }

    long count(Kind kind) {
        return crashes.stream().filter(c -> c.kind() == kind).count();
    }
}
