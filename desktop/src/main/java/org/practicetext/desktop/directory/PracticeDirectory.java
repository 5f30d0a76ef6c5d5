// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.directory;

import java.util.List;
import java.util.Optional;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.Directory;

/**
 * The practice's people and lists as the cache knows them: patients and leads, the opted-out and
 * blocked, the team, the inboxes and the templates; and blocking a contact (outbox first).
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

    void block(long contactId);

    void unblock(long contactId);
}
