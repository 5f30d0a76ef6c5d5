// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Map;

/** Plain-language explanations of the carrier error codes a practice meets. */
public final class CarrierErrors {
    private static final Map<Integer, String> EXPLANATIONS = Map.ofEntries(
            Map.entry(21211, "This phone number is not valid. Check the number and try again."),
            Map.entry(21408, "Texting to this country is not enabled for the practice's account."),
            Map.entry(21610, "This patient has opted out of text messages (they replied STOP). They must text START to receive messages again."),
            Map.entry(21611, "Too many messages are waiting to go out from this number. Try again later."),
            Map.entry(21612, "The carrier cannot route a text from the practice's number to this number."),
            Map.entry(21614, "This number cannot receive text messages; it is probably a landline."),
            Map.entry(21635, "This number is a landline and cannot receive text messages."),
            Map.entry(21608, "The account is in trial mode and can only text verified numbers."),
            Map.entry(21623, "Too many attachments: a message can carry at most 10."),
            Map.entry(11200, "The carrier could not fetch the attachment from PracticeText. Try again; if it keeps failing, send it as a document."),
            Map.entry(12300, "The carrier refused the attachment: its file type did not match the file."),
            Map.entry(20429, "The carrier is busy. The message will be retried."),
            Map.entry(30001, "Too many messages were queued; the message expired before it could be sent."),
            Map.entry(30003, "The patient's phone is unreachable (switched off or out of coverage)."),
            Map.entry(30004, "The patient or their carrier blocked messages from the practice."),
            Map.entry(30005, "The number is unknown or no longer in service."),
            Map.entry(30006, "This number is a landline or cannot be reached by text."),
            Map.entry(30007, "The carrier filtered this message as possible spam."),
            Map.entry(30008, "The message could not be delivered for an unknown reason."),
            Map.entry(30019, "The attachment is too large for a text message."),
            Map.entry(30022, "The practice's number sent too many messages too quickly."),
            Map.entry(30027, "The daily message limit for the practice's number was reached."),
            Map.entry(30032, "The practice's toll-free number is not verified for texting yet."),
            Map.entry(30034, "The practice's number is not registered for business texting (A2P 10DLC)."),
            Map.entry(30036, "The message waited too long in the queue and expired."));

    private CarrierErrors() {
    }

    /** The codes {@link #explain} knows by name (the relay's metrics label only these, the rest as "other"). */
    public static java.util.Set<Integer> known() {
        return EXPLANATIONS.keySet();
    }

    /** Never null: unknown codes get a generic sentence that still names the code. */
    public static String explain(Integer code) {
        if (code == null) {
            return "The message could not be delivered.";
        }
        return EXPLANATIONS.getOrDefault(code, "The carrier reported error " + code + "; the message was not delivered.");
    }

    /** Codes that mean the number itself can't take texts (a landline). */
    public static boolean meansLandline(Integer code) {
        return code != null && (code == 21614 || code == 21635 || code == 30006);
    }

    /** Codes that mean the recipient opted out with the carrier. */
    public static boolean meansOptedOut(Integer code) {
        return code != null && code == 21610;
    }
}
