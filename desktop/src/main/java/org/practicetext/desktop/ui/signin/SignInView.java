// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * The sign-in screen: a card with the four fields, the relay's answer, and Sign in. Fields the
 * workstation's configuration presets are read-only with "Set by your IT administrator" under
 * them; a configuration file that could not be used is explained above the fields.
 */
public final class SignInView extends StackPane {
    public SignInView(SignInViewModel model) {
        getStyleClass().add("pt-signin");
        getStylesheets().addAll(StyleSheets.all());
        Label title = new Label("Sign in to PracticeText");
        title.getStyleClass().add(Styles.TITLE_2);
        boolean managed = model.relayPreset() || model.practicePreset();
        Label subtitle = new Label(managed ? "Your team login." : "Your practice's relay address and your team login.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        TextField relay = field("signin-relay", "Relay address, e.g. https://relay.example.org");
        relay.textProperty().bindBidirectional(model.relayUrlProperty());
        TextField practice = field("signin-practice", "Practice (e.g. bright-smile)");
        practice.textProperty().bindBidirectional(model.practiceProperty());
        if (model.relayPreset()) {
            preset(relay);
        }
        if (model.practicePreset()) {
            preset(practice);
        }
        Label presetNote = new Label("Set by your IT administrator");
        presetNote.setId("signin-preset-note");
        presetNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        presetNote.setVisible(managed);
        presetNote.setManaged(managed);
        Label machineProblem = new Label(model.machineProblem(), Icons.ERROR.node(14));
        machineProblem.setId("signin-machine-problem");
        machineProblem.getStyleClass().add("pt-field-error");
        machineProblem.setWrapText(true);
        machineProblem.setVisible(!model.machineProblem().isEmpty());
        machineProblem.setManaged(machineProblem.isVisible());
        TextField username = field("signin-username", "Username");
        username.textProperty().bindBidirectional(model.usernameProperty());
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("signin-password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setOnAction(e -> model.signIn());
        Label error = new Label(null, Icons.ERROR.node(14));
        error.setId("signin-error");
        error.getStyleClass().add("pt-field-error");
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        javafx.scene.control.Hyperlink download = new javafx.scene.control.Hyperlink("Download the newer version");
        download.setId("signin-download");
        download.setOnAction(e -> model.openDownload());
        download.visibleProperty().bind(model.downloadProperty().isNotNull());
        download.managedProperty().bind(download.visibleProperty());
        Button signIn = new Button("Sign in");
        signIn.setId("signin-submit");
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.textProperty().bind(model.busyProperty().map(b -> b ? "Signing in…" : "Sign in"));
        signIn.setOnAction(e -> model.signIn());
        javafx.scene.Node logo = Icons.SMS.node(36);
        logo.getStyleClass().add("pt-signin-logo");
        VBox form = new VBox(12, logo, new VBox(4, title, subtitle), machineProblem, label("Relay", relay), label("Practice", practice),
                presetNote, label("Username", username), label("Password", password), error, download, signIn);
        form.setPadding(new javafx.geometry.Insets(12, 16, 16, 16));
        Card card = new Card() {
            // Sized by its width, so that a wrapped message (a long refusal) makes the card taller instead of being cut.
            @Override
            public javafx.geometry.Orientation getContentBias() {
                return javafx.geometry.Orientation.HORIZONTAL;
            }
        };
        card.setBody(form);
        card.setMaxWidth(440);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getStyleClass().addAll(Styles.ELEVATED_2, "pt-signin-card");
        StackPane.setAlignment(card, Pos.CENTER);
        Card choose = choosePassword(model);
        signIn.defaultButtonProperty().bind(model.choosingProperty().not());
        card.visibleProperty().bind(model.choosingProperty().not());
        choose.visibleProperty().bind(model.choosingProperty());
        getChildren().addAll(card, choose);
        // The desk types at once: into the first field that still needs it (the username when IT preset the rest).
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                firstToFill(relay, practice, username, password).requestFocus();
            }
        });
    }

    private static TextField firstToFill(TextField... fields) {
        for (TextField field : fields) {
            if (field.isEditable() && field.getText().isBlank()) {
                return field;
            }
        }
        return fields[fields.length - 1];
    }

    /** The first sign-in's step: a one-time password or invite code worked, now the person's own password. */
    private static Card choosePassword(SignInViewModel model) {
        Label title = new Label("Choose your password");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("You signed in with a one-time password or invite code. Choose your own password to open the inbox; "
                + "only you will know it.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        subtitle.setPrefWidth(380); // its wrapped height is then known when the card is sized
        subtitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.PasswordField next = new javafx.scene.control.PasswordField();
        next.setId("signin-new-password");
        next.setPromptText("New password");
        next.textProperty().bindBidirectional(model.newPasswordProperty());
        javafx.scene.control.PasswordField again = new javafx.scene.control.PasswordField();
        again.setId("signin-confirm-password");
        again.setPromptText("The same password again");
        again.textProperty().bindBidirectional(model.confirmPasswordProperty());
        again.setOnAction(e -> model.choosePassword());
        Label rule = new Label();
        rule.setId("signin-password-rule");
        rule.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        rule.setWrapText(true);
        rule.setPrefWidth(380);
        rule.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rule.textProperty().bind(model.newPasswordFlawProperty());
        Label error = new Label(null, Icons.ERROR.node(14));
        error.setId("signin-choose-error");
        error.getStyleClass().add("pt-field-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Button set = new Button("Set password and open the inbox");
        set.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        set.setId("signin-choose-submit");
        set.getStyleClass().add(Styles.ACCENT);
        set.setMaxWidth(Double.MAX_VALUE);
        set.disableProperty().bind(model.canChooseProperty().not());
        set.setOnAction(e -> model.choosePassword());
        Button back = new Button("Back");
        back.setId("signin-choose-back");
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> model.backToSignIn());
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(8, set, back);
        javafx.scene.layout.HBox.setHgrow(set, javafx.scene.layout.Priority.ALWAYS);
        VBox form = new VBox(12, new VBox(4, title, subtitle), label("New password", next), label("Confirm", again), rule, error, buttons);
        form.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.setPadding(new javafx.geometry.Insets(12, 16, 16, 16));
        Card card = new Card();
        card.setId("signin-choose");
        card.setBody(form);
        card.setMaxWidth(440);
        // The card's own preferred height leaves out part of the wrapped explanation (seen under Xvfb): room for it and an error.
        card.setPrefHeight(390);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getStyleClass().addAll(Styles.ELEVATED_2, "pt-signin-card");
        StackPane.setAlignment(card, Pos.CENTER);
        return card;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** A preset field: shown, not editable, skipped by Tab. */
    private static void preset(TextField field) {
        field.setEditable(false);
        field.setFocusTraversable(false);
        field.getStyleClass().add("pt-preset");
    }

    private static VBox label(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return new VBox(4, label, field);
    }
}
