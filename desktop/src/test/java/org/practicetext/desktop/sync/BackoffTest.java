// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Waits that double up to a cap, jittered, reset by a success, and never shorter than the relay asked. */
class BackoffTest {
    final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(1));

    @Test
    void waitsDoubleWithJitterUntilTheCap() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waits.add(backoff.next(Duration.ZERO).toMillis());
        }
        long ceiling = 500;
        for (long wait : waits) {
            assertThat(wait).isBetween(ceiling / 2, ceiling);
            ceiling = Math.min(30_000, ceiling * 2);
        }
        assertThat(waits.getLast()).isBetween(15_000L, 30_000L);
    }

    @Test
    void jitterSpreadsClientsThatFailTogether() {
        List<Long> firstWaits = new ArrayList<>();
        for (int seed = 0; seed < 20; seed++) {
            firstWaits.add(new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(30), new SplittableRandom(seed)).next(Duration.ZERO).toMillis());
        }
        assertThat(firstWaits.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void aSuccessStartsOverAndRetryAfterIsAFloor() {
        for (int i = 0; i < 8; i++) {
            backoff.next(Duration.ZERO);
        }
        backoff.reset();
        assertThat(backoff.next(Duration.ZERO).toMillis()).isLessThanOrEqualTo(500);
        assertThat(backoff.next(Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(45));
    }
}
