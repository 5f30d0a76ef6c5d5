// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.time.Instant;
import java.util.Optional;
import org.practicetext.core.ConsentChange;
import org.practicetext.core.ConsentSource;
import org.practicetext.desktop.cache.ConsentState;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.common.MessageTimes;
import org.practicetext.protocol.ConsentRecordView;

/**
 * What the desk says about consent records (ADR 0025), in one place: the thread's line for each
 * record ("Opted out by texting 'Stop please' — Nov 27, 3:12 PM", "Blocked by Alex Kim: wrong
 * number — …"), the contact's state with its source ("Opted out — texted 'STOP' on Nov 27,
 * 3:12 PM"), and what ends an opt-out. A patient's own text is quoted as they typed it, cut to one
 * short line.
 */
public final class ConsentText {
    /** A keyword text longer than this is cut with an ellipsis (the record keeps it whole). */
    static final int QUOTE_MAX = 60;
    /** What ends an opt-out that the patient or the carrier made. */
    public static final String PATIENT_ONLY = "Texts resume when the patient texts START.";

    private ConsentText() {
    }

    /** The thread's line for a record, with its time. */
    public static String line(ConsentRecordView r, MessageTimes times) {
        return what(r) + " — " + when(r.at(), times);
    }

    /** The record's change and source, without its time: "Opted out by texting 'Stop please'". */
    static String what(ConsentRecordView r) {
        String by = by(r);
        String why = reason(r);
        return switch (r.change()) {
            case OPTED_OUT -> switch (r.source()) {
                case KEYWORD -> "Opted out by texting " + quote(r);
                case CARRIER -> "Opted out: the carrier refused a text" + errorCode(r);
                case STAFF -> "Opt-out recorded by " + by + why;
                case IMPORT -> "Opted out by a patient import" + importer(r) + why;
                case OTHER -> "Opted out" + why;
            };
            case OPTED_IN -> switch (r.source()) {
                case KEYWORD -> "Opted back in by texting " + quote(r);
                case STAFF -> "Opt-out undone by " + by + why;
                case IMPORT -> "Opted back in by a patient import" + importer(r) + why;
                case CARRIER, OTHER -> "Opted back in" + why;
            };
            case BLOCKED -> r.source() == ConsentSource.STAFF || r.byName() != null ? "Blocked by " + by + why : "Blocked" + why;
            case UNBLOCKED -> r.source() == ConsentSource.STAFF || r.byName() != null ? "Unblocked by " + by + why : "Unblocked" + why;
        };
    }

    /**
     * The contact's state and where it came from, for the thread's header and the Patients page:
     * "Opted out — texted 'STOP' on Nov 27, 3:12 PM", "Blocked by Alex Kim on Nov 27, 3:12 PM: wrong
     * number"; empty when the contact may be texted. A state with no record yet (an action still in
     * the outbox) says so plainly.
     */
    public static Optional<String> state(ContactRow contact, ConsentState consent, MessageTimes times) {
        if (contact == null) {
            return Optional.empty();
        }
        if (contact.blocked()) {
            return Optional.of(consent.blockedBy().map(r -> "Blocked by " + by(r) + " on " + when(r.at(), times) + reason(r))
                    .orElse("Blocked"));
        }
        if (!contact.optedOut()) {
            return Optional.empty();
        }
        Optional<ConsentRecordView> record = consent.optedOutBy();
        if (record.isEmpty()) {
            return Optional.of("Opted out" + (contact.optedOutAt() == null ? "" : " on " + times.date(contact.optedOutAt())));
        }
        ConsentRecordView r = record.get();
        String on = " on " + when(r.at(), times);
        return Optional.of("Opted out — " + switch (r.source()) {
            case KEYWORD -> "texted " + quote(r) + on;
            case CARRIER -> "the carrier refused a text" + errorCode(r) + on;
            case STAFF -> "recorded by " + by(r) + on + reason(r);
            case IMPORT -> "by a patient import" + importer(r) + on + reason(r);
            case OTHER -> on.strip() + reason(r);
        });
    }

    /** Whether staff may undo this opt-out: only one that staff recorded (keyword and carrier ones end with the patient's START). */
    public static boolean staffMayUndo(ConsentState consent) {
        return consent.optedOutBy().map(r -> r.source() == ConsentSource.STAFF).orElse(false);
    }

    /**
     * What ends the contact's opt-out, for the header's hint: {@link #PATIENT_ONLY} unless staff recorded it; empty
     * when staff may undo it, when it is not opted out, or when its record has not come back yet.
     */
    public static Optional<String> howItEnds(ContactRow contact, ConsentState consent) {
        if (contact == null || !contact.optedOut() || contact.blocked()) {
            return Optional.empty();
        }
        // The relay lets staff undo only what staff recorded: a keyword, the carrier, an import all end with the patient's START.
        return consent.optedOutBy().filter(r -> r.source() != ConsentSource.STAFF).map(r -> PATIENT_ONLY);
    }

    /** "Nov 27, 3:12 PM" (with the year when not this year): a record's time, always with its date. */
    static String when(Instant at, MessageTimes times) {
        return times.date(at) + ", " + times.clockTime(at);
    }

    /** The patient's text as typed, cut to one line: 'Stop please'; Twilio's keyword when the text is missing. */
    static String quote(ConsentRecordView r) {
        String text = r.keywordText() != null && !r.keywordText().isBlank() ? r.keywordText() : r.optOutType();
        if (text == null || text.isBlank()) {
            return r.change() == ConsentChange.OPTED_IN ? "START" : "STOP";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return "'" + (line.length() > QUOTE_MAX ? line.substring(0, QUOTE_MAX - 1).stripTrailing() + "…" : line) + "'";
    }

    private static String by(ConsentRecordView r) {
        return r.byName() == null || r.byName().isBlank() ? "a team member" : r.byName();
    }

    private static String importer(ConsentRecordView r) {
        return r.byName() == null || r.byName().isBlank() ? "" : " (" + r.byName() + ")";
    }

    private static String errorCode(ConsentRecordView r) {
        return " (error " + (r.errorCode() == null ? 21610 : r.errorCode()) + ")";
    }

    private static String reason(ConsentRecordView r) {
        return r.reason() == null || r.reason().isBlank() ? "" : ": " + r.reason().strip();
    }
}
