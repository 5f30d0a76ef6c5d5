// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicetext.core.Permission;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.common.MessageTimes;
import org.practicetext.desktop.ui.sms.RequestChipText.Command;
import org.practicetext.desktop.ui.sms.RequestChipText.Tone;
import org.practicetext.protocol.RequestView;
import org.practicetext.protocol.Sender;

/** What a request's chip, its outcome line and the list row's hint say, and which actions each state offers to whom. */
class RequestChipTextTest {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Instant SENT = Instant.parse("2026-12-03T20:00:00Z"); // Dec 3, 2:00 PM in Chicago
    static final Instant OPENED = Instant.parse("2026-12-03T21:12:00Z");
    static final Instant PAID = Instant.parse("2026-12-03T21:20:00Z");
    final MessageTimes times = new MessageTimes(Clock.fixed(Instant.parse("2026-12-10T15:00:00Z"), CHICAGO), CHICAGO);

    static RequestView request(RequestKind kind, RequestStatus status, Long cents, String finishedBy, Long replacedBy) {
        return new RequestView(1, kind, status, 70, 7, 700L, "https://relay.test/l/x", Instant.parse("2027-01-02T06:00:00Z"), SENT.plusSeconds(20),
                status.rank() >= RequestStatus.OPENED.rank() ? OPENED : null, status.finished() ? PAID : null, finishedBy, null, "Cleaning", "INV-7",
                cents, "USD", List.of(new RequestView.RequestForm(3, "New patient form"), new RequestView.RequestForm(4, "Medical history")), null,
                null, replacedBy, Sender.user(1, "Sam Staff"), SENT, SENT);
    }

    @Test
    void theTitleNamesTheKindAndTheAmountOrTheForms() {
        assertThat(RequestChipText.title(request(RequestKind.PAYMENT, RequestStatus.SENT, 12_000L, null, null))).isEqualTo("Payment request · $120.00");
        assertThat(RequestChipText.title(request(RequestKind.TREATMENT_PLAN, RequestStatus.SENT, 124_050L, null, null)))
                .isEqualTo("Treatment plan · $1,240.50");
        assertThat(RequestChipText.title(request(RequestKind.FORMS, RequestStatus.SENT, null, null, null))).isEqualTo("Forms · New patient form +1");
        assertThat(RequestChipText.title(review()))
                .isEqualTo("Review request");
    }

    @Test
    void eachStatusIsSaidInPlainWordsWithItsTime() {
        assertThat(status(RequestKind.PAYMENT, RequestStatus.SENT, null)).isEqualTo("Sent");
        assertThat(status(RequestKind.PAYMENT, RequestStatus.DELIVERED, null)).isEqualTo("Delivered");
        assertThat(status(RequestKind.PAYMENT, RequestStatus.OPENED, null)).isEqualTo("Opened Dec 3, 3:12 PM");
        assertThat(status(RequestKind.PAYMENT, RequestStatus.PAID, "Patient")).isEqualTo("Paid Dec 3, 3:20 PM");
        assertThat(status(RequestKind.PAYMENT, RequestStatus.PAID, "Alex Rivera")).isEqualTo("Paid outside PracticeText");
        assertThat(status(RequestKind.TREATMENT_PLAN, RequestStatus.ACCEPTED, "Patient")).isEqualTo("Accepted Dec 3, 3:20 PM");
        assertThat(status(RequestKind.TREATMENT_PLAN, RequestStatus.DECLINED, "Patient")).isEqualTo("Declined Dec 3, 3:20 PM");
        assertThat(status(RequestKind.FORMS, RequestStatus.COMPLETED, "Jordan Lee")).isEqualTo("Completed Dec 3, 3:20 PM");
        assertThat(status(RequestKind.PAYMENT, RequestStatus.EXPIRED, null)).isEqualTo("Expired Jan 2, 2027");
        assertThat(status(RequestKind.PAYMENT, RequestStatus.CANCELLED, "Jordan Lee")).isEqualTo("Cancelled");
        assertThat(RequestChipText.status(request(RequestKind.PAYMENT, RequestStatus.CANCELLED, 100L, "Jordan Lee", 2L), times))
                .isEqualTo("Replaced by a new link");
    }

    @Test
    void anOpenLinkSaysUntilWhenItWorksAndTheToneFollowsTheState() {
        assertThat(RequestChipText.validity(request(RequestKind.PAYMENT, RequestStatus.OPENED, 100L, null, null), times))
                .isEqualTo("Link works until Jan 2, 2027");
        assertThat(RequestChipText.validity(request(RequestKind.PAYMENT, RequestStatus.EXPIRED, 100L, null, null), times)).isEmpty();
        assertThat(RequestChipText.tone(RequestStatus.OPENED)).isEqualTo(Tone.ACCENT);
        assertThat(RequestChipText.tone(RequestStatus.PAID)).isEqualTo(Tone.SUCCESS);
        assertThat(RequestChipText.tone(RequestStatus.EXPIRED)).as("visible, amber").isEqualTo(Tone.WARNING);
        assertThat(RequestChipText.tone(RequestStatus.DECLINED)).isEqualTo(Tone.DANGER);
        assertThat(RequestChipText.tone(RequestStatus.CANCELLED)).isEqualTo(Tone.NEUTRAL);
    }

