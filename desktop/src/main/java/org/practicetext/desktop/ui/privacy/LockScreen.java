// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * The locked window (ADR 0026): only the practice's name, the person signed in and the unread
 * count, the PIN or password form, and Switch user. It is the scene's whole root while locked:
 * nothing of the window it replaces is in the scene graph.
 */
public final class LockScreen extends VBox {
    private final PasswordField pin = new PasswordField();
    private final PasswordField password = new PasswordField();
    private final LockViewModel model;

    public LockScreen(LockViewModel model, String practice, String person, ObservableIntegerValue unread, Runnable switchUser) {
        this.model = model;
        getStylesheets().addAll(StyleSheets.all());
        getStyleClass().add("pt-lock-screen");
        setId("lock-screen");
        setAlignment(Pos.CENTER);
        setSpacing(12);

        Label title = new Label(practice);
        title.setId("lock-practice");
        title.getStyleClass().add(Styles.TITLE_2);
        Label who = new Label("Locked · " + person);
        who.setId("lock-person");
        who.getStyleClass().add(Styles.TEXT_MUTED);
        Label count = new Label();
        count.setId("lock-unread");
        count.getStyleClass().add("pt-lock-unread");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> unreadText(unread.get()), unread));

        pin.setId("lock-pin");
        pin.setPromptText("PIN");
        pin.textProperty().bindBidirectional(model.pinProperty());
        pin.setOnAction(e -> model.unlockWithPin());
        Button unlockPin = new Button("Unlock");
        unlockPin.setId("lock-unlock-pin");
        unlockPin.getStyleClass().add(Styles.ACCENT);
        unlockPin.setDefaultButton(true);
        unlockPin.setOnAction(e -> model.unlockWithPin());
        Hyperlink toPassword = new Hyperlink("Use your password instead");
        toPassword.setId("lock-use-password");
        toPassword.setOnAction(e -> model.usePassword());
        VBox pinForm = new VBox(6, caption("Your PIN"), pin, unlockPin, centred(toPassword));

        password.setId("lock-password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setOnAction(e -> model.unlockWithPassword());
        PasswordField newPin = new PasswordField();
        newPin.setId("lock-new-pin");
        newPin.setPromptText("4–8 digits, optional");
        newPin.textProperty().bindBidirectional(model.newPinProperty());
        newPin.setOnAction(e -> model.unlockWithPassword());
        Label pinHint = new Label();
        pinHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        pinHint.setWrapText(true);
        pinHint.textProperty().bind(model.hasPinProperty().map(has -> has
                ? "A new PIN here replaces the one you set." : "Set a PIN to unlock faster next time."));
        Button unlockPassword = new Button("Unlock");
        unlockPassword.setId("lock-unlock-password");
        unlockPassword.getStyleClass().add(Styles.ACCENT);
        unlockPassword.setOnAction(e -> model.unlockWithPassword());
        Hyperlink toPin = new Hyperlink("Use your PIN");
        toPin.setId("lock-use-pin");
        toPin.setOnAction(e -> model.usePin());
        toPin.visibleProperty().bind(model.hasPinProperty());
        toPin.managedProperty().bind(toPin.visibleProperty());
        VBox passwordForm = new VBox(6, caption("Your password"), password, caption("New PIN for this workstation"), newPin, pinHint,
                unlockPassword, centred(toPin));

        pinForm.visibleProperty().bind(model.modeProperty().isEqualTo(LockViewModel.Mode.PIN));
        pinForm.managedProperty().bind(pinForm.visibleProperty());
        passwordForm.visibleProperty().bind(pinForm.visibleProperty().not());
        passwordForm.managedProperty().bind(passwordForm.visibleProperty());
        unlockPassword.defaultButtonProperty().bind(passwordForm.visibleProperty());
        unlockPin.defaultButtonProperty().bind(pinForm.visibleProperty());
        model.modeProperty().addListener((o, was, mode) -> focusField());

        Label message = new Label();
        message.setId("lock-message");
        message.setWrapText(true);
        message.getStyleClass().add("pt-lock-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Button switchButton = new Button("Switch user");
        switchButton.setId("lock-switch-user");
        switchButton.getStyleClass().add(Styles.FLAT);
        switchButton.setOnAction(e -> switchUser.run());

        javafx.scene.Node icon = org.practicetext.desktop.ui.common.Icons.LOCK.node(28);
        icon.getStyleClass().add("pt-lock-icon");
        VBox card = new VBox(10, icon, title, who, count, pinForm, passwordForm, message, switchButton);
        card.getStyleClass().add("pt-lock-card");
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(380);
        card.disableProperty().bind(model.busyProperty());
        getChildren().add(card);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                focusField();
            }
        });
    }

    /** Puts the keyboard in the field the screen asks for. */
    public void focusField() {
        (model.modeProperty().get() == LockViewModel.Mode.PIN ? pin : password).requestFocus();
    }

    private static javafx.scene.layout.HBox centred(javafx.scene.Node node) {
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(node);
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(node.visibleProperty());
        box.managedProperty().bind(node.managedProperty());
        return box;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, "pt-lock-caption");
        return label;
    }

    static String unreadText(int unread) {
        return unread == 0 ? "No unread messages" : unread == 1 ? "1 unread message" : unread + " unread messages";
    }
}
