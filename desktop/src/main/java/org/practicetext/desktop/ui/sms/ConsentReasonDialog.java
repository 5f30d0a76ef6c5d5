// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.practicetext.desktop.directory.LiveDirectory;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * The question before a consent action (block, unblock, record or undo an opt-out; ADR 0025): what
 * it does, and why, in the team member's words, kept in the consent record. The action's own word
 * is on the confirming button, Cancel is the default (Enter does not confirm by accident). With
 * {@code required} the button waits for a reason. Empty when the person backed out; otherwise the
 * reason as typed (possibly empty), at most {@link LiveDirectory#REASON_MAX} characters.
 */
final class ConsentReasonDialog {
    private ConsentReasonDialog() {
    }

    static Optional<String> ask(Window owner, String title, String body, String prompt, String confirm, boolean required) {
        ButtonType yes = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<String> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Label text = new Label(body);
        text.setId("consent-question");
        text.setWrapText(true);
        text.setMaxWidth(400);
        TextField reason = new TextField();
        reason.setId("consent-reason");
        reason.setPromptText(prompt);
        reason.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() <= LiveDirectory.REASON_MAX ? c : null));
        Label label = new Label(required ? "Why (required)" : "Why (optional)");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setLabelFor(reason);
        dialog.getDialogPane().setContent(new VBox(10, text, label, reason));
        dialog.getDialogPane().getButtonTypes().addAll(yes, no);
        dialog.getDialogPane().setId("confirm-dialog");
        dialog.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(yes);
        confirmButton.setId("confirm-yes");
        confirmButton.setDefaultButton(false);
        if (required) {
            confirmButton.disableProperty().bind(Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty()));
        }
        Button cancel = (Button) dialog.getDialogPane().lookupButton(no);
        cancel.setId("confirm-no");
        cancel.setDefaultButton(true);
        dialog.setResultConverter(button -> button == yes ? reason.getText().strip() : null);
        return dialog.showAndWait();
    }
}
