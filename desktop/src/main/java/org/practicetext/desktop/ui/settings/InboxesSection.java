// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.common.UiSession;

/** Settings → Inboxes: the list, a name field to create or rename, and delete with "move to". */
final class InboxesSection {
    private InboxesSection() {
    }

    static Node build(UiSession session) {
        InboxesViewModel model = new InboxesViewModel(session);
        ListView<Directory.Inbox> list = new ListView<>(model.inboxes());
        list.setId("inbox-list");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-list", Styles.BORDERED);
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Directory.Inbox inbox, boolean empty) {
                super.updateItem(inbox, empty);
                setText(empty || inbox == null ? null : inbox.name());
            }
        });
        list.setPrefHeight(220);
        TextField name = new TextField();
        name.setId("inbox-name");
        name.setPromptText("Inbox name, e.g. Billing");
        HBox.setHgrow(name, Priority.ALWAYS);
        Button create = new Button("Create");
        create.setId("inbox-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> {
            model.create(name.getText());
            name.clear();
        });
        Button rename = new Button("Rename selected");
        rename.setId("inbox-rename");
        rename.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        rename.setOnAction(e -> model.rename(list.getSelectionModel().getSelectedItem(), name.getText()));
        ComboBox<Directory.Inbox> moveTo = new ComboBox<>(model.inboxes());
        moveTo.setId("inbox-move-to");
        moveTo.setPromptText("Move its conversations to…");
        moveTo.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Directory.Inbox inbox) {
                return inbox == null ? "" : inbox.name();
            }

            @Override
            public Directory.Inbox fromString(String s) {
                return null;
            }
        });
        Button delete = new Button("Delete selected");
        delete.setId("inbox-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> model.delete(list.getSelectionModel().getSelectedItem(), moveTo.getValue()));
        Label message = new Label();
        message.setId("inbox-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox edit = new HBox(8, name, create, rename);
        edit.setAlignment(Pos.CENTER_LEFT);
        HBox remove = new HBox(8, moveTo, delete);
        remove.setAlignment(Pos.CENTER_LEFT);
        VBox controls = new VBox(10, edit, remove, message);
        controls.setDisable(!model.canManage());
        Label onlyAdmins = CommunicationSections.muted("Only practice admins can change inboxes.");
        onlyAdmins.setVisible(!model.canManage());
        onlyAdmins.setManaged(!model.canManage());
        return CommunicationSections.section("Inboxes",
                "Inboxes sort conversations by team or workflow (Front Desk, Billing…). Every conversation is in exactly one.",
                list, controls, onlyAdmins);
    }
}
