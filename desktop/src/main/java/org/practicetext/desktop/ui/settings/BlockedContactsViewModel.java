// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.Permission;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.ui.common.UiSession;

/** Settings → Communication Settings → Blocked contacts, each with Unblock. */
public final class BlockedContactsViewModel {
    private final UiSession session;
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();

    public BlockedContactsViewModel(UiSession session) {
        this.session = session;
        // Only a turned block changes who is listed; a listed contact's other changes (a new name) show too.
        session.events().onChange(batch -> {
            if (batch.resynced() || batch.all(DeskChange.ContactChanged.class)
                    .anyMatch(c -> c.blockedTurned() || contacts.stream().anyMatch(shown -> shown.id() == c.contactId()))) {
                refresh();
            }
        });
        refresh();
    }

    public ObservableList<ContactRow> contacts() {
        return contacts;
    }

    public boolean canUnblock() {
        return session.can(Permission.CONTACTS_BLOCK);
    }

    public void unblock(ContactRow contact) {
        session.tasks().run(() -> session.client().directory().unblock(contact.id()));
    }

    public void refresh() {
        session.tasks().run(session.client().directory()::blocked, contacts::setAll);
    }
}
