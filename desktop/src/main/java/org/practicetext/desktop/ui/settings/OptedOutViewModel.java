// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.Permission;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * Settings → Communication Settings → Opted Out Patients: who replied STOP (or was opted out by
 * the carrier or the team), searchable; and, for an admin (settings.manage), the audit exports
 * (ADR 0025): the full consent record of a date range (from and to both included, whole days in
 * the practice's zone; by default the last 12 months) and the list of who cannot be texted now,
 * each the relay's CSV saved where the admin chose. Both need the relay: offline they say so.
 */
public final class OptedOutViewModel {
    static final String OFFLINE = "Exporting needs the relay, and this computer can't reach it now. Try again once you are back online.";

    private final UiSession session;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    private final LatestQuery<List<ContactRow>> query;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exportFailed = new ReadOnlyBooleanWrapper();

    public OptedOutViewModel(UiSession session) {
        this.session = session;
        this.query = new LatestQuery<>(session.tasks(), contacts::setAll);
        LocalDate today = session.times().today();
        to.set(today);
        from.set(today.minusMonths(12));
        search.addListener((o, a, b) -> refresh());
        // Only a turned opt-out changes who is listed; a listed contact's other changes (a new name) show too.
        session.events().onChange(batch -> {
            if (batch.resynced() || batch.all(DeskChange.ContactChanged.class)
                    .anyMatch(c -> c.optedOutTurned() || contacts.stream().anyMatch(shown -> shown.id() == c.contactId()))) {
                refresh();
            }
        });
        refresh();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<ContactRow> contacts() {
        return contacts;
    }

    public void refresh() {
        String text = search.get() == null ? "" : search.get().strip();
        query.ask(() -> session.client().directory().optedOut(text));
    }

    /** The exports are the practice's records: admins only, as on the relay. */
    public boolean canExport() {
        return session.can(Permission.SETTINGS_MANAGE);
    }

    /** The first day of the record's export (included). */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day of the record's export (included). */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** What the last export did ("Saved …") or why it could not (offline, a range that ends before it starts, the relay's refusal). */
    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportFailedProperty() {
        return exportFailed.getReadOnlyProperty();
    }

    /** Why the chosen range cannot be exported, or null when it can. */
    public String rangeProblem() {
        if (from.get() == null || to.get() == null) {
            return "Choose the first and the last day.";
        }
        return from.get().isAfter(to.get()) ? "The first day is after the last day." : null;
    }

    /** The file name the save dialog suggests for the record: "consent-record-2025-12-03-to-2026-12-03.csv". */
    public String recordFileName() {
        return "consent-record-" + from.get() + "-to-" + to.get() + ".csv";
    }

    /** The file name the save dialog suggests for the list: "opted-out-2026-12-03.csv". */
    public String listFileName() {
        return "opted-out-" + session.times().today() + ".csv";
    }

    /** Saves every consent record of the chosen days (whole days in the practice's zone) to {@code file}. */
    public void exportRecord(Path file) {
        String problem = rangeProblem();
        if (problem != null) {
            finished(problem, true);
            return;
        }
        ZoneId zone = session.times().zone();
        java.time.Instant start = from.get().atStartOfDay(zone).toInstant();
        java.time.Instant end = to.get().plusDays(1).atStartOfDay(zone).toInstant();
        export(() -> session.client().practice().exportConsent(start, end, file), file);
    }

    /** Saves who cannot be texted now, with the record that made it so, to {@code file}. */
    public void exportList(Path file) {
        export(() -> session.client().practice().exportOptedOut(file), file);
    }

    private void export(org.practicetext.desktop.ui.common.UiTasks.ThrowingAction action, Path file) {
        if (!canExport() || exporting.get()) {
            return;
        }
        exporting.set(true);
        exportMessage.set("Exporting…");
        exportFailed.set(false);
        session.tasks().run(() -> {
            action.run();
            return file;
        }, saved -> finished("Saved " + saved.getFileName() + ".", false), e -> finished(why(e), true));
    }

    private void finished(String message, boolean failed) {
        exporting.set(false);
        exportMessage.set(message);
        exportFailed.set(failed);
    }

    /** The relay's own words for a refusal; plain words for a relay out of reach or a file that could not be written. */
    private static String why(Throwable e) {
        if (e instanceof RelayException relay && relay.status() == 0) {
            return OFFLINE;
        }
        if (e instanceof java.io.IOException) {
            return "The file could not be saved there: " + e.getMessage();
        }
        return e.getMessage() == null ? "The export failed." : e.getMessage();
    }
}
