// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.practicetext.relay.TestClock;

class LoginThrottleTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-02T15:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private long refusedFor(String account, String address) {
        try {
            throttle.begin(account, address).abandoned();
            return 0;
        } catch (Sessions.RetryLater e) {
            return e.seconds();
        }
    }

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.begin(account, address).failed();
        }
    }

    @Test
    void sixtyConcurrentGuessesAtOneAccountGetOnlyItsFiveChecks() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<LoginThrottle.Attempt> granted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> refused = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(60)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String address = "203.0.113." + i;
                all.add(pool.submit(() -> {
                    start.await();
                    try {
                        granted.add(throttle.begin("clinic/ada", address)); // held: the password is still being checked
                    } catch (Sessions.RetryLater e) {
                        refused.add(e.seconds());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        }

        assertThat(granted).hasSize(5);
        assertThat(refused).hasSize(55).containsOnly(FailureCounts.BUSY_SECONDS);
        granted.forEach(LoginThrottle.Attempt::failed);
        assertThat(refusedFor("clinic/ada", "198.51.100.1")).isEqualTo(30);
    }

    @Test
    void aSixthCheckIsAllowedOnceTheFirstFiveEndedWithoutAVerdict() {
        List<LoginThrottle.Attempt> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(throttle.begin("clinic/ada", "203.0.113.1"));
        }
        assertThat(refusedFor("clinic/ada", "203.0.113.1")).isEqualTo(1);

        five.forEach(LoginThrottle.Attempt::abandoned); // the database failed: nothing was learnt about the password

        assertThat(refusedFor("clinic/ada", "203.0.113.1")).isZero();
    }

    @Test
    void anAccountsFifthFailureLocksItForThirtySecondsThenDoubling() {
        fail("clinic/ada", "203.0.113.1", 5);

        assertThat(refusedFor("clinic/ada", "203.0.113.2")).as("from any address").isEqualTo(30);
        clock.advance(Duration.ofSeconds(30));
        fail("clinic/ada", "203.0.113.1", 1);
        assertThat(refusedFor("clinic/ada", "203.0.113.1")).isEqualTo(60);
        assertThat(refusedFor("clinic/bob", "203.0.113.1")).as("another account from the same address").isZero();
    }

    @Test
    void twentyFailuresFromOneAddressDoNotLockTheOthersBehindIt() {
        for (int i = 0; i < 20; i++) {
            fail("clinic/typo-" + i, "203.0.113.9", 1);
        }

        assertThat(refusedFor("clinic/ada", "203.0.113.9")).isZero();
    }

    @Test
    void anAddressIsLockedForEveryAccountAtItsFiftiethFailure() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            fail("clinic/spray-" + i, "203.0.113.9", 1);
        }

        assertThat(refusedFor("clinic/ada", "203.0.113.9")).as("even an account that is not locked").isEqualTo(30);
        assertThat(refusedFor("clinic/ada", "198.51.100.4")).as("the same account from elsewhere").isZero();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES - 1; i++) {
            fail("clinic/spray-" + i, "203.0.113.9", 1);
        }
        fail("clinic/ada", "198.51.100.4", 4);
        throttle.begin("clinic/ada", "198.51.100.4").succeeded();
        throttle.begin("clinic/eve", "203.0.113.9").succeeded();

        fail("clinic/ada", "198.51.100.4", 4);
        assertThat(refusedFor("clinic/ada", "198.51.100.4")).as("four fresh failures only").isZero();
        fail("clinic/zed", "203.0.113.9", 1);
        assertThat(refusedFor("clinic/eve", "203.0.113.9")).as("the address kept its count").isEqualTo(30);
    }

    @Test
    void countsAreForgottenAfterQuietTime() {
        fail("clinic/ada", "203.0.113.1", 4);
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES - 5; i++) {
            fail("clinic/spray-" + i, "203.0.113.1", 1);
        }
        clock.advance(Duration.ofMinutes(16));
        fail("clinic/other", "203.0.113.1", 4);
        assertThat(refusedFor("clinic/x", "203.0.113.1")).as("the address forgot after 15 quiet minutes").isZero();

        clock.advance(Duration.ofMinutes(45));
        fail("clinic/ada", "203.0.113.1", 4);
        assertThat(refusedFor("clinic/ada", "203.0.113.1")).as("the account forgot after a quiet hour").isZero();
        assertThat(throttle.tracked()).isLessThanOrEqualTo(4);
    }

    @Test
    void randomUsernamesFromRandomAddressesCannotGrowItBeyondItsBound() {
        Random random = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            throttle.begin("clinic/" + Long.toHexString(random.nextLong()), address).failed();
        }

        assertThat(throttle.tracked()).isLessThanOrEqualTo(2 * LoginThrottle.MAX_TRACKED);
    }

    @Test
    void anAttemptCountsOnceHoweverOftenItIsSettled() {
        LoginThrottle.Attempt attempt = throttle.begin("clinic/ada", "203.0.113.1");
        for (int i = 0; i < 10; i++) {
            attempt.failed();
        }

        assertThat(refusedFor("clinic/ada", "203.0.113.1")).isZero();
        assertThatThrownBy(() -> {
            fail("clinic/ada", "203.0.113.1", 4);
            throttle.begin("clinic/ada", "203.0.113.1");
        }).isInstanceOf(Sessions.RetryLater.class);
    }
}
