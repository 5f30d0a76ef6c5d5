// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicetext.desktop.cache.FeedBuilder.keyword;
import static org.practicetext.desktop.cache.FeedBuilder.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.practicetext.core.ConsentChange;
import org.practicetext.core.ConsentSource;
import org.practicetext.desktop.cache.ConsentState;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.common.MessageTimes;
import org.practicetext.protocol.ConsentRecordView;

/** The thread's consent lines and the contact's state, in the words the desk shows, for every change and source. */
class ConsentTextTest {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Nov 27, 3:12 PM in Chicago. */
    static final Instant T0 = Instant.parse("2026-11-27T21:12:00Z");
    final MessageTimes times = new MessageTimes(Clock.fixed(Instant.parse("2026-12-03T18:00:00Z"), CHICAGO), CHICAGO);

    private static ConsentRecordView of(ConsentChange change, ConsentSource source, String byName, String reason) {
        return new ConsentRecordView(1, 7, 70L, change, source, T0, null, null, null, null, byName == null ? null : 1L, byName, reason);
    }

    private static ContactRow contact(boolean optedOut, boolean blocked) {
        return new ContactRow(7, "+13125550107", "(312) 555-0107", "patient", "Maria Lopez", null, optedOut, optedOut ? T0 : null, blocked,
                "mobile", 70L);
    }

