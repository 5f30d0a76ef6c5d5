// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.directory;

import java.util.List;
import java.util.Optional;
import org.practicetext.desktop.UserActions;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ContactQueries;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.DirectoryQueries;
import org.practicetext.desktop.sync.OutboxAction;

/** The directory over the cache; block and unblock go through the outbox. */
public final class LiveDirectory implements PracticeDirectory {
    private final ContactQueries contacts;
    private final DirectoryQueries directory;
    private final UserActions actions;

    public LiveDirectory(CacheDatabase db, UserActions actions) {
        this.contacts = new ContactQueries(db);
        this.directory = new DirectoryQueries(db);
        this.actions = actions;
    }

    @Override
    public List<ContactRow> contacts(String search, int limit) {
        return contacts.search(search, limit);
    }

    @Override
    public Optional<ContactRow> contactByPhone(String e164) {
        return contacts.byPhone(e164);
    }

    @Override
    public List<ContactRow> optedOut(String search) {
        return contacts.optedOut(search);
    }

    @Override
    public List<ContactRow> blocked() {
        return contacts.blocked();
    }

    @Override
    public List<Directory.Inbox> inboxes() {
        return directory.inboxes();
    }

    @Override
    public List<Directory.TeamMember> team() {
        return directory.team();
    }

    @Override
    public List<Directory.Template> templates() {
        return directory.templates();
    }

    @Override
    public void block(long contactId) {
        actions.onContact(OutboxAction.BLOCK, contactId, "Block contact");
    }

    @Override
    public void unblock(long contactId) {
        actions.onContact(OutboxAction.UNBLOCK, contactId, "Unblock contact");
    }
}
