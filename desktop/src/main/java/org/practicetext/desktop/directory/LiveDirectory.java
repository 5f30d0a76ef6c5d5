// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.directory;

import java.util.List;
import java.util.Optional;
import org.practicetext.desktop.UserActions;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ConsentQueries;
import org.practicetext.desktop.cache.ConsentState;
import org.practicetext.desktop.cache.ContactQueries;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.DirectoryQueries;
import org.practicetext.desktop.sync.OutboxAction;
import org.practicetext.protocol.ConsentNote;
import org.practicetext.protocol.ConsentRecordView;

/** The directory over the cache; block, unblock and the staff opt-out and its undoing go through the outbox. */
public final class LiveDirectory implements PracticeDirectory {
    /** The longest reason the relay keeps in a consent record ({@link ConsentNote}). */
    public static final int REASON_MAX = 200;

    private final ContactQueries contacts;
    private final DirectoryQueries directory;
    private final UserActions actions;
    private final ConsentQueries consent;

    public LiveDirectory(CacheDatabase db, UserActions actions) {
        this.contacts = new ContactQueries(db);
        this.directory = new DirectoryQueries(db);
        this.actions = actions;
        this.consent = new ConsentQueries(db);
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
    public void block(long contactId, String reason) {
        actions.onContact(OutboxAction.BLOCK, contactId, note(reason), "Block contact");
    }

    @Override
    public void unblock(long contactId, String reason) {
        actions.onContact(OutboxAction.UNBLOCK, contactId, note(reason), "Unblock contact");
    }

    @Override
    public void optOut(long contactId, String reason) {
        actions.onContact(OutboxAction.OPT_OUT, contactId, note(reason), "Record opt-out");
    }

    @Override
    public void optIn(long contactId, String reason) {
        ConsentNote note = note(reason);
        if (note == null) {
            throw new IllegalArgumentException("Say why texts may resume.");
        }
        actions.onContact(OutboxAction.OPT_IN, contactId, note, "Undo opt-out");
    }

    @Override
    public List<ConsentRecordView> consentLines(long conversationId) {
        return consent.forConversation(conversationId);
    }

    @Override
    public ConsentState consent(long contactId) {
        return consent.state(contactId);
    }

    /** The reason as the relay keeps it: trimmed, at most {@link #REASON_MAX} characters; none when blank. */
    static ConsentNote note(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String text = reason.strip();
        if (text.length() > REASON_MAX) {
            throw new IllegalArgumentException("A reason is at most " + REASON_MAX + " characters.");
        }
        return new ConsentNote(text);
    }
}