    @Test
    void aKeywordLineQuotesWhatThePatientTypedAndATwilioKeywordWhenThereIsNoText() {
        assertThat(ConsentText.line(keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0, "Stop please", "STOP", 700L), times))
                .isEqualTo("Opted out by texting 'Stop please' — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(keyword(2, 7, 70L, ConsentChange.OPTED_IN, T0, "START", null, 701L), times))
                .isEqualTo("Opted back in by texting 'START' — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(keyword(3, 7, 70L, ConsentChange.OPTED_OUT, T0, null, "STOP", null), times))
                .isEqualTo("Opted out by texting 'STOP' — Nov 27, 3:12 PM");
    }

    @Test
    void aLongKeywordTextIsCutToOneShortLine() {
        String rant = "please\nstop texting me " + "x".repeat(200);
        String line = ConsentText.line(keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0, rant, null, 700L), times);
        assertThat(line).startsWith("Opted out by texting 'please stop texting me x").contains("…'").doesNotContain("\n");
        assertThat(ConsentText.quote(keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0, rant, null, 700L))).hasSize(ConsentText.QUOTE_MAX + 2);
    }

    @Test
    void theCarrierStaffImportAndUnknownSourcesEachHaveTheirWords() {
        ConsentRecordView carrier = new ConsentRecordView(1, 7, 70L, ConsentChange.OPTED_OUT, ConsentSource.CARRIER, T0, null, null, 21610, 700L,
                null, null, null);
        assertThat(ConsentText.line(carrier, times)).isEqualTo("Opted out: the carrier refused a text (error 21610) — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(staff(2, 7, 70L, ConsentChange.BLOCKED, T0, "Alex Kim", "wrong number"), times))
                .isEqualTo("Blocked by Alex Kim: wrong number — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(staff(3, 7, 70L, ConsentChange.UNBLOCKED, T0, "Jordan Lee", null), times))
                .isEqualTo("Unblocked by Jordan Lee — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(staff(4, 7, 70L, ConsentChange.OPTED_OUT, T0, "Alex Kim", "asked at the front desk"), times))
                .isEqualTo("Opt-out recorded by Alex Kim: asked at the front desk — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(staff(5, 7, 70L, ConsentChange.OPTED_IN, T0, "Alex Kim", "recorded for the wrong patient"), times))
                .isEqualTo("Opt-out undone by Alex Kim: recorded for the wrong patient — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(of(ConsentChange.OPTED_OUT, ConsentSource.IMPORT, "Alex Kim", null), times))
                .isEqualTo("Opted out by a patient import (Alex Kim) — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(of(ConsentChange.OPTED_OUT, ConsentSource.IMPORT, null, "Recorded before consent records were kept"), times))
                .isEqualTo("Opted out by a patient import: Recorded before consent records were kept — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(of(ConsentChange.OPTED_OUT, ConsentSource.OTHER, null, null), times)).isEqualTo("Opted out — Nov 27, 3:12 PM");
        assertThat(ConsentText.line(of(ConsentChange.BLOCKED, ConsentSource.STAFF, null, null), times))
                .isEqualTo("Blocked by a team member — Nov 27, 3:12 PM");
    }

    @Test
    void aRecordOfAnotherYearSaysTheYear() {
        ConsentRecordView old = staff(1, 7, 70L, ConsentChange.BLOCKED, Instant.parse("2025-03-03T16:42:00Z"), "Alex Kim", null);
        assertThat(ConsentText.line(old, times)).isEqualTo("Blocked by Alex Kim — Mar 3, 2025, 10:42 AM");
    }

    @Test
    void theStateNamesItsSourceAndWhatEndsIt() {
        ConsentRecordView stop = keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0, "STOP", "STOP", 700L);
        ConsentState byKeyword = new ConsentState(Optional.of(stop), Optional.empty());
        assertThat(ConsentText.state(contact(true, false), byKeyword, times)).contains("Opted out — texted 'STOP' on Nov 27, 3:12 PM");
        assertThat(ConsentText.howItEnds(contact(true, false), byKeyword)).contains(ConsentText.PATIENT_ONLY);
        assertThat(ConsentText.staffMayUndo(byKeyword)).isFalse();

        ConsentState byStaff = new ConsentState(Optional.of(staff(2, 7, 70L, ConsentChange.OPTED_OUT, T0, "Alex Kim", "asked at the front desk")),
                Optional.empty());
        assertThat(ConsentText.state(contact(true, false), byStaff, times))
                .contains("Opted out — recorded by Alex Kim on Nov 27, 3:12 PM: asked at the front desk");
        assertThat(ConsentText.howItEnds(contact(true, false), byStaff)).isEmpty();
        assertThat(ConsentText.staffMayUndo(byStaff)).isTrue();

        ConsentState blocked = new ConsentState(Optional.empty(), Optional.of(staff(3, 7, 70L, ConsentChange.BLOCKED, T0, "Alex Kim", "wrong number")));
        assertThat(ConsentText.state(contact(false, true), blocked, times)).contains("Blocked by Alex Kim on Nov 27, 3:12 PM: wrong number");

        ConsentRecordView carrier = new ConsentRecordView(4, 7, 70L, ConsentChange.OPTED_OUT, ConsentSource.CARRIER, T0, null, null, 21610, 700L,
                null, null, null);
        ConsentState byCarrier = new ConsentState(Optional.of(carrier), Optional.empty());
        assertThat(ConsentText.state(contact(true, false), byCarrier, times))
                .contains("Opted out — the carrier refused a text (error 21610) on Nov 27, 3:12 PM");
        assertThat(ConsentText.howItEnds(contact(true, false), byCarrier)).contains(ConsentText.PATIENT_ONLY);
        ConsentState byImport = new ConsentState(Optional.of(of(ConsentChange.OPTED_OUT, ConsentSource.IMPORT, "Alex Kim", null)), Optional.empty());
        assertThat(ConsentText.howItEnds(contact(true, false), byImport)).as("only a staff opt-out is undone by staff").contains(ConsentText.PATIENT_ONLY);
        assertThat(ConsentText.staffMayUndo(byImport)).isFalse();
        assertThat(ConsentText.howItEnds(contact(true, false), ConsentState.NONE)).as("its record is not back yet").isEmpty();
    }

    @Test
    void aStateWithNoRecordYetOrNoneAtAllIsSaidPlainly() {
        // A staff opt-out still in the outbox: the flag turned, its record has not come back yet.
        assertThat(ConsentText.state(contact(true, false), ConsentState.NONE, times)).contains("Opted out on Nov 27");
        assertThat(ConsentText.state(contact(false, true), ConsentState.NONE, times)).contains("Blocked");
        assertThat(ConsentText.state(contact(false, false), ConsentState.NONE, times)).isEmpty();
        // Opted back in: the newest opt record is an opt-in, so nothing is opted out any more.
        ConsentState back = new ConsentState(Optional.of(keyword(5, 7, 70L, ConsentChange.OPTED_IN, T0, "START", null, 701L)), Optional.empty());
        assertThat(ConsentText.state(contact(false, false), back, times)).isEmpty();
        assertThat(ConsentText.staffMayUndo(back)).isFalse();
    }

    private static org.practicetext.desktop.cache.MessageRow message(long id, String direction, Instant at) {
        return new org.practicetext.desktop.cache.MessageRow(id, 70, null, direction, "text " + id, "delivered", null, null, "contact", null,
                java.util.List.of(), at, false, null);
    }

    @Test
    void aLineGoesUnderTheMessageItNamesWhateverTheClocksSayElseUnderTheLastMessageBeforeIt() {
        java.util.List<org.practicetext.desktop.cache.MessageRow> items = java.util.List.of(message(1, "out", T0), message(2, "in", T0.plusSeconds(60)),
                message(3, "out", T0.plusSeconds(120)));
        // The patient's STOP recorded a moment before the relay stamped the message itself.
        assertThat(ThreadConsent.place(keyword(1, 7, 70L, ConsentChange.OPTED_OUT, T0.plusSeconds(59), "STOP", null, 2L), items)).isEqualTo(1);
        // The carrier's refusal of message 3, recorded after it.
        ConsentRecordView refused = new ConsentRecordView(2, 7, 70L, ConsentChange.OPTED_OUT, ConsentSource.CARRIER, T0.plusSeconds(125), null,
                null, 21610, 3L, null, null, null);
        assertThat(ThreadConsent.place(refused, items)).isEqualTo(2);
        // Staff actions name no message: by time; at a message's exact time it goes under that message.
        assertThat(ThreadConsent.place(staff(3, 7, 70L, ConsentChange.BLOCKED, T0.plusSeconds(90), "Alex Kim", null), items)).isEqualTo(1);
        assertThat(ThreadConsent.place(staff(4, 7, 70L, ConsentChange.BLOCKED, T0.plusSeconds(60), "Alex Kim", null), items)).isEqualTo(1);
        assertThat(ThreadConsent.place(staff(5, 7, 70L, ConsentChange.BLOCKED, T0.minusSeconds(1), "Alex Kim", null), items)).isEqualTo(-1);
        // A named message not loaded (an older page): by time.
        assertThat(ThreadConsent.place(keyword(6, 7, 70L, ConsentChange.OPTED_OUT, T0.plusSeconds(500), "STOP", null, 99L), items)).isEqualTo(2);
    }
}
