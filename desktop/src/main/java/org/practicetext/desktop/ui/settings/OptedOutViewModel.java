// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.common.UiSession;

/** Settings → Communication Settings → Opted Out Patients: who replied STOP, searchable. */
public final class OptedOutViewModel {
    private final UiSession session;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    private long generation;

    public OptedOutViewModel(UiSession session) {
        this.session = session;
        search.addListener((o, a, b) -> refresh());
        session.events().onChange(change -> {
            if (change.contacts() || change.reset()) {
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
        long ask = ++generation;
        String text = search.get() == null ? "" : search.get().strip();
        session.tasks().run(() -> session.client().directory().optedOut(text), (List<ContactRow> rows) -> {
            if (ask == generation) {
                contacts.setAll(rows);
            }
        });
    }
}
