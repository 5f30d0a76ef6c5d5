// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.practicetext.relay.TestClock;

class IdleTimerTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final AtomicInteger minutes = new AtomicInteger(10);
    private final IdleTimer idle = new IdleTimer(clock::instant, minutes::get);

    @Test
    void itIsDueAfterThePracticesMinutesWithoutInput() {
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(idle.due()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(idle.due()).isTrue();
    }

    @Test
    void inputStartsTheMinutesAgain() {
        clock.advance(Duration.ofMinutes(9));
        idle.touch();
        clock.advance(Duration.ofMinutes(9));
        assertThat(idle.due()).isFalse();
    }

    @Test
    void zeroMinutesNeverLocks() {
        minutes.set(0);
        clock.advance(Duration.ofDays(3));
        assertThat(idle.due()).isFalse();
    }

    @Test
    void aShorterRuleTakesEffectAtOnce() {
        clock.advance(Duration.ofMinutes(3));
        assertThat(idle.due()).isFalse();
        minutes.set(2);
        assertThat(idle.due()).isTrue();
    }
}
