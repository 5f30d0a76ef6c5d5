// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Estimating "n of m" when the feed does not say m. */
class CatchUpEstimateTest {
    @Test
    void theHeadIsFoundWithinOnePercentInAFewProbes() throws Exception {
        long head = 1_234_567;
        AtomicInteger probes = new AtomicInteger();

        long found = CatchUpEstimate.findHead(4_000, after -> {
            probes.incrementAndGet();
            return after <= head;
        });

        assertThat(found).isBetween((long) (head * 0.99), head);
        assertThat(probes.get()).isLessThan(20);
    }

    @Test
    void theTotalScalesTheRemainingSequenceRangeByTheDensitySeenSoFar() {
        // Half the sequence numbers of the first page were compacted away; the head is at 10,000.
        CatchUpEstimate estimate = CatchUpEstimate.begin(0, 2_000, 1_000, after -> after <= 10_000);
        estimate.applied(1_000, 2_000);

        assertThat(estimate.total()).isBetween(4_900L, 5_100L);
        estimate.applied(1_000, 4_000);
        assertThat(estimate.total()).isBetween(4_900L, 5_100L);
    }

    @Test
    void aFeedThatCannotBeProbedStillPromisesAnotherPage() {
        CatchUpEstimate estimate = CatchUpEstimate.begin(0, 500, 500, after -> {
            throw new IllegalStateException("offline");
        });
        estimate.applied(500, 500);

        assertThat(estimate.total()).isGreaterThan(estimate.applied());
    }
}
