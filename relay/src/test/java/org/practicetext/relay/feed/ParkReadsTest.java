// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParkReadsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ParkReads reads = new ParkReads(now::get);
    private final AtomicInteger readsMade = new AtomicInteger();

    private Supplier<RawFeedPage> read(long next) {
        return () -> {
            readsMade.incrementAndGet();
            return new RawFeedPage(List.of(), next, false, "feed-1");
        };
    }

    @Test
    void pollsAtTheSameCursorAndGenerationShareOneRead() {
        RawFeedPage first = reads.page(7, 3, "10/500", read(10));
        RawFeedPage second = reads.page(7, 3, "10/500", read(10));

        assertThat(second).isSameAs(first);
        assertThat(readsMade).hasValue(1);
    }

    @Test
    void aSignalSinceThePageWasReadMakesTheNextPollReadAgain() {
        reads.page(7, 3, "10/500", read(10));
        reads.page(7, 4, "10/500", read(11));

        assertThat(readsMade).hasValue(2);
    }

    @Test
    void anotherCursorLimitOrPracticeIsReadOnItsOwn() {
        reads.page(7, 3, "10/500", read(10));
        reads.page(7, 3, "12/500", read(12));
        reads.page(7, 3, "10/500/no-texts", read(10));
        reads.page(8, 3, "10/500", read(10));

        assertThat(readsMade).hasValue(4);
    }

    @Test
    void aPageIsNotSharedOnceItIsASecondOld() {
        reads.page(7, 3, "10/500", read(10));
        now.addAndGet(ParkReads.FRESH.toNanos());
        reads.page(7, 3, "10/500", read(10));

        assertThat(readsMade).hasValue(2);
    }

    @Test
    void aPageWithEventsIsNotKept() {
        Supplier<RawFeedPage> withEvents = () -> {
            readsMade.incrementAndGet();
            return new RawFeedPage(List.of(new RawEvent(11, "message", "{}")), 11, false, "feed-1");
        };
        reads.page(7, 3, "10/500", withEvents);
        reads.page(7, 3, "10/500", withEvents);

        assertThat(readsMade).hasValue(2);
    }

    @Test
    void aFailedReadIsThrownAndNotKept() {
        assertThatThrownBy(() -> reads.page(7, 3, "10/500", () -> {
            throw new IllegalStateException("database down");
        })).hasMessage("database down");

        reads.page(7, 3, "10/500", read(10));

        assertThat(readsMade).hasValue(1);
    }
}
