// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.practicetext.protocol.RequestView;

/**
 * The chip under a request's bubble: the kind's icon, "Payment request · $120.00", where it stands
 * ("Opened Dec 3, 3:12 PM", "Expired Dec 30") in the colour of its state, and "Link works until …"
 * while the patient can use it. A click (or Enter) opens the actions this user may take on it.
 * Built once per bubble; {@link #show} sets it to a request.
 */
final class RequestChip extends VBox {
    private final ThreadRequests model;
    private final RequestActions actions;
    private final Button chip = new Button();
    private final HBox iconBox = new HBox();
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label validity = new Label();
    private final ContextMenu menu = new ContextMenu();
    private RequestView shown;

    RequestChip(ThreadRequests model, RequestActions actions) {
        this.model = model;
        this.actions = actions;
        getStyleClass().add("pt-request");
        chip.getStyleClass().addAll("pt-chip", "pt-request-chip");
        chip.setId("request-chip");
        title.getStyleClass().add("pt-request-title");
        status.getStyleClass().add("pt-request-status");
        status.setId("request-status");
        validity.getStyleClass().addAll("pt-request-validity", Styles.TEXT_SMALL);
        HBox line = new HBox(6, iconBox, title, new Label("·"), status);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        chip.setGraphic(line);
        chip.setOnAction(e -> openMenu());
        menu.setId("request-menu");
        getChildren().addAll(chip, validity);
        setSpacing(2);
    }

    /** Shows {@code request}, or nothing (a message without a request). */
    void show(RequestView request) {
        shown = request;
        setVisible(request != null);
        setManaged(request != null);
        if (request == null) {
            return;
        }
        chip.getStyleClass().removeAll(RequestChipText.Tone.styleClasses());
        chip.getStyleClass().add(RequestChipText.tone(request.status()).styleClass());
        iconBox.getChildren().setAll(RequestChipText.icon(request.kind()).node(13));
        title.setText(model.title(request));
        status.setText(model.status(request));
        chip.setAccessibleText(title.getText() + ", " + status.getText() + ". Actions");
        validity.setText(model.validity(request));
        validity.setVisible(!validity.getText().isEmpty());
        validity.setManaged(validity.isVisible());
    }

    private void openMenu() {
        if (shown == null) {
            return;
        }
        menu.getItems().setAll(actions.items(shown, true, () -> getScene() == null ? null : getScene().getWindow()));
        menu.show(chip, Side.BOTTOM, 0, 2);
    }
}
