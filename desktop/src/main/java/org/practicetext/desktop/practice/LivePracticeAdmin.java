// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.practice;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.desktop.sync.SyncEngine;
import org.practicetext.protocol.Endpoint;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.ImportReport;
import org.practicetext.protocol.NumberView;
import org.practicetext.protocol.OneTimeSecret;
import org.practicetext.protocol.TeamMemberChange;
import org.practicetext.protocol.TeamMemberRequest;
import org.practicetext.protocol.TeamMemberView;

/** The practice's settings over the relay ({@link PracticeSettings}); each change is announced so lists refresh before the feed catches up. */
public final class LivePracticeAdmin implements PracticeAdmin {
    private final PracticeSettings settings;
    private final SyncEngine sync;
    private final RelayApi api;

    public LivePracticeAdmin(RelayApi api, CacheDatabase db, SyncEngine sync) {
        this.settings = new PracticeSettings(api, db);
        this.sync = sync;
        this.api = api;
    }

    @Override
    public void exportConsent(Instant from, Instant to, Path file) throws RelayException, IOException {
        save(Endpoints.CONSENT_EXPORT.at().query(Endpoints.FROM, from).query(Endpoints.TO, to), file);
    }

    @Override
    public void exportOptedOut(Path file) throws RelayException, IOException {
        save(Endpoints.OPTED_OUT_EXPORT.at(), file);
    }

    /** Downloads beside {@code file} and moves it into place once whole, so a failed export leaves no half file (nor loses an older one). */
    private void save(Endpoint.Target target, Path file) throws RelayException, IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            api.download(target, part);
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    // The team's changes reach the directory (assignee lists, who is who) as the feed's user events.
    @Override
    public List<TeamMemberView> team() throws RelayException {
        return List.of(api.call(Endpoints.TEAM_LIST.at(), null, TeamMemberView[].class));
    }

    @Override
    public OneTimeSecret addMember(String username, String name, String role, String setup) throws RelayException {
        return api.call(Endpoints.TEAM_ADD.at(), new TeamMemberRequest(username, name, role, setup), OneTimeSecret.class);
    }

    @Override
    public TeamMemberView changeRole(long memberId, String role) throws RelayException {
        return api.call(Endpoints.TEAM_CHANGE.at(memberId), new TeamMemberChange(role, null), TeamMemberView.class);
    }

    @Override
    public OneTimeSecret resetPassword(long memberId) throws RelayException {
        return api.call(Endpoints.TEAM_RESET_PASSWORD.at(memberId), null, OneTimeSecret.class);
    }

    @Override
    public TeamMemberView deactivate(long memberId) throws RelayException {
        return api.call(Endpoints.TEAM_DEACTIVATE.at(memberId), null, TeamMemberView.class);
    }

    @Override
    public List<NumberView> numbers() throws RelayException {
        return List.of(api.call(Endpoints.NUMBERS.at(), null, NumberView[].class));
    }

    @Override
    public Directory.Inbox createInbox(String name) throws RelayException {
        Directory.Inbox inbox = settings.createInbox(name);
        sync.queued(List.of(DeskChange.DirectoryChanged.of(DeskChange.DirectoryChanged.Part.INBOXES)));
        return inbox;
    }

    @Override
    public void renameInbox(long inboxId, String name) throws RelayException {
        settings.renameInbox(inboxId, name);
        sync.queued(List.of(DeskChange.DirectoryChanged.of(DeskChange.DirectoryChanged.Part.INBOXES)));
    }

    @Override
    public void deleteInbox(long inboxId, long moveToInboxId) throws RelayException {
        settings.deleteInbox(inboxId, moveToInboxId);
        sync.queued(List.of(DeskChange.DirectoryChanged.of(DeskChange.DirectoryChanged.Part.INBOXES)));
    }

    @Override
    public Directory.Template createTemplate(String name, String body) throws RelayException {
        Directory.Template template = settings.createTemplate(name, body);
        templatesChanged();
        return template;
    }

    @Override
    public Directory.Template updateTemplate(long templateId, String name, String body) throws RelayException {
        Directory.Template template = settings.updateTemplate(templateId, name, body);
        templatesChanged();
        return template;
    }

    @Override
    public void deleteTemplate(long templateId) throws RelayException {
        settings.deleteTemplate(templateId);
        templatesChanged();
    }

    private void templatesChanged() {
        sync.queued(List.of(DeskChange.DirectoryChanged.of(DeskChange.DirectoryChanged.Part.TEMPLATES)));
    }

    @Override
    public ImportReport importPatients(String csv) throws RelayException {
        // The imported contacts reach the screens as the feed's contact events (the Patients page reloads after its import itself).
        return settings.importPatients(csv);
    }

    @Override
    public long addPatient(String phone, String name, String externalId) throws RelayException {
        PracticeSettings.Saved saved = settings.addPatient(phone, name, externalId);
        sync.queued(saved.changes());
        return saved.contactId();
    }

    @Override
    public void editContact(long contactId, ContactChange change) throws RelayException {
        sync.queued(settings.editContact(contactId, change).changes());
    }

    @Override
    public void convertToPatient(long contactId, String name, String externalId) throws RelayException {
        sync.queued(settings.convertToPatient(contactId, name, externalId).changes());
    }
}
