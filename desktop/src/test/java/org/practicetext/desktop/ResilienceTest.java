// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.protocol.EventTypes;

/** The relay going away and coming back, the app starting without it, and a sign-in that ends. */
class ResilienceTest {
    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    @Test
    void aRelayStoppedInTheMiddleOfTheSnapshotIsCaughtUpWithAfterItRestartsWithoutDuplicates() throws Exception {
        for (int i = 0; i < 40; i++) {
            bench.inbound(DeskBench.phone(i), "text " + i);
        }
        AtomicBoolean stoppedOnce = new AtomicBoolean();
        try (DesktopClient client = bench.signIn("staff", 9)) {
            client.onConnection(state -> {
                // Called on the sync thread right after a page is applied: the relay dies between two pages.
                if (state.kind() == Kind.CATCHING_UP && state.applied() >= 27 && stoppedOnce.compareAndSet(false, true)) {
                    bench.stopRelay();
                }
            });
            DeskBench.awaitState(client, Kind.OFFLINE);
            int cachedWhileDown = client.conversations().conversations(ConversationFilter.defaults(), 100).size();
            assertThat(cachedWhileDown).isBetween(1, 39);
            assertThat(client.session().connection().detail()).contains("cannot be reached");

            bench.startRelay();
            DeskBench.awaitState(client, Kind.ONLINE);

            List<ConversationRow> rows = client.conversations().conversations(ConversationFilter.defaults(), 100);
            assertThat(rows).extracting(ConversationRow::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(bench.relayEntities(EventTypes.CONVERSATION).keySet());
            assertThat(FeedSyncTest.allMessageIds(client, rows)).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(bench.relayEntities(EventTypes.MESSAGE).keySet());
        }
    }

    @Test
    void aClientStartedWithoutTheRelayReadsEveryCachedThreadAndSaysItIsOffline() throws Exception {
        for (int i = 0; i < 5; i++) {
            bench.inbound(DeskBench.phone(i), "Question " + i);
        }
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
        }
        bench.stopRelay();

        try (DesktopClient client = bench.resume("staff")) {
            DeskBench.awaitState(client, Kind.OFFLINE);
            assertThat(client.session().me().username()).isEqualTo("staff");
            assertThat(client.session().practice().slug()).isEqualTo(bench.practice.slug());
            assertThat(client.session().connection().lastSyncedAt()).isNotNull();
            List<ConversationRow> rows = client.conversations().conversations(ConversationFilter.defaults(), 100);
            assertThat(rows).hasSize(5);
            for (ConversationRow row : rows) {
                assertThat(client.messages().messages(row.id(), null, 10).messages()).singleElement()
                        .satisfies(m -> assertThat(m.body()).startsWith("Question "));
            }
        } finally {
            bench.startRelay();
        }
    }

    @Test
    void anExpiredSignInEndsInSignedOutAndKeepsTheCacheAndTheOutbox() throws Exception {
        bench.inbound(DeskBench.phone(1), "Hi");
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            long conversation = client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();

            bench.relay.clock.advance(Duration.ofDays(31));
            client.messages().send(conversation, "Are you still there?");

            DeskBench.awaitState(client, Kind.SIGNED_OUT);
            assertThat(client.session().connection().detail()).contains("expired");
            assertThat(client.messages().outbox()).singleElement().satisfies(item -> assertThat(item.state()).isEqualTo("pending"));
            assertThat(client.session().connection().waitingToSend()).isEqualTo(1);
            assertThat(client.conversations().conversations(ConversationFilter.defaults(), 10)).hasSize(1);
            assertThat(client.messages().messages(conversation, null, 10).messages()).extracting(m -> m.body()).contains("Hi", "Are you still there?");
            assertThat(DesktopClients.tokens(bench.dataRoot).load(bench.account("staff")).isPresent())
                    .as("the dead token is forgotten, so the next start asks to sign in").isFalse();
        }
        assertThat(DesktopClients.resume(bench.account("staff"), bench.dataRoot, java.time.Clock.systemUTC())).isEmpty();
        try (DesktopClient again = bench.signIn("staff")) {
            Await.until("the kept message is delivered after signing in again", () -> again.messages().outbox().isEmpty());
            Await.until("the relay's copy replaced the local one", () -> again.messages().messages(
                    again.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id(), null, 10).messages().stream()
                    .anyMatch(m -> m.body().equals("Are you still there?") && !m.local()));
        }
    }
}
