// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * The frame the four request dialogs share: a title, whom it goes to, the fields, and Insert
 * (disabled until the view model says the request is complete; Enter presses it) and Cancel (Esc).
 * Each field is its label, the control, a muted line of help and, in the danger colour, what is
 * wrong with what was typed.
 */
final class RequestDialog {
    private RequestDialog() {
    }

    /** Shows the dialog and waits; the request composed by Insert, empty on Cancel. */
    static Optional<ComposedRequest> show(Window owner, String id, String title, String to, Node content, ObservableBooleanValue valid,
                                          Supplier<ComposedRequest> compose) {
        Dialog<ComposedRequest> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(title + " · to " + to);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().getStyleClass().add("pt-request-dialog");
        dialog.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        dialog.getDialogPane().setContent(content);
        ButtonType insert = new ButtonType("Insert", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(insert, ButtonType.CANCEL);
        Button insertButton = (Button) dialog.getDialogPane().lookupButton(insert);
        insertButton.setId("request-insert");
        insertButton.getStyleClass().add(Styles.ACCENT);
        insertButton.disableProperty().bind(javafx.beans.binding.Bindings.not(valid));
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("request-cancel");
        dialog.setResultConverter(button -> button == insert && valid.get() ? compose.get() : null);
        return dialog.showAndWait();
    }

    /** A field: its label over the control, then help (muted) and the problem (danger), each taking no room when empty. */
    static VBox field(String label, Node control, String help, ObservableStringValue problem) {
        Label name = new Label(label);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setLabelFor(control);
        VBox box = new VBox(4, name, control);
        if (help != null && !help.isEmpty()) {
            box.getChildren().add(muted(help));
        }
        if (problem != null) {
            box.getChildren().add(problem(problem));
        }
        return box;
    }

    static Label muted(String text) {
        Label line = new Label(text);
        line.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        line.setWrapText(true);
        return line;
    }

    /** What is wrong, in the danger colour, with an icon; no room when empty. */
    static Label problem(ObservableStringValue problem) {
        Label line = new Label(null, Icons.ERROR.node(12));
        line.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER, "pt-request-problem");
        line.setWrapText(true);
        line.textProperty().bind(problem);
        line.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(problem));
        line.managedProperty().bind(line.visibleProperty());
        return resizesDialog(line);
    }

    /** A part that comes and goes makes the dialog fit again, so it is never cut off (nor leaves a gap). */
    static <T extends Node> T resizesDialog(T part) {
        part.visibleProperty().addListener((o, was, now) -> {
            if (part.getScene() != null && part.getScene().getWindow() != null) {
                part.getScene().getWindow().sizeToScene();
            }
        });
        return part;
    }

    /** The PDF row: "Choose PDF…", the file's name, type and size with ✕, and why a file was not taken. */
    static VBox document(RequestDocument document, FilePicker picker, String idPrefix, String chooseText) {
        Button choose = new Button(chooseText, Icons.ATTACH.node(14));
        choose.setId(idPrefix + "-choose");
        choose.setOnAction(e -> picker.choose(choose.getScene().getWindow()).stream().findFirst().ifPresent(document::choose));
        Label chosen = new Label();
        chosen.setId(idPrefix + "-file");
        chosen.textProperty().bind(document.labelProperty());
        Button remove = new Button(null, Icons.CLOSE.node(12));
        remove.setId(idPrefix + "-remove");
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "pt-chip-remove");
        remove.setAccessibleText("Remove the PDF");
        remove.setOnAction(e -> document.clear());
        HBox file = new HBox(6, Icons.ATTACH.node(14), chosen, remove);
        file.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        file.visibleProperty().bind(document.fileProperty().isNotNull());
        file.managedProperty().bind(file.visibleProperty());
        resizesDialog(file);
        choose.visibleProperty().bind(document.fileProperty().isNull());
        choose.managedProperty().bind(choose.visibleProperty());
        return new VBox(4, choose, file, problem(document.problemProperty()));
    }
}
