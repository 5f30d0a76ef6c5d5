// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;

/**
 * Every combination of the four filters (4 statuses × 3 contact types × 3 assignments × all
 * inboxes or one) against a cache holding every kind of conversation, compared with the rules
 * written out here in plain Java.
 */
class ConversationFilterTest {
    static final long ME = 1;
    static final long OTHER = 2;
    static final long FRONT = 10;
    static final long BILLING = 11;

    @TempDir
    static Path temp;
    static CacheDatabase db;
    static final List<Fixture> FIXTURES = new ArrayList<>();

    /** What the test knows about each conversation it wrote. */
    record Fixture(long id, String status, int unread, String kind, Long assignee, long inbox, Instant lastAt, boolean openRequest) {
    }

    @BeforeAll
    static void fill() {
        db = CacheDatabase.open(temp.resolve("cache"));
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(FRONT, "Front Desk").inbox(BILLING, "Billing")
                .user(ME, "me", "Me Myself").user(OTHER, "other", "Olga Other");
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 48 * 2; i++) {
            times.add(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(60L * i));
        }
        Collections.shuffle(times, new Random(7));
        long id = 100;
        int t = 0;
        for (String status : List.of("open", "closed")) {
            for (int unread : new int[] {0, 3}) {
                for (String kind : List.of("patient", "lead")) {
                    for (Long assignee : new Long[] {null, ME, OTHER}) {
                        for (long inbox : new long[] {FRONT, BILLING}) {
                            for (int copy = 0; copy < 2; copy++) {
                                id++;
                                Instant at = copy == 1 && id % 5 == 0 ? times.get(t - 1) : times.get(t); // some share a time: the id breaks the tie
                                t++;
                                String phone = String.format("+1312555%04d", id);
                                feed.contact(id, phone, kind, kind.equals("patient") ? "Patient " + id : null, false, false);
                                feed.conversation(id, id, phone, status, inbox, assignee, unread, at, "text " + id);
                                // The first copy has a payment still waiting; the second a finished or expired one, which doesn't count, or none.
                                boolean open = copy == 0;
                                if (open) {
                                    feed.request(id * 10, id, id, null, RequestKind.PAYMENT, id % 2 == 0 ? RequestStatus.OPENED : RequestStatus.SENT,
                                            12_000L, at);
                                } else if (id % 3 != 0) {
                                    feed.request(id * 10, id, id, null, RequestKind.PAYMENT, id % 2 == 0 ? RequestStatus.PAID : RequestStatus.EXPIRED,
                                            5_000L, at);
                                }
                                FIXTURES.add(new Fixture(id, status, unread, kind, assignee, inbox, at, open));
                            }
                        }
                    }
                }
            }
        }
        FeedApplier applier = new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Me Myself"));
        feed.pages(50).forEach(page -> applier.apply(page, Instant.now()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (Status status : Status.values()) {
            for (ContactType type : ContactType.values()) {
                for (Assignment assignment : Assignment.values()) {
                    for (Long inbox : new Long[] {null, BILLING}) {
                        all.add(Arguments.of(status, type, assignment, inbox, false));
                        all.add(Arguments.of(status, type, assignment, inbox, true));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} × {1} × {2} × inbox {3} × open requests {4}")
    @MethodSource("combinations")
    void theListShowsExactlyTheConversationsTheFiltersDescribeNewestFirst(Status status, ContactType type, Assignment assignment, Long inbox,
                                                                         boolean openRequests) {
        List<Long> expected = FIXTURES.stream()
                .filter(f -> switch (status) {
                    case ALL_OPEN -> f.status().equals("open");
                    case OPEN_UNREAD -> f.status().equals("open") && f.unread() > 0;
                    case ALL -> true;
                    case CLOSED -> f.status().equals("closed");
                })
                .filter(f -> switch (type) {
                    case ALL -> true;
                    case PATIENTS -> f.kind().equals("patient");
                    case LEADS -> f.kind().equals("lead");
                })
                .filter(f -> switch (assignment) {
                    case ALL -> true;
                    case MINE -> Long.valueOf(ME).equals(f.assignee());
                    case UNASSIGNED -> f.assignee() == null;
                })
                .filter(f -> inbox == null || f.inbox() == inbox)
                .filter(f -> !openRequests || f.openRequest())
                .sorted(Comparator.comparing(Fixture::lastAt).thenComparing(Fixture::id).reversed())
                .map(Fixture::id)
                .toList();

        ConversationFilter filter = new ConversationFilter(status, type, assignment, inbox, null, openRequests);
        List<ConversationRow> rows = new ConversationQueries(db).list(filter, ME, 500);

        assertThat(expected).as("the fixture covers this combination").isNotEmpty();
        assertThat(rows).extracting(ConversationRow::id).containsExactlyElementsOf(expected);
        List<ConversationRow> everyRow = new ConversationQueries(db).list(new ConversationFilter(Status.ALL, ContactType.ALL, Assignment.ALL, null, null), ME, 500);
        assertThat(everyRow.stream().filter(r -> ConversationQueries.matches(filter, r, ME)).map(ConversationRow::id).toList())
                .as("the rule a screen places rows by agrees with the query").containsExactlyElementsOf(expected);
    }
}
