// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.desktop.sync.OutboxDelivery;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedPage;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.send.Carrier;
import org.practicetext.relay.send.CarrierException;
import org.practicetext.relay.send.CarrierReceipt;
import org.practicetext.relay.send.OutboundText;

/** Sends written locally first, shown at once, delivered once, and refusals the user can retry or discard. */
class OutboxTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    @Test
    void aMessageQueuedWhileTheRelayIsDownShowsAtOnceSurvivesARestartAndIsDeliveredExactlyOnce() throws Exception {
        bench.inbound(DeskBench.phone(1), "Hi");
        String clientId;
        long conversation;
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            conversation = client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
            bench.stopRelay();

            clientId = client.messages().send(conversation, "See you at 3");

            MessageRow local = client.messages().messages(conversation, null, 10).messages().getLast();
            assertThat(local.local()).isTrue();
            assertThat(local.id()).isNegative();
            assertThat(local.status()).isEqualTo("sending");
            assertThat(local.clientId()).isEqualTo(clientId);
            assertThat(local.senderName()).isEqualTo("Sam Staff");
            ConversationRow row = client.conversations().conversation(conversation).orElseThrow();
            assertThat(row.preview()).isEqualTo("See you at 3");
            assertThat(row.waitingToSend()).isEqualTo(1);
            Await.until("the status line counts it", () -> client.session().connection().waitingToSend() == 1);
        }
        try (DesktopClient client = bench.resume("staff")) {
            assertThat(client.messages().outbox()).singleElement().satisfies(item -> assertThat(item.clientId()).isEqualTo(clientId));
            assertThat(client.messages().messages(conversation, null, 10).messages().getLast().local()).isTrue();

            bench.startRelay();
            Await.until("the outbox is empty", () -> client.messages().outbox().isEmpty());
            Await.until("the relay's copy replaced the local one", () -> client.messages().messages(conversation, null, 10).messages().stream()
                    .anyMatch(m -> clientId.equals(m.clientId()) && !m.local()));
            assertThat(client.messages().messages(conversation, null, 10).messages()).filteredOn(m -> clientId.equals(m.clientId())).hasSize(1);
            assertThat(client.conversations().conversation(conversation).orElseThrow().waitingToSend()).isZero();
        }
        assertThat(relayMessagesWithClientId(clientId)).hasSize(1);
    }

    /**
     * The relay comes back restored from a backup ({@code feed renew} gave its feed a new id,
     * docs/DEPLOYMENT.md section 9) while a desk holds an unsent message: the desk resynchronises
     * (FeedSyncTest proves the resync itself) and its outbox still goes out, once.
     */
    @Test
    void aNewFeedIdAfterARestoreResynchronisesAndKeepsTheOutbox() throws Exception {
        bench.inbound(DeskBench.phone(3), "Hi");
        String clientId;
        long conversation;
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            conversation = client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
            bench.stopRelay();
            clientId = client.messages().send(conversation, "Restored and sent");
        }
        bench.startRelay();
        bench.relay.server.database().inTransaction(tx -> tx.update("UPDATE practice SET feed_id = ? WHERE slug = ?",
                "restored-" + System.nanoTime(), bench.practice.slug()));
        try (DesktopClient client = bench.resume("staff")) {
            Await.until("the outbox is empty", () -> client.messages().outbox().isEmpty());
            Await.until("the relay's copy is in the cache", () -> client.messages().messages(conversation, null, 10).messages().stream()
                    .anyMatch(m -> clientId.equals(m.clientId()) && !m.local()));
            assertThat(client.messages().messages(conversation, null, 10).messages()).filteredOn(m -> clientId.equals(m.clientId())).hasSize(1);
        }
        assertThat(relayMessagesWithClientId(clientId)).hasSize(1);
    }

    @Test
    void deliveringTheSameItemTwiceSendsOneMessage() throws Exception {
        bench.inbound(DeskBench.phone(2), "Hi");
        long conversation = bench.relayEntities(EventTypes.CONVERSATION).keySet().iterator().next();
        try (RelayApi api = new RelayApi(URI.create(bench.relay.uri("")), Duration.ofSeconds(40));
             CacheDatabase db = CacheDatabase.open(temp.resolve("bare-cache"))) {
            api.useToken(bench.relay.signIn(bench.practice, "staff"));
            Outbox outbox = new Outbox(db, Clock.systemUTC(), () -> "Sam Staff");
            Outbox.Entry entry = outbox.enqueueSend(conversation, DeskBench.phone(2), "(312) 555-0002", "Just once");
            OutboxDelivery delivery = new OutboxDelivery(api, outbox, db, change -> { });

            delivery.deliver(entry);
            delivery.deliver(entry);

            assertThat(relayMessagesWithClientId(entry.clientId())).singleElement()
                    .satisfies(m -> assertThat(m.get("body").asText()).isEqualTo("Just once"));
            assertThat(outbox.all()).isEmpty();
        }
    }

    @Test
    void theSendsAnswerAndTheFeedsEventForItGoThroughOneApplyAndTheSecondIsNoChange() throws Exception {
        // The carrier holds the hand-off, so the feed's event for the message is the state the relay answered with.
        CountDownLatch carrierOpen = new CountDownLatch(1);
        RelayFixture relay = new RelayFixture(temp.resolve("held-relay"), server -> new Carrier() {
            @Override
            public CarrierReceipt send(OutboundText text) throws CarrierException {
                try {
                    carrierOpen.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new CarrierException(CarrierException.Kind.NOT_SENT, null, 503, "carrier closed for the test", null);
            }

            @Override
            public Optional<CarrierReceipt> findSent(OutboundText text, Instant since) {
                return Optional.empty();
            }
        });
        RelayFixture.TestPractice practice = relay.newPractice();
        try (relay; RelayApi api = new RelayApi(URI.create(relay.uri("")), Duration.ofSeconds(40));
             CacheDatabase db = CacheDatabase.open(temp.resolve("bare-cache"))) {
            relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), DeskBench.phone(3), practice.number(), "Hi"));
            api.useToken(relay.signIn(practice, "staff"));
            Outbox outbox = new Outbox(db, Clock.systemUTC(), () -> "Sam Staff");
            FeedApplier applier = new FeedApplier(db, outbox);
            FeedPage first = api.events(0, 0, 1000, () -> false);
            applier.apply(first, Instant.now());
            long conversation = db.read(sql -> sql.query("SELECT id FROM conversation", rs -> rs.getLong(1))).getFirst();
            Outbox.Entry entry = outbox.enqueueSend(conversation, DeskBench.phone(3), "(312) 555-0003", "Once is enough");
            List<List<DeskChange>> heard = new ArrayList<>();
            new OutboxDelivery(api, outbox, db, heard::add).deliver(entry);

            long sent = db.read(sql -> sql.query("SELECT id FROM message WHERE client_id = ? AND id > 0", rs -> rs.getLong(1), entry.clientId())).getFirst();
            assertThat(heard).singleElement().satisfies(changes -> assertThat(changes).contains(
                    new DeskChange.MessageChanged(conversation, -entry.id()), new DeskChange.MessageChanged(conversation, sent)));

            FeedPage next = api.events(first.next(), 0, 1000, () -> false);
            assertThat(next.events()).anyMatch(e -> EventTypes.MESSAGE.equals(e.type()) && e.data().path("id").asLong() == sent);
            List<DeskChange> again = applier.apply(next, Instant.now());
            assertThat(again).as("the feed's event for the state the answer already wrote")
                    .noneMatch(c -> c instanceof DeskChange.MessageChanged m && m.messageId() == sent);
            long copies = db.read(sql -> sql.count("SELECT COUNT(*) FROM message WHERE client_id = ?", entry.clientId()));
            assertThat(copies).isEqualTo(1);
        } finally {
            carrierOpen.countDown();
        }
    }

    @Test
    void aSendToAnOptedOutPatientFailsWithTheRelaysReasonAndGoesThroughWhenRetriedAfterTheyTextStart() throws Exception {
        bench.inbound(DeskBench.phone(3), "STOP");
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            long conversation = client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();

            String clientId = client.messages().send(conversation, "Your crown is ready");

            Await.until("the item failed", () -> client.messages().outbox().stream().anyMatch(i -> i.state().equals("failed")));
            OutboxItem item = client.messages().outbox().getFirst();
            assertThat(item.errorCode()).isEqualTo("opted_out");
            assertThat(item.errorMessage()).contains("opted out").contains("START");
            MessageRow bubble = client.messages().messages(conversation, null, 10).messages().getLast();
            assertThat(bubble.status()).isEqualTo("failed");
            assertThat(bubble.errorMessage()).isEqualTo(item.errorMessage());
            assertThat(bubble.outboxItemId()).isEqualTo(item.id());
            assertThat(client.conversations().conversation(conversation).orElseThrow().lastOutboundFailed()).isTrue();
            assertThat(relayMessagesWithClientId(clientId)).isEmpty();

            bench.inbound(DeskBench.phone(3), "START");
            Await.until("the patient is opted in again", () -> !client.directory().contactByPhone(DeskBench.phone(3)).orElseThrow().optedOut());
            client.messages().retry(item.id());

            Await.until("the retried message is the relay's", () -> client.messages().messages(conversation, null, 10).messages().stream()
                    .anyMatch(m -> clientId.equals(m.clientId()) && !m.local()));
            assertThat(client.messages().outbox()).isEmpty();
            assertThat(relayMessagesWithClientId(clientId)).hasSize(1);
        }
    }

    @Test
    void discardingAFailedSendRemovesItsBubbleAndItsRedMark() throws Exception {
        bench.inbound(DeskBench.phone(4), "stop");
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            long conversation = client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
            client.messages().send(conversation, "Reminder");
            Await.until("the item failed", () -> client.messages().outbox().stream().anyMatch(i -> i.state().equals("failed")));

            client.messages().discard(client.messages().outbox().getFirst().id());

            assertThat(client.messages().outbox()).isEmpty();
            assertThat(client.messages().messages(conversation, null, 10).messages()).extracting(MessageRow::body).containsExactly("stop");
            ConversationRow row = client.conversations().conversation(conversation).orElseThrow();
            assertThat(row.lastOutboundFailed()).isFalse();
            assertThat(row.preview()).isEqualTo("stop");
        }
    }

    @Test
    void aMessageToANewNumberShowsInAPlaceholderThreadUntilTheRelaysConversationArrives() throws Exception {
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            bench.stopRelay();

            String clientId = client.messages().sendTo("(312) 555-0099", "Welcome to the practice!");

            List<ConversationRow> rows = client.conversations().conversations(ConversationFilter.defaults(), 10);
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.phone()).isEqualTo("+13125550099");
                assertThat(row.displayName()).isEqualTo("(312) 555-0099");
                assertThat(row.preview()).isEqualTo("Welcome to the practice!");
                assertThat(row.waitingToSend()).isEqualTo(1);
            });

            bench.startRelay();
            Await.until("the relay's conversation replaced the placeholder", () -> client.conversations().conversations(ConversationFilter.defaults(), 10)
                    .stream().allMatch(r -> r.id() > 0) && !client.conversations().conversations(ConversationFilter.defaults(), 10).isEmpty());
            ConversationRow real = client.conversations().conversations(ConversationFilter.defaults(), 10).getFirst();
            assertThat(client.conversations().conversations(ConversationFilter.defaults(), 10)).hasSize(1);
            Await.until("its message is the relay's", () -> client.messages().messages(real.id(), null, 10).messages().stream()
                    .anyMatch(m -> clientId.equals(m.clientId()) && !m.local()));
        }
    }

    @Test
    void aNumberThatCannotBeTextedIsRefusedBeforeAnythingIsQueued() throws Exception {
        try (DesktopClient client = bench.signIn("staff")) {
            assertThatThrownBy(() -> client.messages().sendTo("555-12", "Hello")).isInstanceOf(InvalidPhoneNumberException.class);
            assertThat(client.messages().outbox()).isEmpty();
        }
    }

    private List<JsonNode> relayMessagesWithClientId(String clientId) {
        return bench.relayEntities(EventTypes.MESSAGE).values().stream().filter(m -> clientId.equals(m.path("clientId").asText(null))).toList();
    }
}
