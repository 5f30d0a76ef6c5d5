// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.protocol.EventTypes;

/** Following the relay's feed: the first snapshot, then increments, with progress while catching up. */
class FeedSyncTest {
    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    @Test
    void firstSignInCopiesTheWholePracticeIntoTheCache() throws Exception {
        for (int i = 0; i < 12; i++) {
            bench.inbound(DeskBench.phone(i), "Hello from patient " + i);
            bench.inbound(DeskBench.phone(i), "Second text " + i);
        }
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);

            List<ConversationRow> rows = client.conversations().conversations(ConversationFilter.defaults().withStatus(ConversationFilter.Status.ALL), 100);
            Map<Long, JsonNode> relayConversations = bench.relayEntities(EventTypes.CONVERSATION);
            assertThat(rows).extracting(ConversationRow::id).containsExactlyInAnyOrderElementsOf(relayConversations.keySet());
            assertThat(rows).allSatisfy(row -> assertThat(row.unreadCount()).isEqualTo(2));
            assertThat(allMessageIds(client, rows)).containsExactlyInAnyOrderElementsOf(bench.relayEntities(EventTypes.MESSAGE).keySet());
            assertThat(client.conversations().unreadBadge()).isEqualTo(24);
            assertThat(client.directory().team()).extracting(t -> t.username()).containsExactlyInAnyOrder("admin", "staff", "viewer");
            assertThat(client.directory().inboxes()).extracting(i -> i.name()).containsExactly("Front Desk");
            assertThat(client.session().connection().lastSyncedAt()).isNotNull();
        }
    }

    @Test
    void aTextArrivingWhileOnlineReachesTheCacheAndTheListeners() throws Exception {
        bench.inbound(DeskBench.phone(1), "first");
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            List<ChangeBatch> changes = Collections.synchronizedList(new ArrayList<>());
            client.onChange(changes::add);

            bench.inbound(DeskBench.phone(2), "Can I move my appointment?");

            Await.until("the new conversation is cached", () -> client.conversations().conversations(ConversationFilter.defaults(), 10).size() == 2);
            ConversationRow newest = client.conversations().conversations(ConversationFilter.defaults(), 10).getFirst();
            assertThat(newest.preview()).isEqualTo("Can I move my appointment?");
            assertThat(newest.kind()).isEqualTo("lead");
            assertThat(client.messages().messages(newest.id(), null, 10).messages()).extracting(MessageRow::body).containsExactly("Can I move my appointment?");
            Await.until("a listener heard of it", () -> changes.stream().anyMatch(c -> c.touches(newest.id())));
            assertThat(changes).as("the text arrived in the batch that carries its conversation's row")
                    .anyMatch(c -> c.all(DeskChange.TextArrived.class).anyMatch(t -> t.conversationId() == newest.id())
                            && c.conversation(newest.id()).map(ConversationRow::preview).orElse("").equals("Can I move my appointment?"));
        }
    }

    @Test
    void aTextWithTenLongMediaUrlsReachesTheCacheWhole() throws Exception {
        Map<String, String> params = new java.util.LinkedHashMap<>(org.practicetext.relay.RelayFixture.inbound(
                org.practicetext.relay.RelayFixture.newSid(), DeskBench.phone(3), bench.practice.number(), "photos"));
        params.put("NumMedia", "10");
        for (int i = 0; i < 10; i++) {
            params.put("MediaUrl" + i, "https://api.twilio.com/media/" + i + "/" + "x".repeat(3_000));
            params.put("MediaContentType" + i, "image/jpeg");
        }
        assertThat(bench.relay.webhook("/twilio/sms", params).statusCode()).isEqualTo(200);
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            ConversationRow row = client.conversations().conversations(ConversationFilter.defaults(), 10).getFirst();
            MessageRow message = client.messages().messages(row.id(), null, 10).messages().getFirst();
            assertThat(message.media()).hasSize(10);
            assertThat(message.media().getLast().url()).endsWith("x".repeat(3_000));
        }
    }

    @Test
    void catchingUpReportsProgressAgainstAnEstimatedTotalThenGoesOnline() throws Exception {
        for (int i = 0; i < 30; i++) {
            bench.inbound(DeskBench.phone(i), "text " + i);
        }
        int events = bench.relay.events(bench.relay.signIn(bench.practice, "admin"), 0).size();
        List<ConnectionState> states = Collections.synchronizedList(new ArrayList<>());
        try (DesktopClient client = DesktopClients.signIn(bench.account("staff"), org.practicetext.relay.RelayFixture.PASSWORD.toCharArray(),
                bench.dataRoot, java.time.Clock.systemUTC(), bench.options(7))) {
            client.onConnection(states::add);
            DeskBench.awaitState(client, Kind.ONLINE);
        }
        List<ConnectionState> catchingUp = states.stream().filter(s -> s.kind() == Kind.CATCHING_UP).toList();
        assertThat(catchingUp).isNotEmpty();
        assertThat(catchingUp).extracting(ConnectionState::applied).isSorted();
        assertThat(catchingUp).allSatisfy(s -> assertThat(s.total()).isGreaterThan(s.applied()));
        ConnectionState last = catchingUp.getLast();
        assertThat(last.total()).as("the estimate near the end").isBetween((long) (events * 0.8), (long) (events * 1.25));
    }

    @Test
    void aChangedFeedIdMakesTheClientResynchroniseFromZeroAndDropWhatTheRelayNoLongerHas() throws Exception {
        bench.inbound(DeskBench.phone(1), "one");
        bench.inbound(DeskBench.phone(2), "two");
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            assertThat(client.conversations().conversations(ConversationFilter.defaults(), 10)).hasSize(2);
            List<ChangeBatch> changes = Collections.synchronizedList(new ArrayList<>());
            client.onChange(changes::add);

            // The relay's data is "restored from a backup": one conversation is gone and the feed has a new id.
            bench.relay.server.database().inTransaction(tx -> {
                tx.update("DELETE FROM feed_event WHERE entity_type IN ('conversation', 'message') AND entity_id IN "
                        + "(SELECT c.id FROM conversation c JOIN contact ct ON ct.id = c.contact_id WHERE ct.phone = ?)", DeskBench.phone(2));
                tx.update("UPDATE practice SET feed_id = ? WHERE slug = ?", "restored-" + System.nanoTime(), bench.practice.slug());
                return null;
            });
            bench.inbound(DeskBench.phone(3), "three"); // wakes the long-poll

            Await.until("the client resynchronised", () -> changes.stream().anyMatch(ChangeBatch::resynced));
            Set<String> phones = client.conversations().conversations(ConversationFilter.defaults(), 10).stream().map(ConversationRow::phone).collect(Collectors.toSet());
            assertThat(phones).containsExactlyInAnyOrder(DeskBench.phone(1), DeskBench.phone(3));
        }
    }

    static List<Long> allMessageIds(DesktopClient client, List<ConversationRow> rows) {
        List<Long> ids = new ArrayList<>();
        for (ConversationRow row : rows) {
            client.messages().messages(row.id(), null, 1000).messages().forEach(m -> ids.add(m.id()));
        }
        return ids;
    }
}
