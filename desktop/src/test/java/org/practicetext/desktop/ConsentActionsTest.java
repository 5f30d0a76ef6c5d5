// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConsentChange;
import org.practicetext.core.ConsentSource;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.protocol.ConsentRecordView;
import org.practicetext.protocol.EventTypes;

/**
 * The consent actions (ADR 0025) through the outbox against a real relay: a staff opt-out and a
 * block with a reason show at once offline and reach the relay's record with who and why; the
 * records come back through the feed as the thread's lines and the contact's state; a keyword
 * opt-out is the patient's own text, and staff cannot undo it.
 */
class ConsentActionsTest {
    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    private static ConversationRow first(DesktopClient client) {
        return client.conversations().conversations(ConversationFilter.defaults().withStatus(ConversationFilter.Status.ALL), 5).getFirst();
    }

    private static ContactRow contact(DesktopClient client, ConversationRow row) {
        return client.directory().contactByPhone(row.phone()).orElseThrow();
    }

    /** The relay's consent records of a contact, oldest first. */
    private List<JsonNode> relayRecords(long contactId) {
        return bench.relayEntities(EventTypes.CONSENT).values().stream().filter(r -> r.get("contactId").asLong() == contactId)
                .sorted(java.util.Comparator.comparingLong(r -> r.get("id").asLong())).toList();
    }

    @Test
    void aStaffOptOutTakenOfflineShowsAtOnceAndReachesTheRecordWithWhoAndWhy() throws Exception {
        bench.inbound(DeskBench.phone(1), "Hi, can I book a cleaning?");
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            ConversationRow before = first(client);
            bench.stopRelay();

            client.directory().optOut(before.contactId(), "  asked at the front desk  ");

            assertThat(contact(client, before).optedOut()).as("the composer refuses at once").isTrue();
            assertThat(client.conversations().conversation(before.id()).orElseThrow().optedOut()).isTrue();
            assertThat(client.messages().outbox()).extracting(OutboxItem::kind).containsExactly("opt_out");

            bench.startRelay();
            Await.until("the relay has the record and the desk its line", () -> client.messages().outbox().isEmpty()
                    && !client.directory().consentLines(before.id()).isEmpty());
            JsonNode record = relayRecords(before.contactId()).getLast();
            assertThat(record.get("change").asText()).isEqualTo("opted_out");
            assertThat(record.get("source").asText()).isEqualTo("staff");
            assertThat(record.get("reason").asText()).isEqualTo("asked at the front desk");
            assertThat(record.get("byName").asText()).isEqualTo("Sam Staff");

            ConsentRecordView line = client.directory().consentLines(before.id()).getLast();
            assertThat(line.source()).isEqualTo(ConsentSource.STAFF);
            assertThat(line.reason()).isEqualTo("asked at the front desk");
            assertThat(client.directory().consent(before.contactId()).optedOutBy()).contains(line);
            assertThat(contact(client, before).optedOut()).isTrue();

            assertThatThrownBy(() -> client.directory().optIn(before.contactId(), " ")).isInstanceOf(IllegalArgumentException.class);
            client.directory().optIn(before.contactId(), "recorded for the wrong patient");
            assertThat(contact(client, before).optedOut()).as("shows at once").isFalse();
            Await.until("the opt-in is recorded", () -> client.directory().consentLines(before.id()).size() == 2
                    && client.messages().outbox().isEmpty());
            ConsentRecordView optIn = client.directory().consentLines(before.id()).getLast();
            assertThat(optIn.change()).isEqualTo(ConsentChange.OPTED_IN);
            assertThat(optIn.reason()).isEqualTo("recorded for the wrong patient");
            assertThat(client.directory().consent(before.contactId()).optedOutBy()).isEmpty();
            assertThat(contact(client, before).optedOut()).isFalse();
        }
    }

    @Test
    void blockAndUnblockCarryTheirReasonToTheRecordAndBackAsLines() throws Exception {
        bench.inbound(DeskBench.phone(2), "Is this the pizza place?");
        try (DesktopClient client = bench.signIn("admin")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            ConversationRow row = first(client);

            client.directory().block(row.contactId(), "wrong number");
            assertThat(contact(client, row).blocked()).isTrue();
            Await.until("the block's line", () -> client.directory().consentLines(row.id()).size() == 1);
            client.directory().unblock(row.contactId(), null);
            Await.until("the unblock's line", () -> client.directory().consentLines(row.id()).size() == 2);

            List<ConsentRecordView> lines = client.directory().consentLines(row.id());
            assertThat(lines).extracting(ConsentRecordView::change).containsExactly(ConsentChange.BLOCKED, ConsentChange.UNBLOCKED);
            assertThat(lines).extracting(ConsentRecordView::reason).containsExactly("wrong number", null);
            assertThat(relayRecords(row.contactId())).extracting(r -> r.get("reason").isNull() ? null : r.get("reason").asText())
                    .containsExactly("wrong number", null);
            assertThat(client.directory().consent(row.contactId()).blockedBy()).isEmpty();
            assertThat(contact(client, row).blocked()).isFalse();
        }
    }

    @Test
    void aKeywordOptOutIsThePatientsTextAndStaffCannotUndoIt() throws Exception {
        bench.inbound(DeskBench.phone(3), "Hello");
        bench.inbound(DeskBench.phone(3), "Stop.");
        try (DesktopClient client = bench.signIn("admin")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            ConversationRow row = first(client);
            Await.until("the keyword's line", () -> !client.directory().consentLines(row.id()).isEmpty());
            ConsentRecordView stop = client.directory().consentLines(row.id()).getFirst();
            assertThat(stop.source()).isEqualTo(ConsentSource.KEYWORD);
            assertThat(stop.keywordText()).as("exactly as received").isEqualTo("Stop.");
            assertThat(contact(client, row).optedOut()).isTrue();

            // The desk offers no Undo for it; should the call be made anyway, the relay refuses and the opt-out stays.
            client.directory().optIn(row.contactId(), "the patient asked us to");
            Await.until("the relay refused", () -> client.messages().outbox().stream().anyMatch(i -> "failed".equals(i.state())));
            assertThat(client.messages().outbox().getFirst().errorCode()).isEqualTo("opt_in_by_patient_only");
            assertThat(contact(client, row).optedOut()).as("reverted to the relay's state").isTrue();
            assertThat(client.directory().consentLines(row.id())).containsExactly(stop);
        }
    }
}
