// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.testing.DemoDesk;

class ThreadViewModelTest {
    DemoDesk desk;
    ThreadViewModel thread;

    @BeforeEach
    void signIn() {
        desk = DemoDesk.as("jordan");
        thread = new ThreadViewModel(desk.session);
    }

    @AfterEach
    void close() throws Exception {
        desk.close();
    }

    @Test
    void openingAThreadShowsItsMessagesOldestFirstAndMarksItRead() {
        long anna = desk.conversationOf("+15551234567").id();
        assertThat(desk.client.conversations().conversation(anna).orElseThrow().unreadCount()).isPositive();
        thread.open(anna);
        assertThat(thread.messages()).as("the reminder, Anna's answer, the demo's copay request").hasSize(3)
                .isSortedAccordingTo(org.practicetext.desktop.cache.MessageQueries.ORDER);
        assertThat(thread.messages().getFirst().outgoing()).isTrue();
        desk.await("Anna read", () -> desk.client.conversations().conversation(anna).orElseThrow().unreadCount() == 0);
    }

    @Test
    void aThreadTheUserIsNotLookingAtStaysUnread() {
        thread.attentiveProperty().set(false);
        long anna = desk.conversationOf("+15551234567").id();
        thread.open(anna);
        assertThat(thread.messages()).isNotEmpty();
        desk.tasks.drain(java.time.Duration.ofMillis(300));
        assertThat(desk.client.conversations().conversation(anna).orElseThrow().unreadCount()).isPositive();
    }

    @Test
    void aViewerOpeningAThreadLeavesItUnreadForTheTeam() throws Exception {
        desk.close();
        desk = DemoDesk.as("sam");
        thread = new ThreadViewModel(desk.session);
        long anna = desk.conversationOf("+15551234567").id();
        thread.open(anna);
        assertThat(thread.messages()).isNotEmpty();
        desk.tasks.drain(java.time.Duration.ofMillis(300));
        assertThat(desk.client.conversations().conversation(anna).orElseThrow().unreadCount()).isPositive();
    }

    @Test
    void markingTheOpenThreadUnreadIsNotUndoneByTheThread() {
        long anna = desk.conversationOf("+15551234567").id();
        thread.open(anna);
        desk.await("Anna read", () -> desk.client.conversations().conversation(anna).orElseThrow().unreadCount() == 0);
        desk.client.conversations().markUnread(anna);
        desk.await("Anna unread in the thread", () -> thread.conversationProperty().get().unreadCount() > 0);
        desk.tasks.drain(java.time.Duration.ofMillis(300));
        assertThat(desk.client.conversations().conversation(anna).orElseThrow().unreadCount()).isPositive();
    }

    @Test
    void aTextArrivingInTheOpenThreadWhileTheUserLooksIsRead() {
        long anna = desk.conversationOf("+15551234567").id();
        thread.open(anna);
        desk.await("Anna read", () -> desk.client.conversations().conversation(anna).orElseThrow().unreadCount() == 0);
        desk.patientTexts("+15551234567", "Also, is parking free?");
        desk.await("the text in the thread", () -> thread.messages().stream().anyMatch(m -> m.body().equals("Also, is parking free?")));
        desk.await("Anna read again", () -> desk.client.conversations().conversation(anna).orElseThrow().unreadCount() == 0);
    }

    @Test
    void aTextArrivingWhileTheUserLooksAwayIsReadWhenTheyLookAgain() {
        long anna = desk.conversationOf("+15551234567").id();
        thread.open(anna);
        desk.await("Anna read", () -> desk.client.conversations().conversation(anna).orElseThrow().unreadCount() == 0);
        thread.attentiveProperty().set(false);
        desk.patientTexts("+15551234567", "Hello?");
        desk.await("the text in the thread", () -> thread.conversationProperty().get().unreadCount() > 0);
        thread.attentiveProperty().set(true);
        desk.await("Anna read on return", () -> desk.client.conversations().conversation(anna).orElseThrow().unreadCount() == 0);
    }

    @Test
    void campaignMessagesCarryTheCampaignNameAndStaffMessagesTheirAuthor() {
        thread.open(desk.conversationOf("+15551234567").id());
        assertThat(thread.messages().getFirst().senderName()).isEqualTo("Appointment Reminders Campaign");
        thread.open(desk.conversationOf("+15552345678").id());
        assertThat(thread.messages()).filteredOn(MessageRow::outgoing).extracting(MessageRow::senderName).isNotEmpty()
                .containsOnly("Jordan Lee");
    }

    @Test
    void aFailedMessageExplainsWhyInPlainWords() {
        thread.open(desk.conversationOf("+15557890123").id());
        MessageRow failed = thread.messages().getLast();
        assertThat(failed.failed()).isTrue();
        assertThat(MessageStatusText.status(failed)).isEqualTo("Not delivered");
        assertThat(MessageStatusText.failureReason(failed)).contains("landline");
    }

    @Test
    void aNewTextInTheOpenThreadAppearsWithoutReopening() {
        long marcus = desk.conversationOf("+15552345678").id();
        thread.open(marcus);
        int before = thread.messages().size();
        desk.patientTexts("+15552345678", "Is parking free?");
        desk.await("new message", () -> thread.messages().size() == before + 1);
        assertThat(thread.messages().getLast().body()).isEqualTo("Is parking free?");
    }

