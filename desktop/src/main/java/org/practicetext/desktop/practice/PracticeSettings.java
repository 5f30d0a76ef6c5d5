// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.practice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.FeedRows;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedEvent;
import org.practicetext.protocol.ImportReport;
import org.practicetext.protocol.InboxView;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.NameRequest;
import org.practicetext.protocol.TemplateRequest;
import org.practicetext.protocol.TemplateView;

/**
 * Settings changes that need the relay's answer before anything is shown (inboxes, templates,
 * patient import, contacts): they go to the relay directly and fail with its message. What the relay answers is
 * written to the cache at once, through the same path as the feed, so lists refresh before the
 * feed catches up.
 */
final class PracticeSettings {
    private static final ImportReport NOTHING_IMPORTED = new ImportReport(0, 0, 0, List.of());

    private final RelayApi api;
    private final CacheDatabase db;
    private final FeedRows rows = new FeedRows();

    PracticeSettings(RelayApi api, CacheDatabase db) {
        this.api = api;
        this.db = db;
    }

    Directory.Inbox createInbox(String name) throws RelayException {
        InboxView inbox = api.call(Endpoints.INBOX_CREATE.at(), new NameRequest(name), InboxView.class);
        cache(inbox);
        return new Directory.Inbox(inbox.id(), inbox.name());
    }

    void renameInbox(long inboxId, String name) throws RelayException {
        cache(api.call(Endpoints.INBOX_RENAME.at(inboxId), new NameRequest(name), InboxView.class));
    }

    void deleteInbox(long inboxId, long moveToInboxId) throws RelayException {
        InboxView answer = api.call(Endpoints.INBOX_DELETE.at(inboxId).query(Endpoints.MOVE_TO, moveToInboxId), null, InboxView.class);
        if (answer != null) {
            cache(answer);
            return;
        }
        String name = db.read(sql -> sql.queryOne("SELECT name FROM inbox WHERE id = ?", rs -> rs.getString(1), inboxId)).orElse("");
        cache(new InboxView(inboxId, name, true));
    }

    Directory.Template createTemplate(String name, String body) throws RelayException {
        return cached(api.call(Endpoints.TEMPLATE_CREATE.at(), new TemplateRequest(name, body), TemplateView.class));
    }

    Directory.Template updateTemplate(long templateId, String name, String body) throws RelayException {
        return cached(api.call(Endpoints.TEMPLATE_UPDATE.at(templateId), new TemplateRequest(name, body), TemplateView.class));
    }

    void deleteTemplate(long templateId) throws RelayException {
        TemplateView answer = api.call(Endpoints.TEMPLATE_DELETE.at(templateId), null, TemplateView.class);
        cache(EventTypes.TEMPLATE, answer != null ? answer : new TemplateView(templateId, "", "", true));
    }

    private Directory.Template cached(TemplateView template) {
        cache(EventTypes.TEMPLATE, template);
        return new Directory.Template(template.id(), template.name(), template.body());
    }

    /** The relay's report as it sent it (created, updated, unchanged and each refused row). */
    ImportReport importPatients(String csv) throws RelayException {
        ImportReport report = api.callWithCsv(Endpoints.CONTACT_IMPORT.at(), csv, ImportReport.class);
        return report == null ? NOTHING_IMPORTED : report;
    }

    /** A contact the relay saved, and what writing its answer to the cache changed. */
    record Saved(long contactId, List<DeskChange> changes) {
    }

    Saved addPatient(String phone, String name, String externalId) throws RelayException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("phone", phone);
        putIfGiven(body, "name", name);
        putIfGiven(body, "externalId", externalId);
        return cache(api.call(Endpoints.CONTACT_CREATE.at(), body, ContactView.class));
    }

    /** Only the fields the change holds are sent: the relay keeps what a PATCH leaves out. */
    Saved editContact(long contactId, PracticeAdmin.ContactChange change) throws RelayException {
        Map<String, String> body = new LinkedHashMap<>();
        if (change.name() != null) {
            body.put("name", change.name());
        }
        if (change.phone() != null) {
            body.put("phone", change.phone());
        }
        if (change.externalId() != null) {
            body.put("externalId", change.externalId());
        }
        return cache(api.call(Endpoints.CONTACT_UPDATE.at(contactId), body, ContactView.class));
    }

    Saved convertToPatient(long contactId, String name, String externalId) throws RelayException {
        Map<String, String> body = new LinkedHashMap<>();
        putIfGiven(body, "name", name);
        putIfGiven(body, "externalId", externalId);
        return cache(api.call(Endpoints.CONTACT_CONVERT.at(contactId), body, ContactView.class));
    }

    private static void putIfGiven(Map<String, String> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }

    /** The relay's answer goes through the feed's path (its contact event comes later and is no change). */
    private Saved cache(ContactView contact) {
        FeedEvent event = new FeedEvent(0, EventTypes.CONTACT, Json.mapper().valueToTree(contact));
        return new Saved(contact.id(), db.write(sql -> rows.apply(sql, List.of(event), SyncState.read(sql).generation())));
    }

    private void cache(InboxView inbox) {
        cache(EventTypes.INBOX, inbox);
    }

    /** Writes the relay's answer as if the feed had brought it (the feed's own copy later is no change). */
    private void cache(String type, Object entity) {
        if (entity == null) {
            return;
        }
        FeedEvent event = new FeedEvent(0, type, Json.mapper().valueToTree(entity));
        db.write(sql -> rows.apply(sql, List.of(event), SyncState.read(sql).generation()));
    }
}
