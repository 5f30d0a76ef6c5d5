// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.practicetext.relay.TestClock;

/** The wait between a background job's rounds: woken, or due by the relay's clock; no wake-up lost. */
class AlarmTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-02T15:00:00Z"));
    private final Alarm alarm = new Alarm(clock);

    private CompletableFuture<Void> waiting(Optional<Instant> due) {
        return CompletableFuture.runAsync(() -> {
            try {
                alarm.await(due);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aWakeUpBeforeTheWaitIsKeptForIt() throws Exception {
        alarm.wake(); // as if during the round before

        waiting(Optional.empty()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void wakeUpsThatPiledUpDuringARoundCostOneWait() throws Exception {
        alarm.wake();
        alarm.wake();
        alarm.wake();

        waiting(Optional.empty()).get(10, TimeUnit.SECONDS);

        assertThat(alarm.pendingWakeUps()).isZero();
    }

    @Test
    void aWaitEndsWhenTheClockReachesTheDueTime() throws Exception {
        CompletableFuture<Void> wait = waiting(Optional.of(clock.instant().plus(Duration.ofMinutes(2))));

        clock.advance(Duration.ofMinutes(2));

        wait.get(10, TimeUnit.SECONDS); // seen at its next look at the clock, within Alarm.CLOCK_CHECK
    }

    @Test
    void aDueTimeThatHasPassedEndsTheWaitAtOnce() throws Exception {
        waiting(Optional.of(clock.instant().minusSeconds(1))).get(10, TimeUnit.SECONDS);
    }

    @Test
    void earliestOfTwoDueTimes() {
        Instant t = clock.instant();
        assertThat(Alarm.earliest(Optional.of(t), Optional.of(t.plusSeconds(1)))).contains(t);
        assertThat(Alarm.earliest(Optional.of(t.plusSeconds(1)), Optional.of(t))).contains(t);
        assertThat(Alarm.earliest(Optional.empty(), Optional.of(t))).contains(t);
        assertThat(Alarm.earliest(Optional.of(t), Optional.empty())).contains(t);
        assertThat(Alarm.earliest(Optional.empty(), Optional.empty())).isEmpty();
    }
}
