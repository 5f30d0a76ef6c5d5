// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;

/**
 * A search of one or two letters that starts more name words than {@link SearchSql#WALK_ABOVE}
 * walks the list in its order, probing each row's contact, instead of sorting every match: it
 * must list exactly what the other way lists, in the same order, page after page.
 */
class BroadSearchTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final int PEOPLE = 2400;

    @TempDir
    static Path temp;
    static CacheDatabase db;
    static ConversationQueries list;

    @BeforeAll
    static void fill() {
        db = CacheDatabase.open(temp.resolve("cache"));
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk").user(1, "me", "Me");
        for (int i = 1; i <= PEOPLE; i++) {
            // two in three start with "A"; times repeat, so the id decides among equals
            String name = (i % 3 == 0 ? "Ben Okafor " : i % 3 == 1 ? "Anna Smith " : "Bo Alvarez ") + i;
            String phone = String.format("+1312555%04d", i);
            feed.contact(i, phone, "patient", name, false, false)
                    .conversation(10_000 + i, i, phone, i % 4 == 0 ? "closed" : "open", 1, null, 0, T0.plusSeconds(i * 7919L % 500 * 60), "hello");
        }
        FeedApplier applier = new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Me"));
        feed.pages(500).forEach(page -> applier.apply(page, T0));
        list = new ConversationQueries(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aBroadPrefixIsAnsweredByTheWalkAndARareOneByItsMatches() throws Exception {
        assertThat(db.<Boolean>read(q -> SearchSql.broad(q, "a"))).isTrue();
        assertThat(db.<Boolean>read(q -> SearchSql.broad(q, "an"))).isFalse();
        assertThat(db.<Boolean>read(q -> SearchSql.broad(q, "ann"))).as("three letters are ranked, never walked").isFalse();
        assertThat(db.<Boolean>read(q -> SearchSql.broad(q, "12"))).as("digits search the number too").isFalse();
    }

    @Test
    void theWalkListsWhatTheWholeListFilteredByNameWouldInItsOrder() {
        ConversationFilter open = ConversationFilter.defaults();
        List<ConversationRow> expected = list.list(open, 1L, PEOPLE).stream()
                .filter(r -> r.displayName().startsWith("Anna") || r.displayName().startsWith("Bo Alvarez")).toList();

        List<ConversationRow> walked = list.list(open.withSearch("a"), 1L, PEOPLE);

        assertThat(walked).extracting(ConversationRow::id).containsExactlyElementsOf(expected.stream().map(ConversationRow::id).toList());
        assertThat(ListPaging.paged(list, open.withSearch("A"), 1L, 97)).containsExactlyElementsOf(expected.stream().map(ConversationRow::id).toList());
    }

    @Test
    void twoShortWordsMustEachStartAWord() {
        List<ConversationRow> both = list.list(ConversationFilter.defaults().withSearch("a s"), 1L, PEOPLE);

        assertThat(both).isNotEmpty().allMatch(r -> r.displayName().startsWith("Anna Smith"));
        assertThat(both).hasSize((int) list.list(ConversationFilter.defaults(), 1L, PEOPLE).stream()
                .filter(r -> r.displayName().startsWith("Anna Smith")).count());
    }

    @Test
    void thePickerWalksTheContactsInNameOrderAndFindsWhatTheRuleSays() {
        List<Long> expected = db.read(sql -> sql.query("SELECT id, name FROM contact ORDER BY sort_name, id",
                rs -> TextKey.words(rs.getString(2), 1).stream().anyMatch(w -> w.startsWith("a")) ? rs.getLong(1) : null))
                .stream().filter(java.util.Objects::nonNull).toList();
        ContactQueries picker = new ContactQueries(db);

        assertThat(picker.search("a", 20)).extracting(ContactRow::id).containsExactlyElementsOf(expected.subList(0, 20));
        assertThat(picker.search("A", PEOPLE)).extracting(ContactRow::id).containsExactlyElementsOf(expected);
    }
}
