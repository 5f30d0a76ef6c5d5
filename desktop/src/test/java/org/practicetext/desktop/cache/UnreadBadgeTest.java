// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.ConversationFilter.Status;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;

/**
 * The badge is read from two indexes (the open conversations' unread counts, less those of
 * blocked contacts): it must always equal the unread messages of exactly the rows "Open &
 * Unread" lists, whatever opens, closes, reads, blocks or unblocks them.
 */
class UnreadBadgeTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path temp;
    CacheDatabase db;
    ConversationQueries list;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("cache"));
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk").user(1, "me", "Me");
        for (int i = 1; i <= 60; i++) {
            String phone = String.format("+1312555%04d", i);
            feed.contact(i, phone, "patient", "Patient " + i, false, i % 7 == 0)
                    .conversation(100 + i, i, phone, i % 3 == 0 ? "closed" : "open", 1, null, i % 4, T0.plusSeconds(i), "hello");
        }
        feed.pages(50).forEach(page -> new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Me")).apply(page, T0));
        list = new ConversationQueries(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theBadgeIsTheUnreadOfWhatOpenAndUnreadListsAfterEveryKindOfChange() {
        assertThat(list.unreadBadge()).isEqualTo(recount()).isPositive();
        db.write(sql -> {
            LocalChanges.blocked(sql, 7, false);
            LocalChanges.blocked(sql, 1, true);
            return null;
        });
        assertThat(list.unreadBadge()).isEqualTo(recount());
        db.write(sql -> {
            LocalChanges.status(sql, 102, "closed");
            LocalChanges.status(sql, 103, "open");
            LocalChanges.read(sql, 105);
            LocalChanges.unread(sql, 108);
            return null;
        });
        assertThat(list.unreadBadge()).isEqualTo(recount());
    }

    /** The rows the Open & Unread filter lists, their unread counts added up. */
    private int recount() {
        return list.list(ConversationFilter.defaults().withStatus(Status.OPEN_UNREAD), 1L, 1000).stream()
                .mapToInt(ConversationRow::unreadCount).sum();
    }
}
