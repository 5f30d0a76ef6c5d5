// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * A question before a request action with an optional note for the team (why it was cancelled,
 * how it was paid): the action's own word on the button, Cancel as the default. Empty when the
 * person backed out; otherwise the note as typed (possibly empty), at most 200 characters as the
 * relay keeps it.
 */
final class RequestNoteDialog {
    static final int NOTE_LIMIT = 200;

    private RequestNoteDialog() {
    }

    static Optional<String> ask(Window owner, String title, String body, String prompt, String confirm) {
        ButtonType yes = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Back", ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<String> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Label text = new Label(body);
        text.setWrapText(true);
        text.setMaxWidth(380);
        TextField note = new TextField();
        note.setId("request-note");
        note.setPromptText(prompt);
        note.setTextFormatter(new javafx.scene.control.TextFormatter<String>(c -> c.getControlNewText().length() <= NOTE_LIMIT ? c : null));
        Label label = new Label(prompt);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setLabelFor(note);
        dialog.getDialogPane().setContent(new VBox(10, text, label, note));
        dialog.getDialogPane().getButtonTypes().addAll(yes, no);
        dialog.getDialogPane().setId("request-note-dialog");
        dialog.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(yes);
        confirmButton.setId("request-note-confirm");
        confirmButton.setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(no)).setDefaultButton(true);
        dialog.setResultConverter(button -> button == yes ? note.getText().strip() : null);
        return dialog.showAndWait();
    }
}
