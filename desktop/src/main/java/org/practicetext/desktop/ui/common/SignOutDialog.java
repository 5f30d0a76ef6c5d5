// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.practicetext.desktop.session.SignOutChoice;

/**
 * The sign-out confirmation (ADR 0026): "Also remove this workstation's copy of the practice's
 * messages", checked and locked when the practice makes it the rule, with a warning of the unsent
 * items that would be lost. {@link #confirm} asks and signs out through {@link SessionActions}.
 */
public final class SignOutDialog {
    public static final String REMOVE = "Also remove this workstation's copy of the practice's messages";

    private final SignOutChoice choice;
    private final BooleanProperty remove = new SimpleBooleanProperty();

    public SignOutDialog(SignOutChoice choice) {
        this.choice = choice;
        remove.set(choice.removalRequired());
    }

    /** Whether the copy goes too; fixed at true when the practice makes it the rule. */
    public BooleanProperty removeProperty() {
        return remove;
    }

    public boolean locked() {
        return choice.removalRequired();
    }

    /** The warning under the checkbox: the unsent items that removing the copy loses; empty when it is unchecked or none wait. */
    public ObservableStringValue warning() {
        return Bindings.createStringBinding(() -> remove.get() ? choice.unsentWarning() : "", remove);
    }

    /** The dialog's content: the checkbox and the warning. */
    public VBox content() {
        CheckBox box = new CheckBox(REMOVE);
        box.setId("sign-out-remove-copy");
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(remove);
        box.setDisable(locked());
        Label rule = new Label(locked() ? "Your practice removes the copy on every sign-out from a shared workstation." : "");
        rule.setManaged(locked());
        rule.setVisible(locked());
        Label warning = new Label();
        warning.setId("sign-out-unsent-warning");
        warning.textProperty().bind(warning());
        warning.getStyleClass().add("danger");
        warning.setWrapText(true);
        return new VBox(10, new Label("You will need your password to sign in again on this workstation."), box, rule, warning);
    }

    /** Asks, and signs out (with the copy removed or not) when the person confirms; nothing happens on Cancel. */
    public static void confirm(Window owner, SignOutChoice choice, SessionActions actions) {
        SignOutDialog model = new SignOutDialog(choice);
        ask(owner, model).ifPresent(actions::signOut);
    }

    /** Shows the dialog and waits; the choice to remove the copy, or empty on Cancel. */
    static Optional<Boolean> ask(Window owner, SignOutDialog model) {
        ButtonType yes = new ButtonType("Sign out", ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", yes, no);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Sign out");
        alert.setHeaderText("Sign out of PracticeText?");
        alert.getDialogPane().setContent(model.content());
        alert.getDialogPane().setId("sign-out-dialog");
        alert.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        alert.getDialogPane().lookupButton(yes).setId("sign-out-confirm");
        alert.getDialogPane().lookupButton(no).setId("sign-out-cancel");
        return alert.showAndWait().filter(yes::equals).map(b -> model.removeProperty().get() || model.locked());
    }
}
