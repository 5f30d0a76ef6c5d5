// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.FeedBuilder;

/**
 * A retry of a failed text waits in the outbox like a send, so the status line's "waiting to
 * send" must hear of it the moment it is queued — offline that count is all the desk has — and a
 * second click queues nothing and announces nothing.
 */
class OutboxRetryCountTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path temp;
    CacheDatabase db;
    Outbox outbox;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("cache"));
        outbox = new Outbox(db, Clock.systemUTC(), () -> "Me");
        FeedApplier applier = new FeedApplier(db, outbox);
        new FeedBuilder().practice("US").inbox(1, "Front Desk").user(1, "me", "Me")
                .contact(1, "+13125550101", "patient", "Anna Smith", false, false)
                .conversation(10, 1, "+13125550101", "open", 1, null, 0, T0, "Your crown is ready")
                .message(500, 10, "out", "Your crown is ready", "failed", T0)
                .pages(50).forEach(page -> applier.apply(page, T0));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void queuingARetryAnnouncesTheNewWaitingCountOnceAndASecondClickNothing() {
        List<Integer> heard = new CopyOnWriteArrayList<>();
        outbox.onWaitingChanged(() -> heard.add(outbox.waiting()));

        assertThat(outbox.enqueueRetry(500)).isPresent();
        assertThat(heard).containsExactly(1);

        assertThat(outbox.enqueueRetry(500)).as("a retry of it already waits").isEmpty();
        assertThat(heard).containsExactly(1);
        assertThat(outbox.waiting()).isEqualTo(1);
    }
}