    @Test
    void anOutcomeIsALineOfTheThreadInTheWordsOfWhatHappened() {
        assertThat(outcome(RequestKind.TREATMENT_PLAN, RequestStatus.ACCEPTED, "Patient", null))
                .isEqualTo("Maria accepted the treatment plan — Dec 3, 3:20 PM");
        assertThat(outcome(RequestKind.PAYMENT, RequestStatus.PAID, "Patient", 12_000L)).isEqualTo("Payment of $120.00 received — Dec 3, 3:20 PM");
        assertThat(outcome(RequestKind.PAYMENT, RequestStatus.PAID, "Alex Rivera", 12_000L))
                .isEqualTo("Payment of $120.00 marked as paid outside PracticeText by Alex Rivera — Dec 3, 3:20 PM");
        assertThat(outcome(RequestKind.FORMS, RequestStatus.COMPLETED, "Patient", null)).isEqualTo("Maria completed the forms — Dec 3, 3:20 PM");
        assertThat(RequestChipText.hasOutcomeLine(request(RequestKind.PAYMENT, RequestStatus.CANCELLED, 1L, "Jordan Lee", null))).isFalse();
        assertThat(RequestChipText.hasOutcomeLine(request(RequestKind.PAYMENT, RequestStatus.OPENED, 1L, null, null))).isFalse();
    }

    @Test
    void theActionsFollowTheKindsPermissionAndTheStatus() {
        Set<Permission> payments = Set.of(Permission.TOOLS_PAYMENTS);
        assertThat(commands(RequestKind.PAYMENT, RequestStatus.OPENED, payments))
                .containsExactly(Command.CANCEL, Command.RESEND, Command.MARK_PAID, Command.VIEW_ALL);
        assertThat(commands(RequestKind.PAYMENT, RequestStatus.EXPIRED, payments)).as("an expired one can still be resent or marked paid")
                .containsExactly(Command.CANCEL, Command.RESEND, Command.MARK_PAID, Command.VIEW_ALL);
        assertThat(commands(RequestKind.PAYMENT, RequestStatus.PAID, payments)).containsExactly(Command.VIEW_ALL);
        assertThat(commands(RequestKind.PAYMENT, RequestStatus.OPENED, Set.of(Permission.TOOLS_FORMS))).as("without the payments tool")
                .containsExactly(Command.VIEW_ALL);
        assertThat(commands(RequestKind.FORMS, RequestStatus.SENT, Set.of(Permission.TOOLS_FORMS)))
                .containsExactly(Command.CANCEL, Command.RESEND, Command.MARK_COMPLETED, Command.VIEW_ALL);
        assertThat(commands(RequestKind.FORMS, RequestStatus.EXPIRED, Set.of(Permission.TOOLS_FORMS)))
                .containsExactly(Command.CANCEL, Command.RESEND, Command.VIEW_ALL);
        assertThat(commands(RequestKind.TREATMENT_PLAN, RequestStatus.DECLINED, Set.of(Permission.TOOLS_TREATMENT))).containsExactly(Command.VIEW_ALL);
    }

    @Test
    void theListRowHintsAtTheNewestOpenRequest() {
        ConversationRow.OpenRequest one = new ConversationRow.OpenRequest(RequestKind.PAYMENT, RequestStatus.OPENED, 12_000L, "USD", 1);
        ConversationRow.OpenRequest two = new ConversationRow.OpenRequest(RequestKind.FORMS, RequestStatus.SENT, null, null, 2);

        assertThat(ConversationListViewModel.requestHint(row(one))).isEqualTo("Payment $120.00 · Opened");
        assertThat(ConversationListViewModel.requestHint(row(two))).isEqualTo("Forms · Sent · +1");
        assertThat(ConversationListViewModel.requestHint(row(null))).isEmpty();
    }

    private static RequestView review() {
        RequestView r = request(RequestKind.REVIEW, RequestStatus.SENT, null, null, null);
        return new RequestView(r.id(), r.kind(), r.status(), r.conversationId(), r.contactId(), r.messageId(), r.link(), r.expiresAt(), r.deliveredAt(),
                r.openedAt(), r.finishedAt(), r.finishedBy(), r.note(), null, null, null, null, List.of(), null, null, null, r.sentBy(), r.createdAt(),
                r.updatedAt());
    }

    private String status(RequestKind kind, RequestStatus status, String by) {
        return RequestChipText.status(request(kind, status, 100L, by, null), times);
    }

    private String outcome(RequestKind kind, RequestStatus status, String by, Long cents) {
        return RequestChipText.outcome(request(kind, status, cents, by, null), "Maria", times);
    }

    private static List<Command> commands(RequestKind kind, RequestStatus status, Set<Permission> has) {
        return RequestChipText.commands(request(kind, status, 100L, null, null), has::contains, true);
    }

    private static ConversationRow row(ConversationRow.OpenRequest open) {
        return new ConversationRow(70, 7, "Maria Lopez", "+13125550107", "(312) 555-0107", "patient", "Hi", "out", SENT, 0, "open", null, null, 1,
                "Front Desk", false, false, null, false, 0, open);
    }
}
