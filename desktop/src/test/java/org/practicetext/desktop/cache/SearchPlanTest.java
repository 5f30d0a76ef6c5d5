// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.ConversationFilter.Assignment;
import org.practicetext.core.ConversationFilter.ContactType;
import org.practicetext.core.ConversationFilter.Status;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;

/**
 * The list's search plans (matched contacts read first, then each rank's page of their ids)
 * against the search rules written out here in plain Java over the unsearched list: the same
 * rows in the same order for every search and filter, and paging at any size adds up to it.
 * The contact picker is held to the same rules in name order.
 */
class SearchPlanTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final String[] NAMES = {"Anna Smith", "Olga Goldsmith", "Marcus Johnson", "Joanne Hill", "Sam Smithers", "Bo Alvarez", "Hanna Annable",
        "Ben Okafor", null};

    @TempDir
    static Path temp;
    static CacheDatabase db;
    static ConversationQueries list;
    static final Map<Long, String> NAME = new HashMap<>();
    static final Map<Long, String> PHONE = new HashMap<>();
    static final Map<Long, String> SORT_NAME = new HashMap<>();

    @BeforeAll
    static void fill() {
        db = CacheDatabase.open(temp.resolve("cache"));
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk").inbox(2, "Billing").user(1, "me", "Me");
        for (int i = 1; i <= 360; i++) {
            String name = NAMES[i % NAMES.length] == null ? null : NAMES[i % NAMES.length] + (i % 4 == 0 ? " " + i : "");
            String phone = String.format("+1312%03d%04d", 550 + i % 7, i * 37 % 10_000);
            feed.contact(i, phone, i % 5 == 0 ? "lead" : "patient", name, false, false)
                    .conversation(1000 + i, i, phone, i % 3 == 0 ? "closed" : "open", 1 + i % 2, i % 4 == 1 ? 1L : null, 0,
                            T0.plusSeconds(i * 7919L % 97 * 60), "hello");
            NAME.put((long) i, name == null ? "" : name);
            PHONE.put((long) i, phone);
        }
        FeedApplier applier = new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Me"));
        feed.pages(100).forEach(page -> applier.apply(page, T0));
        list = new ConversationQueries(db);
        db.read(sql -> sql.query("SELECT id, sort_name FROM contact", rs -> SORT_NAME.put(rs.getLong(1), rs.getString(2))));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Stream<Arguments> searches() {
        ConversationFilter all = ConversationFilter.defaults().withStatus(Status.ALL);
        List<ConversationFilter> filters = List.of(all, ConversationFilter.defaults(),
                ConversationFilter.defaults().withAssignment(Assignment.MINE).withContactType(ContactType.PATIENTS).withInbox(2L));
        return Stream.of("smi", "smith", "ohns", "ann", "anna sm", "jo hi", "ann 12", "nna", "hill", "sm", "a", "55", "555-0", "312 55",
                "0370", "zzz", "o'b").flatMap(search -> filters.stream().map(f -> Arguments.of(search, f.withSearch(search))));
    }

    @ParameterizedTest(name = "\"{0}\" {1}")
    @MethodSource("searches")
    void theListAndEveryWayOfPagingItAreWhatTheRulesSay(String search, ConversationFilter filter) {
        List<Long> expected = expected(filter);

        assertThat(list.list(filter, 1L, 1000)).extracting(ConversationRow::id).containsExactlyElementsOf(expected);
        for (int size : new int[] {1, 7, 50}) {
            assertThat(ListPaging.paged(list, filter, 1L, size)).as("pages of %d", size).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("searches")
    void theContactPickerFindsTheSameContactsInNameOrder(String search, ConversationFilter ignored) {
        List<Long> expected = NAME.keySet().stream().filter(id -> rank(search, id) >= 0)
                .sorted(Comparator.<Long>comparingInt(id -> rank(search, id)).thenComparing(SORT_NAME::get).thenComparing(id -> id))
                .toList();

        List<Long> found = new ContactQueries(db).search(search, 1000).stream().map(ContactRow::id).toList();

        assertThat(found).containsExactlyElementsOf(expected);
        assertThat(new ContactQueries(db).search(search, 5).stream().map(ContactRow::id).toList())
                .containsExactlyElementsOf(expected.subList(0, Math.min(5, expected.size())));
    }

    /** The list without a search, kept where the rules find the contact, word starts (rank 0) first. */
    private static List<Long> expected(ConversationFilter filter) {
        List<ConversationRow> unsearched = list.list(filter.withSearch(null), 1L, 1000);
        return unsearched.stream().filter(r -> rank(filter.search(), r.contactId()) >= 0)
                .sorted(Comparator.comparingInt(r -> rank(filter.search(), r.contactId()))) // stable: the list's order within a rank
                .map(ConversationRow::id).toList();
    }

    /**
     * 0: every typed word starts a name word, or the number holds the typed digits; 1: some typed
     * word of 3+ letters only inside a name word; -1: not found.
     */
    private static int rank(String search, long contactId) {
        List<String> typed = TextKey.words(search, 1);
        String digits = TextKey.phoneDigits(search);
        List<String> words = TextKey.words(NAME.get(contactId), 1);
        String phone = PHONE.get(contactId);
        if (!digits.isEmpty() && (phone.replace("+", "").contains(digits) || phone.substring(2).contains(digits))) {
            return 0;
        }
        if (typed.isEmpty()) {
            return -1;
        }
        if (typed.stream().allMatch(t -> words.stream().anyMatch(w -> w.startsWith(t)))) {
            return 0;
        }
        return typed.stream().allMatch(t -> words.stream().anyMatch(w -> t.length() >= TextKey.MIN_INFIX ? w.contains(t) : w.startsWith(t))) ? 1 : -1;
    }
}
