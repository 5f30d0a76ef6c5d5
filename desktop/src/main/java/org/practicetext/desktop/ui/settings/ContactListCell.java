// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.ContactRow;

/** A contact in a settings list: name, number, a detail line, and an optional action button. */
final class ContactListCell extends ListCell<ContactRow> {
    private final Label name = new Label();
    private final Label detail = new Label();
    private final Button action = new Button();
    private final HBox root;
    private final Function<ContactRow, String> detailText;

    ContactListCell(Function<ContactRow, String> detailText, String actionText, Consumer<ContactRow> onAction) {
        this.detailText = detailText;
        name.getStyleClass().add(Styles.TEXT_BOLD);
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        action.setText(actionText);
        action.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        action.setVisible(onAction != null);
        action.setOnAction(e -> onAction.accept(getItem()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        root = new HBox(10, new VBox(2, name, detail), gap, action);
        root.setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ContactRow contact, boolean empty) {
        super.updateItem(contact, empty);
        if (empty || contact == null) {
            setGraphic(null);
            return;
        }
        name.setText(contact.displayName());
        detail.setText(detailText.apply(contact));
        setGraphic(root);
    }
}
