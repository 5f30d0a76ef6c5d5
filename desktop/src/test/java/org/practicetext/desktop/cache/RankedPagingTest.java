// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;

/**
 * Scrolling a searched list page by page gives exactly the list a single query would: a search
 * that matches some names at a word's start and others only inside a word ranks the first kind
 * first, so the next page has to continue inside the rank of the last row shown — paging by last
 * activity alone would skip or repeat rows.
 */
class RankedPagingTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path temp;
    CacheDatabase db;
    ConversationQueries list;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("cache"));
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk").user(1, "me", "Me");
        for (int i = 1; i <= 40; i++) {
            // Smiths and Goldsmiths alternate in time, so rank order and time order differ; some share a time
            String name = (i % 2 == 0 ? "Anna Smith " : "Olga Goldsmith ") + i;
            String phone = String.format("+1312555%04d", i);
            feed.contact(i, phone, "patient", name, false, false)
                    .conversation(100 + i, i, phone, "open", 1, null, 0, T0.plusSeconds(i / 3 * 60L), "hello");
        }
        feed.contact(99, "+13125559999", "patient", "Ben Jones", false, false)
                .conversation(199, 99, "+13125559999", "open", 1, null, 0, T0, "hello");
        feed.pages(25).forEach(page -> new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Me")).apply(page, T0));
        list = new ConversationQueries(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pagesOfARankedSearchAddUpToTheWholeListInItsOrder() {
        ConversationFilter filter = ConversationFilter.defaults().withSearch("smit");
        List<ConversationRow> whole = list.list(filter, 1L, 500);
        assertThat(whole).hasSize(40);
        assertThat(whole.subList(0, 20)).allMatch(r -> r.displayName().startsWith("Anna Smith"));
        assertThat(whole.subList(20, 40)).allMatch(r -> r.displayName().startsWith("Olga Goldsmith"));

        assertThat(ListPaging.paged(list, filter, 1L, 7)).containsExactlyElementsOf(whole.stream().map(ConversationRow::id).toList());
    }

    @Test
    void pagesOfAnUnrankedListAddUpToTheWholeList() {
        ConversationFilter filter = ConversationFilter.defaults();
        List<Long> whole = list.list(filter, 1L, 500).stream().map(ConversationRow::id).toList();
        assertThat(whole).hasSize(41);

        assertThat(ListPaging.paged(list, filter, 1L, 6)).containsExactlyElementsOf(whole);
    }
}
