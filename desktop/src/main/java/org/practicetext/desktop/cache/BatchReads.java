// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestView;

/**
 * Turns a batch's changes into a {@link ChangeBatch}: one statement per changed kind (the
 * conversations, with those of changed contacts; the messages; the badge; each changed
 * directory list), all on one connection, whatever the number of screens that listen.
 */
public final class BatchReads {
    private final CacheDatabase db;

    public BatchReads(CacheDatabase db) {
        this.db = db;
    }

    public ChangeBatch read(List<DeskChange> changes) {
        Set<Long> conversations = new LinkedHashSet<>();
        Set<Long> contacts = new LinkedHashSet<>();
        Set<Long> messages = new LinkedHashSet<>();
        Set<Long> requests = new LinkedHashSet<>();
        Set<DeskChange.DirectoryChanged.Part> parts = new LinkedHashSet<>();
        boolean resynced = false;
        boolean settings = false;
        for (DeskChange change : changes) {
            switch (change) {
                case DeskChange.TextArrived t -> {
                    conversations.add(t.conversationId());
                    messages.add(t.messageId());
                }
                case DeskChange.MessageChanged m -> {
                    conversations.add(m.conversationId());
                    messages.add(m.messageId());
                }
                case DeskChange.ConversationChanged c -> conversations.addAll(c.ids());
                case DeskChange.ContactChanged c -> contacts.add(c.contactId());
                case DeskChange.DirectoryChanged d -> parts.addAll(d.parts());
                case DeskChange.RequestChanged r -> {
                    conversations.add(r.conversationId());
                    requests.add(r.requestId());
                }
                case DeskChange.ConsentRecorded c -> {
                    // A record of no conversation shows in every thread of its contact: read them with the contact.
                    if (c.record().conversationId() != null) {
                        conversations.add(c.record().conversationId());
                    } else {
                        contacts.add(c.record().contactId());
                    }
                }
                case DeskChange.CommunicationSettingsChanged s -> settings = true;
                case DeskChange.SettingsChanged s -> { }
                case DeskChange.Resynced r -> resynced = true;
            }
        }
        boolean everything = resynced;
        boolean settingsChanged = settings;
        return db.read(q -> {
            Map<Long, ConversationRow> rows = new HashMap<>();
            for (ConversationRow row : ConversationQueries.rows(q, conversations, contacts)) {
                rows.put(row.id(), row);
            }
            Map<Long, MessageRow> written = new HashMap<>();
            for (MessageRow row : MessageQueries.rows(q, messages)) {
                written.put(row.id(), row);
            }
            Integer badge = everything || !conversations.isEmpty() || !contacts.isEmpty() ? ConversationQueries.unreadBadge(q) : null;
            List<Directory.Inbox> inboxes = everything || parts.contains(DeskChange.DirectoryChanged.Part.INBOXES) ? DirectoryQueries.inboxes(q) : null;
            List<Directory.TeamMember> team = everything || parts.contains(DeskChange.DirectoryChanged.Part.USERS) ? DirectoryQueries.team(q) : null;
            List<Directory.Template> templates = everything || parts.contains(DeskChange.DirectoryChanged.Part.TEMPLATES)
                    ? DirectoryQueries.templates(q) : null;
            Map<Long, RequestView> requestRows = new HashMap<>();
            for (RequestView request : RequestQueries.rows(q, requests)) {
                requestRows.put(request.id(), request);
            }
            PracticeSettingsView current = everything || settingsChanged ? RequestQueries.settings(q).orElse(null) : null;
            return new ChangeBatch(changes, rows, written, badge, inboxes, team, templates, requestRows, current);
        });
    }
}
