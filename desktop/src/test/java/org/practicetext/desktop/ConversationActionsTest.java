// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.Permission;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.practice.PracticeAdmin;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.ImportReport;

/** Conversation and contact actions through the outbox, and the settings calls that go to the relay directly. */
class ConversationActionsTest {
    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    @Test
    void actionsTakenOfflineShowAtOnceAndReachTheRelayInOrder() throws Exception {
        bench.inbound(DeskBench.phone(1), "Hi");
        try (DesktopClient client = bench.signIn("admin")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            Directory.Inbox billing = client.practice().createInbox("Billing");
            ConversationRow before = client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst();
            long staff = client.directory().team().stream().filter(t -> t.username().equals("staff")).findFirst().orElseThrow().id();
            bench.stopRelay();

            client.conversations().markRead(before.id());
            client.conversations().assign(before.id(), staff);
            client.conversations().move(before.id(), billing.id());
            client.conversations().close(before.id());
            client.directory().block(before.contactId());

            ConversationRow shown = client.conversations().conversation(before.id()).orElseThrow();
            assertThat(shown.unreadCount()).isZero();
            assertThat(shown.assigneeName()).isEqualTo("Sam Staff");
            assertThat(shown.inboxName()).isEqualTo("Billing");
            assertThat(shown.status()).isEqualTo("closed");
            assertThat(shown.blocked()).isTrue();
            assertThat(shown.waitingToSend()).isEqualTo(4);
            assertThat(client.messages().outbox()).extracting(OutboxItem::kind).containsExactly("read", "assign", "move", "close", "block");

            bench.startRelay();
            Await.until("everything is delivered", () -> client.messages().outbox().isEmpty());
            JsonNode relay = bench.relayEntities(EventTypes.CONVERSATION).get(before.id());
            assertThat(relay.get("unreadCount").asInt()).isZero();
            assertThat(relay.get("assigneeId").asLong()).isEqualTo(staff);
            assertThat(relay.get("inboxId").asLong()).isEqualTo(billing.id());
            assertThat(relay.get("status").asText()).isEqualTo("closed");
            assertThat(bench.relayEntities(EventTypes.CONTACT).get(before.contactId()).get("blocked").asBoolean()).isTrue();

            client.conversations().reopen(before.id());
            client.conversations().unassign(before.id());
            client.conversations().markUnread(before.id());
            client.directory().unblock(before.contactId());
            Await.until("the relay has them too", () -> {
                JsonNode now = bench.relayEntities(EventTypes.CONVERSATION).get(before.id());
                return client.messages().outbox().isEmpty() && now.get("status").asText().equals("open") && now.get("assigneeId").isNull()
                        && now.get("unreadCount").asInt() == 1;
            });
            Await.until("the cache agrees", () -> {
                ConversationRow row = client.conversations().conversation(before.id()).orElseThrow();
                return row.isOpen() && row.assigneeId() == null && row.unreadCount() == 1 && !row.blocked();
            });
        }
    }

    @Test
    void anActionTheRelayRefusesIsUndoneAndKeptAsFailedUntilDiscarded() throws Exception {
        bench.inbound(DeskBench.phone(2), "Hi");
        try (DesktopClient viewer = bench.signIn("viewer")) {
            DeskBench.awaitState(viewer, Kind.ONLINE);
            assertThat(viewer.session().can(Permission.SMS_VIEW)).isTrue();
            assertThat(viewer.session().can(Permission.SMS_SEND)).isFalse();
            long conversation = viewer.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();

            viewer.conversations().close(conversation);

            Await.until("the relay refused it", () -> viewer.messages().outbox().stream().anyMatch(i -> i.state().equals("failed")));
            OutboxItem refused = viewer.messages().outbox().getFirst();
            assertThat(refused.errorCode()).isEqualTo("forbidden");
            assertThat(viewer.conversations().conversation(conversation).orElseThrow().status()).as("back to the relay's state").isEqualTo("open");

            viewer.messages().discard(refused.id());
            assertThat(viewer.messages().outbox()).isEmpty();
            assertThat(viewer.conversations().conversation(conversation).orElseThrow().status()).isEqualTo("open");
        }
    }

    @Test
    void inboxesAreCreatedRenamedAndDeletedThroughTheRelayAndShowAtOnce() throws Exception {
        bench.inbound(DeskBench.phone(3), "Hi");
        try (DesktopClient admin = bench.signIn("admin")) {
            DeskBench.awaitState(admin, Kind.ONLINE);
            Directory.Inbox frontDesk = admin.directory().inboxes().getFirst();
            Directory.Inbox created = admin.practice().createInbox("Recall");
            assertThat(admin.directory().inboxes()).extracting(Directory.Inbox::name).containsExactly("Front Desk", "Recall");

            admin.practice().renameInbox(created.id(), "Hygiene Recall");
            assertThat(admin.directory().inboxes()).extracting(Directory.Inbox::name).containsExactly("Front Desk", "Hygiene Recall");

            long conversation = admin.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
            admin.conversations().move(conversation, created.id());
            Await.until("the move is delivered", () -> admin.messages().outbox().isEmpty());
            admin.practice().deleteInbox(created.id(), frontDesk.id());
            assertThat(admin.directory().inboxes()).extracting(Directory.Inbox::name).containsExactly("Front Desk");
            Await.until("the conversation is back in Front Desk", () -> admin.conversations().conversation(conversation).orElseThrow().inboxId() == frontDesk.id());

            RelayException duplicate = org.assertj.core.api.Assertions.catchThrowableOfType(RelayException.class,
                    () -> admin.practice().createInbox("front desk"));
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.getMessage()).contains("already has an inbox");
        }
    }

    @Test
    void importedPatientsAreSearchableAndRefusedRowsAreReportedByLine() throws Exception {
        try (DesktopClient staff = bench.signIn("staff")) {
            DeskBench.awaitState(staff, Kind.ONLINE);

            ImportReport report = staff.practice().importPatients("name,phone\nAnna Smith,(312) 555-0101\nJosé Núñez,312.555.0102\nNobody,12\n");

            assertThat(report.created()).isEqualTo(2);
            assertThat(report.unchanged()).isZero();
            assertThat(report.refused()).singleElement().satisfies(row -> {
                assertThat(row.line()).isEqualTo(4);
                assertThat(row.reason()).isNotBlank();
            });
            Await.until("the patients are cached", () -> staff.directory().contacts("", 10).size() == 2);
            assertThat(staff.directory().contacts("nun", 10)).extracting(ContactRow::name).containsExactly("José Núñez");
            assertThat(staff.directory().contacts("555-0101", 10)).extracting(ContactRow::name).containsExactly("Anna Smith");
            assertThat(staff.directory().contacts("", 10)).allSatisfy(c -> assertThat(c.kind()).isEqualTo("patient"));
        }
    }

    @Test
    void aSettingsCallWithoutThePermissionFailsWithTheRelaysMessage() throws Exception {
        try (DesktopClient staff = bench.signIn("staff")) {
            assertThatThrownBy(() -> staff.practice().createInbox("Billing")).isInstanceOf(RelayException.class)
                    .satisfies(e -> assertThat(((RelayException) e).code()).isEqualTo("forbidden"));
        }
    }
}
