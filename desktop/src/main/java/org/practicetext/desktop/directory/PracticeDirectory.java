// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.directory;

import java.util.List;
import java.util.Optional;
import org.practicetext.desktop.cache.ConsentState;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.protocol.ConsentRecordView;

/**
 * The practice's people and lists as the cache knows them: patients and leads, the opted-out and
 * blocked, the team, the inboxes and the templates, a contact's consent records; and blocking, unblocking
 * and a staff opt-out or its undoing (outbox first).
 * Changing inboxes is the practice's administration ({@code PracticeAdmin}), not here.
 */
public interface PracticeDirectory {
    /** Patients and leads by name or phone digits, for the picker and the Patients page. */
    List<ContactRow> contacts(String search, int limit);

    Optional<ContactRow> contactByPhone(String e164);

    List<ContactRow> optedOut(String search);

    List<ContactRow> blocked();

    List<Directory.Inbox> inboxes();

    List<Directory.TeamMember> team();

    List<Directory.Template> templates();

    /** Blocks with no reason given. */
    default void block(long contactId) {
        block(contactId, null);
    }

    /** Unblocks with no reason given. */
    default void unblock(long contactId) {
        unblock(contactId, null);
    }

    /** Blocks the contact (outbox first); {@code reason} (null or blank: none) is kept in the consent record. */
    void block(long contactId, String reason);

    void unblock(long contactId, String reason);

    /**
     * Records that the patient asked not to be texted (in person, on the phone; ADR 0025), outbox
     * first: the contact is opted out at once, so the composer refuses as the relay will.
     */
    void optOut(long contactId, String reason);

    /** Undoes an opt-out that staff recorded; {@code reason} is required (the relay refuses one without). */
    void optIn(long contactId, String reason);

    /** The consent lines of a conversation's thread, oldest first (ADR 0025). */
    List<ConsentRecordView> consentLines(long conversationId);

    /** The contact's consent now, with the records that made it so. */
    ConsentState consent(long contactId);
}
