// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * Export the consent record (ADR 0025): the first and last day to include (the last 12 months
 * unless changed), then Export… which asks where to save. Answers whether the admin chose to
 * export; the days are the model's.
 */
final class ConsentExportDialog {
    private ConsentExportDialog() {
    }

    static boolean ask(Window owner, OptedOutViewModel model) {
        ButtonType export = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        Dialog<Boolean> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Export the consent record");
        dialog.setHeaderText("Export the consent record");
        Label about = new Label("Every opt-out, opt-in, block and unblock in these days, one row per change, as a CSV file for an audit.");
        about.setWrapText(true);
        about.setMaxWidth(380);
        DatePicker from = new DatePicker();
        from.setId("export-from");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("export-to");
        to.valueProperty().bindBidirectional(model.toProperty());
        GridPane days = new GridPane(10, 8);
        days.addRow(0, new Label("From"), from);
        days.addRow(1, new Label("To"), to);
        Label problem = new Label();
        problem.setId("export-range-problem");
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.textProperty().bind(Bindings.createStringBinding(() -> model.rangeProblem() == null ? "" : model.rangeProblem(),
                model.fromProperty(), model.toProperty()));
        dialog.getDialogPane().setContent(new VBox(12, about, days, problem));
        dialog.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        dialog.getDialogPane().setId("consent-export-dialog");
        dialog.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        Button exportButton = (Button) dialog.getDialogPane().lookupButton(export);
        exportButton.setId("export-record-confirm");
        exportButton.disableProperty().bind(problem.textProperty().isNotEmpty());
        dialog.setResultConverter(button -> button == export);
        boolean chosen = dialog.showAndWait().orElse(false);
        from.valueProperty().unbindBidirectional(model.fromProperty());
        to.valueProperty().unbindBidirectional(model.toProperty());
        return chosen;
    }
}
