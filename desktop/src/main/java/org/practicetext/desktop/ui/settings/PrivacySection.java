// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.practicetext.core.HiddenPreviews;
import org.practicetext.core.Permission;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.privacy.PracticePrivacyViewModel;
import org.practicetext.desktop.ui.privacy.PrivacyScreenToggle;

/**
 * Settings → Privacy (ADR 0026): this workstation's privacy screen, and for settings managers the
 * practice's rules for every workstation (lock minutes, the privacy screen for everyone, what
 * hidden previews show, removing the copy on sign-out).
 */
final class PrivacySection {
    private PrivacySection() {
    }

    static Node build(UiSession session) {
        ToggleSwitch mine = PrivacyScreenToggle.toggleSwitch(session.settings());
        Label forced = CommunicationSections.muted("Your practice keeps the privacy screen on at every workstation.");
        forced.setId("privacy-screen-forced");
        forced.visibleProperty().bind(session.settings().privacyScreenForced());
        forced.managedProperty().bind(forced.visibleProperty());
        VBox desk = new VBox(8, mine, forced);
        if (!session.can(Permission.SETTINGS_MANAGE)) {
            return CommunicationSections.section("Privacy", description(), desk);
        }
        return CommunicationSections.section("Privacy", description(), desk, rules(new PracticePrivacyViewModel(session)));
    }

    private static String description() {
        return "The privacy screen hides message text in the list and in notifications, and blurs a thread's text until "
                + "the pointer or the keyboard is on it. Press Ctrl+L to lock the window; your PIN or password unlocks it.";
    }

    private static Node rules(PracticePrivacyViewModel model) {
        Label heading = new Label("Rules for every workstation of the practice");
        heading.getStyleClass().add(Styles.TITLE_4);
        TextField minutes = new TextField();
        minutes.setId("privacy-lock-minutes");
        minutes.setPrefColumnCount(4);
        minutes.textProperty().bindBidirectional(model.lockMinutesProperty());
        Label minutesProblem = CommunicationSections.muted("");
        minutesProblem.setId("privacy-lock-minutes-problem");
        minutesProblem.textProperty().bind(model.lockMinutesProblemProperty());
        HBox lockRow = new HBox(8, new Label("Lock after"), minutes, new Label("minutes without input (0 = never)"), minutesProblem);
        lockRow.setAlignment(Pos.CENTER_LEFT);

        ToggleSwitch forAll = new ToggleSwitch("Privacy screen on at every workstation");
        forAll.setId("privacy-screen-for-all");
        forAll.selectedProperty().bindBidirectional(model.privacyScreenForAllProperty());

        ToggleGroup previews = new ToggleGroup();
        RadioButton names = new RadioButton("Names only: who wrote and when, no text");
        names.setId("privacy-previews-names");
        RadioButton nothing = new RadioButton("Nothing: \"New message\", no name and no text");
        nothing.setId("privacy-previews-nothing");
        names.setToggleGroup(previews);
        nothing.setToggleGroup(previews);
        names.setSelected(model.hiddenPreviewsProperty().get() == HiddenPreviews.NAMES);
        nothing.setSelected(model.hiddenPreviewsProperty().get() == HiddenPreviews.NOTHING);
        model.hiddenPreviewsProperty().addListener((o, was, now) -> (now == HiddenPreviews.NOTHING ? nothing : names).setSelected(true));
        names.setOnAction(e -> model.hiddenPreviewsProperty().set(HiddenPreviews.NAMES));
        nothing.setOnAction(e -> model.hiddenPreviewsProperty().set(HiddenPreviews.NOTHING));
        VBox previewChoice = new VBox(6, CommunicationSections.muted("While the privacy screen is on, the list and notifications show"), names, nothing);

        ToggleSwitch removeCopy = new ToggleSwitch("Signing out always removes the workstation's copy of the practice's messages");
        removeCopy.setId("privacy-remove-copy");
        removeCopy.selectedProperty().bindBidirectional(model.removeCopyOnSignOutProperty());

        Button save = new Button("Save privacy rules");
        save.setId("privacy-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.loadedProperty().not().or(model.savingProperty()).or(model.lockMinutesProblemProperty().isNotEmpty()));
        save.setOnAction(e -> model.save());
        Label message = CommunicationSections.muted("");
        message.setId("privacy-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(12, save, message);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(12, heading, lockRow, forAll, previewChoice, removeCopy, actions);
        box.setPadding(new javafx.geometry.Insets(20, 0, 0, 0));
        box.setMaxWidth(640);
        model.load();
        return box;
    }
}
