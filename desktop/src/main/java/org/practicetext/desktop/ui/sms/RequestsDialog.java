// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.StyleSheets;
import org.practicetext.protocol.RequestView;

/**
 * A conversation's requests (the thread header's "Requests…"), newest first: the kind and what it
 * is for, the amount, where it stands with its dates (sent, opened, finished, or until when the
 * link works), and the same actions as the chip. Follows the feed while it is open; the relay's
 * refusal of an action shows under the list.
 */
final class RequestsDialog {
    private RequestsDialog() {
    }

    static void show(Window owner, ThreadRequests model, String who) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Requests — " + who);
        dialog.setHeaderText("Requests sent to " + who);
        dialog.getDialogPane().setContent(content(model));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("requests-dialog");
        dialog.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        dialog.setResizable(true);
        dialog.show();
    }

    static VBox content(ThreadRequests model) {
        ListView<RequestView> list = new ListView<>(model.requests());
        list.setId("requests-list");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-requests-list");
        RequestActions actions = new RequestActions(model, () -> { });
        list.setCellFactory(l -> new RequestRow(model, actions));
        list.setPlaceholder(new Label("No requests in this conversation yet. Send one from the composer's tools (+)."));
        list.setPrefSize(520, 380);
        Label problem = new Label();
        problem.setId("requests-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox box = new VBox(8, list, problem);
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    /** One request: icon, title, what it is for (and the practice's reference), the status chip, the dates, the actions. */
    private static final class RequestRow extends ListCell<RequestView> {
        private final ThreadRequests model;
        private final RequestActions actions;
        private final HBox icon = new HBox();
        private final Label title = new Label();
        private final Label description = new Label();
        private final Label status = new Label();
        private final Label dates = new Label();
        private final MenuButton menu = new MenuButton(null, Icons.MORE.node(16));
        private final HBox root;

        RequestRow(ThreadRequests model, RequestActions actions) {
            this.model = model;
            this.actions = actions;
            title.getStyleClass().add(Styles.TEXT_BOLD);
            description.getStyleClass().add(Styles.TEXT_MUTED);
            description.setWrapText(true);
            status.getStyleClass().add("pt-chip");
            status.setMinWidth(Region.USE_PREF_SIZE);
            dates.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            menu.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON, Tweaks.NO_ARROW);
            menu.setAccessibleText("Request actions");
            menu.setId("request-row-menu");
            HBox top = new HBox(8, title, status);
            top.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(3, top, description, dates);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            root = new HBox(10, icon, text, menu);
            root.setAlignment(Pos.TOP_LEFT);
            getStyleClass().add("pt-request-row");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(RequestView r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            icon.getChildren().setAll(RequestChipText.icon(r.kind()).node(18));
            title.setText(model.title(r));
            String what = r.description() == null ? "" : r.description();
            description.setText(r.reference() == null || r.reference().isBlank() ? what : what + (what.isEmpty() ? "" : " · ") + "Ref. " + r.reference());
            description.setVisible(!description.getText().isEmpty());
            description.setManaged(description.isVisible());
            status.setText(model.status(r));
            status.getStyleClass().removeAll(RequestChipText.Tone.styleClasses());
            status.getStyleClass().add(RequestChipText.tone(r.status()).styleClass());
            dates.setText(model.dates(r));
            menu.getItems().setAll(actions.items(r, false, () -> getScene() == null ? null : getScene().getWindow()));
            menu.setVisible(!menu.getItems().isEmpty());
            setGraphic(root);
        }
    }
}
