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
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedEvent;
import org.practicetext.protocol.FeedPage;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.RequestView;

/** Requests and the communication settings in the cache: applied with the feed, upserted, only forward, swept by a resync. */
class RequestCacheTest {
    static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

    @TempDir
    Path temp;
    CacheDatabase db;
    FeedApplier applier;
    RequestQueries requests;
    final FeedBuilder feed = new FeedBuilder();

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("cache"));
        applier = new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Me"));
        requests = new RequestQueries(db);
        feed.practice("US").inbox(1, "Front Desk").user(1, "me", "Me")
                .contact(7, "+13125550107", "patient", "Maria Lopez", false, false)
                .conversation(70, 7, "+13125550107", "open", 1, null, 0, T0, "Your statement")
                .message(700, 70, "out", "Pay here: https://relay.test/l/tok1", "sent", T0);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<DeskChange> apply() {
        List<DeskChange> changes = applier.apply(page(feed.events()), T0);
        feed.clear();
        return changes;
    }

    private static FeedPage page(List<FeedEvent> events) {
        return new FeedPage(events, events.getLast().seq(), false, FeedBuilder.FEED_ID);
    }

    @Test
    void aRequestArrivesWithItsMessageAndIsReadBackByConversationMessageAndAsOpen() {
        feed.request(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.SENT, 12_000L, T0).settings("Bright Smile Dental");

        List<DeskChange> changes = apply();

        assertThat(changes).contains(new DeskChange.RequestChanged(70, 1), new DeskChange.CommunicationSettingsChanged());
        assertThat(requests.forMessage(700)).get().extracting(RequestView::amountCents).isEqualTo(12_000L);
        assertThat(requests.forConversation(70)).extracting(RequestView::id).containsExactly(1L);
        assertThat(requests.open()).extracting(RequestView::id).containsExactly(1L);
        assertThat(requests.settings()).get().extracting(s -> s.displayName()).isEqualTo("Bright Smile Dental");
    }

    @Test
    void theSameStateAgainIsNoChangeAndANewStatusIsOne() {
        feed.request(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.SENT, 12_000L, T0).settings("Bright Smile Dental");
        apply();
        feed.request(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.SENT, 12_000L, T0).settings("Bright Smile Dental");
        assertThat(apply()).as("the same request and settings again").isEmpty();

        feed.request(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.PAID, 12_000L, T0);
        assertThat(apply()).containsExactly(new DeskChange.RequestChanged(70, 1));
        assertThat(requests.forMessage(700)).get().extracting(RequestView::status).isEqualTo(RequestStatus.PAID);
        assertThat(requests.open()).as("paid is no longer open").isEmpty();
    }

    /** A staff action's answer is written at once; a feed page fetched just before it may still bring the older state. */
    @Test
    void anOlderStatusArrivingLateDoesNotMoveARequestBack() {
        feed.request(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.OPENED, 12_000L, T0);
        apply();
        write(FeedBuilder.requestView(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.CANCELLED, 12_000L, T0));

        feed.request(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.OPENED, 12_000L, T0);
        assertThat(apply()).isEmpty();

        assertThat(requests.forMessage(700)).get().extracting(RequestView::status).isEqualTo(RequestStatus.CANCELLED);
    }

    @Test
    void aResyncSweepsRequestsTheRelayNoLongerHasAndKeepsThoseItSentAgain() {
        feed.request(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.SENT, 12_000L, T0)
                .request(2, 70, 7, null, RequestKind.REVIEW, RequestStatus.DELIVERED, null, T0.plusSeconds(60));
        apply();
        db.write(sql -> {
            SyncState.beginResync(sql);
            return null;
        });

        feed.practice("US").inbox(1, "Front Desk").contact(7, "+13125550107", "patient", "Maria Lopez", false, false)
                .conversation(70, 7, "+13125550107", "open", 1, null, 0, T0, "Your statement")
                .message(700, 70, "out", "Pay here", "sent", T0)
                .request(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.OPENED, 12_000L, T0);
        List<DeskChange> changes = apply();

        assertThat(changes).contains(new DeskChange.Resynced());
        assertThat(requests.forConversation(70)).extracting(RequestView::id, RequestView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, RequestStatus.OPENED));
    }

    @Test
    void theLastReviewIsTheNewestReviewRequestOfTheContact() {
        feed.request(1, 70, 7, null, RequestKind.REVIEW, RequestStatus.COMPLETED, null, T0)
                .request(2, 70, 7, null, RequestKind.REVIEW, RequestStatus.SENT, null, T0.plusSeconds(3600))
                .request(3, 70, 7, null, RequestKind.PAYMENT, RequestStatus.SENT, 100L, T0.plusSeconds(7200));
        apply();

        assertThat(requests.lastReview(7)).get().extracting(RequestView::id).isEqualTo(2L);
        assertThat(requests.lastReview(8)).isEmpty();
    }

    @Test
    void aBatchCarriesTheChangedRequestsAndTheirConversationsRow() {
        feed.request(1, 70, 7, 700L, RequestKind.PAYMENT, RequestStatus.OPENED, 12_000L, T0).settings("Bright Smile Dental");

        ChangeBatch batch = new BatchReads(db).read(apply());

        assertThat(batch.requests(70)).extracting(RequestView::status).containsExactly(RequestStatus.OPENED);
        assertThat(batch.touches(70)).isTrue();
        assertThat(batch.conversation(70)).get().extracting(ConversationRow::openRequest)
                .isEqualTo(new ConversationRow.OpenRequest(RequestKind.PAYMENT, RequestStatus.OPENED, 12_000L, "USD", 1));
        assertThat(batch.settings()).get().extracting(s -> s.displayName()).isEqualTo("Bright Smile Dental");
    }

    private void write(RequestView view) {
        db.write(sql -> new FeedRows().apply(sql, List.of(new FeedEvent(0, EventTypes.REQUEST, Json.mapper().valueToTree(view))),
                SyncState.read(sql).generation()));
    }
}
