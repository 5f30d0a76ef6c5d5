// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * A question asked before an action that is hard to take back: the action's own word on the
 * confirming button ("Block", never "OK"), Cancel as the default, so Enter does not confirm by accident.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** Shows the question and waits; true when the person chose {@code confirm}. */
    public static boolean ask(Window owner, String title, String body, String confirm) {
        ButtonType yes = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, body, yes, no);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("confirm-dialog");
        alert.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        alert.getDialogPane().lookupButton(yes).setId("confirm-yes");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        alert.getDialogPane().lookupButton(no).setId("confirm-no");
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
