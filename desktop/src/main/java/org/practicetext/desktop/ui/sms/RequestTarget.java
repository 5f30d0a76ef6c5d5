// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

/**
 * Whom a request goes to: the conversation (a request always belongs to one), its contact and its
 * inbox (whose review link a review request uses), and the patient's name as the directory has it
 * (null for an unnamed lead), shown as {@code displayName} (the number when there is no name).
 */
public record RequestTarget(long conversationId, long contactId, long inboxId, String inboxName, String patientName, String displayName) {

    /** "Maria" for "Maria Garcia"; blank for an unnamed lead, so the texts start without "Hi". */
    public String firstName() {
        String name = patientName == null ? "" : patientName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** How a sentence names the patient: the first name, else the number. */
    public String calledInText() {
        return firstName().isEmpty() ? displayName : firstName();
    }
}
