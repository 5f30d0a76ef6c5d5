// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import org.practicetext.core.E164Number;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.protocol.ContactView;
import org.practicetext.relay.http.Texts;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.refusal.Refusal.Reason;

/** The rules a contact's typed fields follow, shared by the contact form and the CSV import. */
final class ContactFields {
    static final int NAME_MAX = 200;
    static final int EXTERNAL_ID_MAX = 100;

    private ContactFields() {
    }

    /** A name is one line: runs of whitespace (a newline pasted from a spreadsheet) become one space. */
    static String name(String raw) {
        return Texts.line("The name", oneLine(raw), NAME_MAX);
    }

    static String externalId(String raw) {
        return Texts.line("The external id", oneLine(raw), EXTERNAL_ID_MAX);
    }

    /** Parses a typed phone for the practice's region; a number that is not one is refused as an invalid phone, with the reason. */
    static E164Number phone(String typed, String region) {
        if (typed == null || typed.isBlank()) {
            throw Refusal.invalid("phone is required.");
        }
        try {
            return new PhoneNumbers(region).parse(typed);
        } catch (InvalidPhoneNumberException e) {
            throw new Refusal(Reason.INVALID_PHONE, e.getMessage());
        }
    }

    /** The conflict for a phone another contact already has; says which contact, so staff can find it. */
    static Refusal phoneTaken(ContactView owner) {
        String who = owner.name() == null ? "a " + owner.kind().wire() : owner.name();
        return Refusal.conflict(owner.phone() + " already belongs to " + who + " (contact " + owner.id() + ").");
    }

    private static String oneLine(String raw) {
        if (raw == null) {
            return null;
        }
        String flat = raw.replaceAll("\\s+", " ").strip();
        return flat.isEmpty() ? null : flat;
    }

    /**
     * A date of birth as practice software exports it: {@code 1984-03-07}, {@code 03/07/1984} or
     * {@code 3/7/1984} (month first), between 1900 and today.
     */
    static java.time.LocalDate birthDate(String text) {
        String t = text.strip();
        for (String pattern : java.util.List.of("uuuu-MM-dd", "M/d/uuuu", "M-d-uuuu")) {
            try {
                java.time.LocalDate date = java.time.LocalDate.parse(t,
                        java.time.format.DateTimeFormatter.ofPattern(pattern).withResolverStyle(java.time.format.ResolverStyle.STRICT));
                if (date.getYear() < 1900 || date.isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))) {
                    break;
                }
                return date;
            } catch (java.time.format.DateTimeParseException e) {
                // the next form
            }
        }
        throw Refusal.invalid("Date of birth \"" + t + "\" is not a date such as 1984-03-07 or 03/07/1984.");
    }
}