    @Test
    void aSendTheRelayRefusesShowsItsReasonAndCanBeDiscarded() {
        long robert = desk.conversationOf("+15555678901").id();
        thread.open(robert);
        desk.client.messages().send(robert, "Are you still coming on Monday?");
        desk.await("refused", () -> thread.messages().stream().anyMatch(MessageStatusText::discardable));
        MessageRow refused = thread.messages().stream().filter(MessageStatusText::discardable).findFirst().orElseThrow();
        assertThat(MessageStatusText.failureReason(refused)).containsIgnoringCase("opted out");
        thread.discard(refused);
        desk.await("discarded", () -> thread.messages().stream().noneMatch(m -> m.body().equals("Are you still coming on Monday?")));
    }

    @Test
    void olderMessagesLoadAPageAtATime() {
        for (int i = 1; i <= ThreadViewModel.PAGE + 10; i++) {
            desk.patientTexts("+15559870001", "Message number " + i);
        }
        desk.await("all texts cached", () -> desk.client.directory().contactByPhone("+15559870001").flatMap(c -> desk.client.conversations().conversation(c.conversationId()))
                .map(r -> r.preview().equals("Message number " + (ThreadViewModel.PAGE + 10))).orElse(false));
        thread.attentiveProperty().set(false);
        thread.open(desk.conversationOf("+15559870001").id());
        assertThat(thread.messages()).hasSize(ThreadViewModel.PAGE);
        assertThat(thread.hasOlderProperty().get()).isTrue();
        assertThat(thread.messages().getLast().body()).isEqualTo("Message number " + (ThreadViewModel.PAGE + 10));
        thread.loadOlder();
        assertThat(thread.messages()).hasSize(ThreadViewModel.PAGE + 10);
        assertThat(thread.messages().getFirst().body()).isEqualTo("Message number 1");
        assertThat(thread.hasOlderProperty().get()).isFalse();
    }

    @Test
    void assigningShowsTheAssigneeInTheHeaderRow() {
        long anna = desk.conversationOf("+15551234567").id();
        thread.open(anna);
        desk.await("team", () -> !thread.team().isEmpty());
        thread.assign(thread.team().stream().filter(m -> m.name().equals("Jordan Lee")).findFirst().orElseThrow());
        desk.await("assigned", () -> thread.conversationProperty().get() != null
                && "Jordan Lee".equals(thread.conversationProperty().get().assigneeName()));
        thread.unassign();
        desk.await("unassigned", () -> thread.conversationProperty().get().assigneeName() == null);
    }

    @Test
    void movingToAnotherInboxChangesTheConversationsInbox() {
        thread.open(desk.conversationOf("+15551234567").id());
        desk.await("inboxes", () -> thread.inboxes().size() >= 2);
        thread.move(thread.inboxes().stream().filter(i -> i.name().equals("Billing")).findFirst().orElseThrow());
        desk.await("moved", () -> "Billing".equals(thread.conversationProperty().get().inboxName()));
    }

    @Test
    void blockingAndUnblockingShowInTheThread() {
        thread.open(desk.conversationOf("+15553456789").id());
        thread.block();
        desk.await("blocked", () -> thread.conversationProperty().get().blocked());
        thread.unblock();
        desk.await("unblocked", () -> !thread.conversationProperty().get().blocked());
    }

    @Test
    void aConsentLineFallsUnderTheMessageItFollowsAndAStaffOptOutShowsAtOnceThenAsALine() {
        thread.open(desk.conversationOf("+15555678901").id());
        desk.await("Robert's thread and its line", () -> thread.messages().size() >= 2 && !thread.consent().lines().isEmpty());
        MessageRow stop = thread.messages().getLast();
        assertThat(stop.body()).isEqualTo("Stop.");
        java.util.List<MessageRow> items = thread.messages();
        assertThat(thread.consent().linesUnder(items, items.size() - 2)).isEmpty();
        assertThat(thread.consent().linesUnder(items, items.size() - 1)).singleElement().asString().startsWith("Opted out by texting 'Stop.' — ");
        assertThat(thread.consent().linesAbove(items)).isEmpty();
        assertThat(thread.canRecordOptOut()).isFalse();
        assertThat(thread.canUndoOptOut()).as("a keyword opt-out ends with the patient's START").isFalse();
        assertThat(thread.optOutEndsWithPatient()).contains(ConsentText.PATIENT_ONLY);

        thread.open(desk.conversationOf("+15551234567").id());
        desk.await("Anna's thread", () -> thread.conversationProperty().get() != null && thread.contactProperty().get() != null);
        assertThat(thread.canRecordOptOut()).isTrue();
        thread.recordOptOut("asked at the front desk");
        desk.await("opted out at once", () -> thread.optedOut());
        desk.await("the record's line", () -> thread.consent().lines().size() == 1);
        assertThat(thread.consentState()).get().asString().startsWith("Opted out — recorded by Jordan Lee on ").endsWith(": asked at the front desk");
        assertThat(thread.canUndoOptOut()).isTrue();
    }
}
