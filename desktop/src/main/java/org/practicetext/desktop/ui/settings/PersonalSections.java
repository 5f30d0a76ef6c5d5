// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.Appearance;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.common.UiSession;

/** The sections about this person and this workstation: account, appearance, notifications. */
final class PersonalSections {
    private PersonalSections() {
    }

    static Node account(UiSession session, SessionActions actions) {
        GridPane facts = new GridPane(16, 8);
        facts.addRow(0, CommunicationSections.muted("Signed in as"), bold(session.me().name() + " (" + session.me().username() + ")"));
        facts.addRow(1, CommunicationSections.muted("Role"), bold(capitalized(session.me().role())));
        facts.addRow(2, CommunicationSections.muted("Practice"), bold(session.practice().name() + " (" + session.practice().slug() + ")"));
        Label version = bold("PracticeText " + org.practicetext.desktop.AppInfo.build().version());
        version.setId("app-version");
        facts.addRow(3, CommunicationSections.muted("Version"), version);
        Button switchUser = new Button("Switch user");
        switchUser.setId("switch-user");
        switchUser.setOnAction(e -> actions.switchUser());
        Button signOut = new Button("Sign out");
        signOut.setId("sign-out");
        signOut.getStyleClass().add(Styles.DANGER);
        signOut.setOnAction(e -> org.practicetext.desktop.ui.common.SignOutDialog.confirm(signOut.getScene().getWindow(),
                session.client().session().signOutChoice(), actions));
        HBox buttons = new HBox(10, switchUser, signOut);
        return CommunicationSections.section("Account",
                "Signing out forgets this account on this workstation; cached messages of other accounts stay.", facts, buttons,
                changePassword(new AccountPasswordViewModel(session)));
    }

    /** Change my password: current, new, again; the rule is shown until the new one keeps it. */
    private static VBox changePassword(AccountPasswordViewModel model) {
        Label heading = new Label("Change password");
        heading.getStyleClass().add(Styles.TITLE_4);
        PasswordField current = password("account-current-password", "Current password", model.currentProperty());
        PasswordField next = password("account-new-password", "New password", model.newPasswordProperty());
        PasswordField again = password("account-confirm-password", "The new password again", model.confirmProperty());
        again.setOnAction(e -> model.change());
        Label rule = CommunicationSections.muted("");
        rule.setId("account-password-rule");
        rule.setWrapText(true);
        rule.textProperty().bind(model.flawProperty());
        Button change = new Button("Change password");
        change.setId("account-change-password");
        change.getStyleClass().add(Styles.ACCENT);
        change.disableProperty().bind(model.canChangeProperty().not());
        change.setOnAction(e -> model.change());
        Label message = new Label();
        message.setId("account-password-message");
        message.setWrapText(true);
        message.getStyleClass().addAll(Styles.TEXT_SMALL, "pt-template-message");
        message.textProperty().bind(model.messageProperty());
        model.refusedProperty().addListener((o, was, now) -> message.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("refused"), now));
        GridPane form = new GridPane(12, 8);
        form.addRow(0, CommunicationSections.muted("Current"), current);
        form.addRow(1, CommunicationSections.muted("New"), next);
        form.addRow(2, CommunicationSections.muted("Again"), again);
        VBox box = new VBox(8, heading, form, rule, change, message);
        box.setMaxWidth(520);
        box.setPadding(new javafx.geometry.Insets(16, 0, 0, 0));
        return box;
    }

    private static PasswordField password(String id, String prompt, javafx.beans.property.StringProperty text) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(24);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    static Node appearance(UiSession session) {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(8);
        for (Appearance appearance : Appearance.values()) {
            RadioButton choice = new RadioButton(appearance.label());
            choice.setId("appearance-" + appearance.name().toLowerCase(java.util.Locale.ROOT));
            choice.setToggleGroup(group);
            choice.setSelected(session.settings().appearance().get() == appearance);
            choice.setOnAction(e -> session.settings().appearance().set(appearance));
            session.settings().appearance().addListener((o, a, now) -> choice.setSelected(now == appearance));
            choices.getChildren().add(choice);
        }
        return CommunicationSections.section("Appearance", "Light or dark, or follow the operating system's setting.", choices);
    }

    static Node notifications(UiSession session) {
        ToggleSwitch hide = new ToggleSwitch("Hide message text in desktop notifications");
        hide.setId("hide-notification-text");
        hide.selectedProperty().bindBidirectional(session.settings().hideTextInNotifications());
        // The privacy screen (Settings → Privacy) hides the text anyway: this switch then has nothing to add.
        hide.disableProperty().bind(session.settings().privacyScreenOn());
        Label covered = CommunicationSections.muted("The privacy screen is on: notifications show no message text.");
        covered.setId("notification-text-covered");
        covered.visibleProperty().bind(session.settings().privacyScreenOn());
        covered.managedProperty().bind(covered.visibleProperty());
        VBox row = new VBox(6, hide, covered);
        row.setAlignment(Pos.CENTER_LEFT);
        return CommunicationSections.section("Notifications",
                "A pop-up tells you about a new text when PracticeText is in the background or another thread is open. "
                        + "Turn on privacy where patients can see the screen: the pop-up then says who wrote, not what.", row);
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static String capitalized(String word) {
        return word == null || word.isEmpty() ? "" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
