// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.practicetext.desktop.ui.common.StyleSheets;
import org.practicetext.desktop.ui.common.UiSession;

/** Demo mode only: type a text as a patient would send it, and the practice receives it. */
final class ReceiveTextDialog {
    private final Window owner;
    private final UiSession session;
    private final DemoTools tools;

    ReceiveTextDialog(Window owner, UiSession session, DemoTools tools) {
        this.owner = owner;
        this.session = session;
        this.tools = tools;
    }

    void showAndSend() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Receive a text from a patient");
        dialog.setHeaderText("Play the patient: this text arrives through the simulated carrier, like a real one.");
        TextField from = new TextField("(555) 123-4567");
        from.setId("demo-from");
        TextArea body = new TextArea("Hi! Can I move my appointment to Friday afternoon?");
        body.setId("demo-body");
        body.setWrapText(true);
        body.setPrefRowCount(3);
        GridPane grid = new GridPane(10, 10);
        grid.setPadding(new Insets(10, 0, 0, 0));
        // The labels' column never shrinks below its words (a narrow dialog cut them to "…");
        // the fields' column takes the rest of the width.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints(240, 360, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.addRow(0, new Label("From"), from);
        grid.addRow(1, new Label("Text"), body);
        dialog.getDialogPane().setContent(grid);
        ButtonType receive = new ButtonType("Receive", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(receive, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        dialog.showAndWait().filter(receive::equals).ifPresent(b -> {
            String phone = from.getText();
            String text = body.getText();
            session.tasks().run(() -> tools.receiveText(phone, text));
        });
    }
}
