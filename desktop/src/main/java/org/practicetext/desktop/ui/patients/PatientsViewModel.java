// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.patients;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.Permission;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.ImportReport;

/**
 * The practice directory: patients and leads by name or phone, with their opt-out and block
 * state, patient id and line type; the CSV import whose report lists every refused row; and the
 * form that adds a patient or edits the chosen contact ({@link ContactEditorViewModel}).
 */
public final class PatientsViewModel {
    public static final int LIMIT = 500;

    private final UiSession session;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper importReport = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper();
    private final LatestQuery<List<ContactRow>> query;
    private final ContactEditorViewModel editor;

    public PatientsViewModel(UiSession session) {
        this.session = session;
        this.editor = new ContactEditorViewModel(session);
        this.query = new LatestQuery<>(session.tasks(), contacts::setAll);
        search.addListener((o, a, b) -> refresh());
        session.events().onChange(batch -> {
            if (batch.resynced() || batch.all(DeskChange.ContactChanged.class).findAny().isPresent() || firstConversationOfShown(batch)) {
                refresh();
            }
        });
        refresh();
    }

    /** The add/edit form beside the table. */
    public ContactEditorViewModel editor() {
        return editor;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<ContactRow> contacts() {
        return contacts;
    }

    public ReadOnlyStringProperty importReportProperty() {
        return importReport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    public boolean canImport() {
        return session.can(Permission.CONTACTS_MANAGE);
    }

    public boolean canText() {
        return session.can(Permission.SMS_VIEW);
    }

    public void refresh() {
        String text = search.get() == null ? "" : search.get().strip();
        query.ask(() -> session.client().directory().contacts(text, LIMIT));
    }

    /** A shown contact without a conversation got one ("Text this patient" then opens it). */
    private boolean firstConversationOfShown(ChangeBatch batch) {
        if (batch.conversations().isEmpty()) {
            return false;
        }
        Set<Long> waiting = contacts.stream().filter(c -> c.conversationId() == null).map(ContactRow::id).collect(Collectors.toSet());
        return batch.conversations().values().stream().anyMatch(row -> row.id() > 0 && waiting.contains(row.contactId()));
    }

    /** Reads the file and sends it to the relay; the report replaces the previous one. */
    public void importCsv(Path file) {
        importing.set(true);
        importReport.set("Importing " + file.getFileName() + "…");
        session.tasks().run(() -> session.client().practice().importPatients(Files.readString(file, StandardCharsets.UTF_8)), report -> {
            importing.set(false);
            importReport.set(describe(report));
            refresh();
        }, e -> {
            importing.set(false);
            importReport.set("Import failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        });
    }

    /** "12 patients added, 3 updated, 40 unchanged, 1 refused:" and one line per refused row, by its line in the file. */
    public static String describe(ImportReport report) {
        StringBuilder text = new StringBuilder();
        text.append(report.created()).append(report.created() == 1 ? " patient added, " : " patients added, ")
                .append(report.updated()).append(" updated, ")
                .append(report.unchanged()).append(" unchanged");
        if (report.refused().isEmpty()) {
            text.append(", none refused.");
        } else {
            text.append(", ").append(report.refused().size()).append(" refused:");
            report.refused().forEach(row -> text.append("\n• Line ").append(row.line()).append(": ").append(row.reason()));
        }
        return text.toString();
    }
}
