// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.common.Icons;

/**
 * "New message": a To field that searches the directory (a typed number is offered once it is
 * complete, and checked when the person chooses to text it), the matching patients, and — once
 * a recipient is chosen — the composer.
 */
public final class NewMessageView extends VBox {
    private final CustomTextField to = new CustomTextField();

    public NewMessageView(NewMessageViewModel model, ComposerViewModel composerModel, org.practicetext.core.PhoneNumbers phones, Runnable cancel) {
        getStyleClass().add("pt-new-message");
        setId("new-message-panel");
        Label title = new Label("New message");
        title.getStyleClass().add(Styles.TITLE_3);
        Button close = new Button("Cancel");
        close.setId("new-message-cancel");
        close.getStyleClass().add(Styles.FLAT);
        close.setOnAction(e -> cancel.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, title, gap, close);
        header.setAlignment(Pos.CENTER_LEFT);

        to.setId("new-message-to");
        to.setPromptText("Search a patient by name or phone, or type any number");
        Label toLabel = new Label("To");
        toLabel.getStyleClass().addAll(Styles.TEXT_MUTED, "pt-to-label");
        to.setLeft(toLabel);
        to.textProperty().bindBidirectional(model.queryProperty());
        to.setOnAction(e -> model.chooseTypedNumber());

        Label error = new Label(null, Icons.ERROR.node(13));
        error.setId("new-message-phone-error");
        error.getStyleClass().addAll("pt-field-error", Styles.TEXT_SMALL);
        error.textProperty().bind(model.phoneErrorProperty());
        error.visibleProperty().bind(model.phoneErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button useNumber = new Button();
        useNumber.setId("new-message-use-number");
        useNumber.getStyleClass().addAll(Styles.ACCENT, Styles.BUTTON_OUTLINED);
        useNumber.textProperty().bind(model.typedNumberProperty().map(n -> "Text " + phones.display(n)));
        useNumber.visibleProperty().bind(model.typedNumberProperty().isNotNull());
        useNumber.managedProperty().bind(useNumber.visibleProperty());
        useNumber.setOnAction(e -> model.chooseTypedNumber());

        ListView<ContactRow> matches = new ListView<>(model.matches());
        matches.setId("new-message-matches");
        matches.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-list");
        matches.setCellFactory(l -> new ContactCell());
        Label none = new Label("No patient matches. Type a full phone number to text any number.");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        matches.setPlaceholder(none);
        matches.setOnMouseClicked(e -> {
            ContactRow chosen = matches.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.choose(chosen);
            }
        });
        VBox.setVgrow(matches, Priority.ALWAYS);

        Label recipient = new Label();
        recipient.setId("new-message-recipient");
        recipient.getStyleClass().addAll("pt-recipient");
        recipient.textProperty().bind(model.recipientProperty().map(r -> "To: " + r));
        recipient.visibleProperty().bind(model.recipientProperty().isNotEmpty());
        recipient.managedProperty().bind(recipient.visibleProperty());

        ComposerView composer = new ComposerView(composerModel);
        composer.visibleProperty().bind(model.recipientProperty().isNotEmpty());
        composer.managedProperty().bind(composer.visibleProperty());
        matches.visibleProperty().bind(model.recipientProperty().isEmpty());
        matches.managedProperty().bind(matches.visibleProperty());
        Region filler = new Region();
        VBox.setVgrow(filler, Priority.ALWAYS);
        filler.visibleProperty().bind(matches.visibleProperty().not());
        filler.managedProperty().bind(filler.visibleProperty());

        getChildren().addAll(header, to, error, useNumber, matches, recipient, filler, composer);
        setSpacing(10);
    }

    public void focusTo() {
        to.requestFocus();
    }

    /** A directory match: name, number, Patient/Lead, and opted-out/blocked marks. */
    private static final class ContactCell extends ListCell<ContactRow> {
        private final Avatar avatar = new Avatar(32);
        private final Label name = new Label();
        private final Label phone = new Label();
        private final Label kind = new Label();
        private final Label state = new Label();
        private final HBox root;

        ContactCell() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            phone.getStyleClass().add(Styles.TEXT_MUTED);
            kind.getStyleClass().addAll("pt-chip", "pt-chip-accent");
            state.getStyleClass().addAll("pt-chip", "pt-chip-danger");
            root = new HBox(10, avatar, new VBox(1, name, phone), kind, state);
            root.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("pt-contact-cell");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ContactRow contact, boolean empty) {
            super.updateItem(contact, empty);
            if (empty || contact == null) {
                setGraphic(null);
                return;
            }
            avatar.show(contact.name(), contact.id());
            name.setText(contact.displayName());
            phone.setText(contact.name() == null || contact.name().isBlank() ? "No name on file" : contact.displayPhone());
            kind.setText("lead".equals(contact.kind()) ? "Lead" : "Patient");
            state.setText(contact.blocked() ? "Blocked" : contact.optedOut() ? "Opted out" : "");
            state.setVisible(!state.getText().isEmpty());
            setGraphic(root);
        }
    }
}
