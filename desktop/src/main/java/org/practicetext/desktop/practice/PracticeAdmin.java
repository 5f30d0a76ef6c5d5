// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.practice;

import java.util.List;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.protocol.ImportReport;
import org.practicetext.protocol.NumberView;
import org.practicetext.protocol.OneTimeSecret;
import org.practicetext.protocol.TeamMemberView;

/**
 * The practice's settings that need the relay's answer before anything is shown (inboxes,
 * templates, patient import, adding and editing contacts): unlike the outbox actions, these talk
 * to the relay directly and throw with its message (a number that can't be texted, one another
 * contact has, a template name already taken), so they fail offline.
 */
public interface PracticeAdmin {
    Directory.Inbox createInbox(String name) throws RelayException;

    void renameInbox(long inboxId, String name) throws RelayException;

    void deleteInbox(long inboxId, long moveToInboxId) throws RelayException;

    /** Saves a new template; the relay refuses a blank name or text, or a name another template has. */
    Directory.Template createTemplate(String name, String body) throws RelayException;

    Directory.Template updateTemplate(long templateId, String name, String body) throws RelayException;

    void deleteTemplate(long templateId) throws RelayException;

    /** Imports patients from CSV text; returns the relay's report: how many were added, updated, already up to date, and each refused row. */
    ImportReport importPatients(String csv) throws RelayException;

    /** Adds a patient (phone as typed, read for the practice's region; name and patient id may be blank); answers its id. */
    long addPatient(String phone, String name, String externalId) throws RelayException;

    /** Changes what {@code change} holds and keeps the rest; a blank name or patient id clears it. */
    void editContact(long contactId, ContactChange change) throws RelayException;

    /** Turns a lead into a patient, with the name and patient id given (blank keeps the stored ones). */
    void convertToPatient(long contactId, String name, String externalId) throws RelayException;

    /** Settings → Team: every member with role and status (settings.manage). */
    List<TeamMemberView> team() throws RelayException;

    /**
     * Adds a member who first signs in with the answered secret ({@code setup}: {@link OneTimeSecret#PASSWORD}
     * or {@link OneTimeSecret#INVITE}), shown once, and then chooses their own password.
     */
    OneTimeSecret addMember(String username, String name, String role, String setup) throws RelayException;

    TeamMemberView changeRole(long memberId, String role) throws RelayException;

    /** A new one-time password for the member (shown once); their sessions end. */
    OneTimeSecret resetPassword(long memberId) throws RelayException;

    /** Ends the member's sessions and unassigns their conversations; their past messages keep their name. */
    TeamMemberView deactivate(long memberId) throws RelayException;

    /** Settings → Numbers: the practice's Twilio numbers and the inbox each feeds. */
    List<NumberView> numbers() throws RelayException;

    /**
     * Settings → Opted Out Patients → Export record: every consent record from {@code from} (inclusive)
     * to {@code to} (exclusive), one row per change, as the relay's CSV, saved to {@code file}
     * (settings.manage; needs the relay). The file is replaced only once the whole export arrived.
     */
    void exportConsent(java.time.Instant from, java.time.Instant to, java.nio.file.Path file) throws RelayException, java.io.IOException;

    /** Who cannot be texted now, with the record that made it so, as the relay's CSV, saved to {@code file} (settings.manage). */
    void exportOptedOut(java.nio.file.Path file) throws RelayException, java.io.IOException;

    /** The fields of a contact edit: null leaves that field as it is. */
    record ContactChange(String name, String phone, String externalId) {
        public boolean isEmpty() {
            return name == null && phone == null && externalId == null;
        }
    }
}
