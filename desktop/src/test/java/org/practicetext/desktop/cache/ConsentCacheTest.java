// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicetext.desktop.cache.FeedBuilder.keyword;
import static org.practicetext.desktop.cache.FeedBuilder.staff;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.ConsentChange;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.protocol.ConsentRecordView;
import org.practicetext.protocol.FeedEvent;
import org.practicetext.protocol.FeedPage;

/** Consent records (ADR 0025) in the cache: applied once with the feed, never rewritten, read by thread and contact, kept or swept by a resync. */
class ConsentCacheTest {
    static final Instant T0 = Instant.parse("2026-11-27T21:12:00Z");

    @TempDir
    Path temp;
    CacheDatabase db;
    FeedApplier applier;
    ConsentQueries consent;
    final FeedBuilder feed = new FeedBuilder();

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("cache"));
        applier = new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Me"));
        consent = new ConsentQueries(db);
        base();
    }

    private void base() {
        feed.practice("US").inbox(1, "Front Desk").user(1, "me", "Me")
                .contact(7, "+13125550107", "patient", "Maria Lopez", true, false)
                .conversation(70, 7, "+13125550107", "open", 1, null, 0, T0, "Stop please")
                .message(700, 70, "in", "Stop please", "received", T0)
                .contact(8, "+13125550108", "lead", null, false, false)
                .conversation(80, 8, "+13125550108", "open", 1, null, 0, T0, "Hi");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<DeskChange> apply() {
        List<DeskChange> changes = applier.apply(new FeedPage(feed.events(), feed.events().getLast().seq(), false, FeedBuilder.FEED_ID), T0);
        feed.clear();
        return changes;
    }

    @Test
    void aRecordArrivesOnceAndTheSameRecordAgainIsNoChange() {
        ConsentRecordView stop = keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0, "Stop please", "STOP", 700L);
        feed.consent(stop);

        assertThat(apply()).contains(new DeskChange.ConsentRecorded(stop));
        assertThat(consent.forConversation(70)).containsExactly(stop);

        feed.consent(stop);
        assertThat(apply()).as("the same record delivered again").isEmpty();
        assertThat(consent.forConversation(70)).containsExactly(stop);
    }

    @Test
    void aThreadShowsItsOwnRecordsAndItsContactsRecordsOfNoConversationInTimeOrder() {
        ConsentRecordView imported = new ConsentRecordView(3, 7, null, ConsentChange.OPTED_OUT, org.practicetext.core.ConsentSource.IMPORT,
                T0.minusSeconds(86_400), null, null, null, null, 1L, "Alex Kim", null);
        ConsentRecordView start = keyword(2, 7, 70L, ConsentChange.OPTED_IN, T0.plusSeconds(60), "START", "START", 701L);
        ConsentRecordView stop = keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0, "Stop please", "STOP", 700L);
        ConsentRecordView otherThread = staff(4, 8, 80L, ConsentChange.BLOCKED, T0, "Alex Kim", "wrong number");
        feed.consent(start).consent(stop).consent(imported).consent(otherThread);
        apply();

        assertThat(consent.forConversation(70)).extracting(ConsentRecordView::id).containsExactly(3L, 1L, 2L);
        assertThat(consent.forConversation(80)).extracting(ConsentRecordView::id).containsExactly(4L);
        assertThat(consent.forContact(7)).extracting(ConsentRecordView::id).containsExactly(3L, 1L, 2L);
    }

    @Test
    void theContactsStateIsItsNewestRecordOfEachKind() {
        feed.consent(keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0, "Stop please", "STOP", 700L))
                .consent(keyword(2, 7, 70L, ConsentChange.OPTED_IN, T0.plusSeconds(60), "START", "START", 701L))
                .consent(staff(3, 7, 70L, ConsentChange.OPTED_OUT, T0.plusSeconds(120), "Alex Kim", "asked at the front desk"))
                .consent(staff(4, 7, 70L, ConsentChange.BLOCKED, T0.plusSeconds(10), "Alex Kim", "wrong number"))
                .consent(staff(5, 7, 70L, ConsentChange.UNBLOCKED, T0.plusSeconds(20), "Jordan Lee", null));
        apply();

        ConsentState state = consent.state(7);
        assertThat(state.optedOutBy()).get().extracting(ConsentRecordView::id).isEqualTo(3L);
        assertThat(state.blockedBy()).as("unblocked after the block").isEmpty();
        assertThat(state.block()).get().extracting(ConsentRecordView::id).isEqualTo(5L);
        assertThat(consent.state(8)).isEqualTo(ConsentState.NONE);
    }

    @Test
    void aResyncKeepsTheRecordsItsSnapshotBringsAgainWithoutAChangeAndSweepsTheRest() {
        ConsentRecordView stop = keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0, "Stop please", "STOP", 700L);
        feed.consent(stop).consent(staff(2, 8, 80L, ConsentChange.BLOCKED, T0, "Alex Kim", null));
        apply();
        db.write(sql -> {
            SyncState.beginResync(sql);
            return null;
        });

        base();
        feed.consent(stop);
        List<DeskChange> changes = apply();

        assertThat(changes).contains(new DeskChange.Resynced());
        assertThat(changes).noneMatch(DeskChange.ConsentRecorded.class::isInstance);
        assertThat(consent.forConversation(70)).containsExactly(stop);
        assertThat(consent.forConversation(80)).as("the relay's snapshot no longer has it").isEmpty();
    }

    @Test
    void aBatchCarriesItsRecordsToTheirThreadAndThoseOfNoConversationToEveryThreadOfTheContact() {
        ConsentRecordView stop = keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0, "Stop please", "STOP", 700L);
        ConsentRecordView imported = new ConsentRecordView(2, 8, null, ConsentChange.OPTED_OUT, org.practicetext.core.ConsentSource.IMPORT, T0,
                null, null, null, null, 1L, "Alex Kim", null);
        feed.consent(stop).consent(imported);

        ChangeBatch batch = new BatchReads(db).read(apply());

        assertThat(batch.touches(70)).isTrue();
        assertThat(batch.consents(70, 7)).containsExactly(stop);
        assertThat(batch.consents(80, 8)).containsExactly(imported);
        assertThat(batch.conversation(80)).as("read with its contact").isPresent();
        assertThat(batch.consentRecorded(8)).isTrue();
        assertThat(batch.consents(70, 7)).doesNotContain(imported);
    }

    @Test
    void aRecordWrittenDirectlyIsReadBackWhole() {
        ConsentRecordView carrier = new ConsentRecordView(9, 7, 70L, ConsentChange.OPTED_OUT, org.practicetext.core.ConsentSource.CARRIER, T0,
                null, null, 21610, 700L, null, null, null);
        db.write(sql -> new FeedRows().apply(sql, List.of(new FeedEvent(0, org.practicetext.protocol.EventTypes.CONSENT,
                org.practicetext.protocol.Json.mapper().valueToTree(carrier))), SyncState.read(sql).generation()));

        assertThat(consent.forConversation(70)).containsExactly(carrier);
    }
}
