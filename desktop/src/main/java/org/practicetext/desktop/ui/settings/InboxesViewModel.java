// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.Permission;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * Settings → Inboxes: create, rename, delete (its conversations move to another inbox). These
 * go to the relay directly; its refusal ("an inbox with that name exists") is shown as is.
 */
public final class InboxesViewModel {
    private final UiSession session;
    private final ObservableList<Directory.Inbox> inboxes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public InboxesViewModel(UiSession session) {
        this.session = session;
        session.events().onChange(batch -> {
            if (batch.inboxes() != null) {
                inboxes.setAll(batch.inboxes());
            }
        });
        refresh();
    }

    public ObservableList<Directory.Inbox> inboxes() {
        return inboxes;
    }

    /** The last outcome or refusal, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean canManage() {
        return session.can(Permission.SETTINGS_MANAGE);
    }

    public void create(String name) {
        if (name == null || name.isBlank()) {
            message.set("Give the inbox a name.");
            return;
        }
        String clean = name.strip();
        session.tasks().run(() -> session.client().practice().createInbox(clean), inbox -> {
            message.set("Created “" + inbox.name() + "”.");
            refresh();
        }, this::refused);
    }

    public void rename(Directory.Inbox inbox, String name) {
        if (name == null || name.isBlank()) {
            message.set("Give the inbox a name.");
            return;
        }
        String clean = name.strip();
        session.tasks().run(() -> {
            session.client().practice().renameInbox(inbox.id(), clean);
            return clean;
        }, done -> {
            message.set("Renamed “" + inbox.name() + "” to “" + done + "”.");
            refresh();
        }, this::refused);
    }

    public void delete(Directory.Inbox inbox, Directory.Inbox moveTo) {
        if (moveTo == null || moveTo.id() == inbox.id()) {
            message.set("Choose another inbox for “" + inbox.name() + "”'s conversations.");
            return;
        }
        session.tasks().run(() -> {
            session.client().practice().deleteInbox(inbox.id(), moveTo.id());
            return moveTo;
        }, done -> {
            message.set("Deleted “" + inbox.name() + "”; its conversations are now in “" + done.name() + "”.");
            refresh();
        }, this::refused);
    }

    public void refresh() {
        session.tasks().run(session.client().directory()::inboxes, inboxes::setAll);
    }

    private void refused(Throwable e) {
        message.set(e.getMessage() == null ? "The relay refused: " + e.getClass().getSimpleName() : e.getMessage());
    }
}
