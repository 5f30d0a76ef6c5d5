// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;

/** Settings → Communication Settings → Opted Out Patients: who replied STOP, searchable. */
public final class OptedOutViewModel {
    private final UiSession session;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    private final LatestQuery<List<ContactRow>> query;

    public OptedOutViewModel(UiSession session) {
        this.session = session;
        this.query = new LatestQuery<>(session.tasks(), contacts::setAll);
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
}
