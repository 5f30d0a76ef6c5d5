// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.practicetext.core.Permission;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * Settings: a side menu of sections (Communication Settings: Opted Out Patients, Blocked
 * Contacts, Inboxes, Templates, and for settings managers Texting tools; for settings managers
 * Practice: Team, Numbers; then Account,
 * Appearance, Notifications) and the chosen section.
 */
public final class SettingsPage extends BorderPane {
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final Map<String, Supplier<Node>> builders = new LinkedHashMap<>();
    private final ScrollPane content = new ScrollPane();

    public SettingsPage(UiSession session, SessionActions actions) {
        getStyleClass().add("pt-settings-page");
        setId("settings-page");
        ToggleGroup group = new ToggleGroup();
        VBox menu = new VBox(2);
        menu.getStyleClass().add("pt-settings-menu");
        Label title = new Label("Settings");
        title.getStyleClass().addAll(Styles.TITLE_3, "pt-settings-title");
        menu.getChildren().add(title);
        menu.getChildren().add(caption("Communication Settings"));
        entry(menu, group, "Opted Out Patients", Icons.BLOCKED_LIST, () -> CommunicationSections.optedOut(session));
        entry(menu, group, "Blocked Contacts", Icons.BLOCK, () -> CommunicationSections.blocked(session));
        entry(menu, group, "Inboxes", Icons.INBOX, () -> InboxesSection.build(session));
        entry(menu, group, "Templates", Icons.TEMPLATE, () -> TemplatesSection.build(session));
        if (session.can(Permission.SETTINGS_MANAGE)) {
            // The settings behind the composer's tools (ADR 0024): admins only, as the relay has it.
            entry(menu, group, "Texting tools", Icons.PAYMENT, () -> TextingToolsSection.build(session));
        }
        entry(menu, group, "Privacy", Icons.LOCK, () -> PrivacySection.build(session));
        if (session.can(Permission.SETTINGS_MANAGE)) {
            // Only those who may use them see these (the relay refuses everyone else anyway).
            menu.getChildren().add(caption("Practice"));
            entry(menu, group, "Team", Icons.PATIENTS, () -> TeamSection.build(session));
            entry(menu, group, "Numbers", Icons.SMS, () -> NumbersSection.build(session));
        }
        menu.getChildren().add(caption("This workstation"));
        entry(menu, group, "Account", Icons.PERSON, () -> PersonalSections.account(session, actions));
        entry(menu, group, "Appearance", Icons.PALETTE, () -> PersonalSections.appearance(session));
        entry(menu, group, "Notifications", Icons.BELL, () -> PersonalSections.notifications(session));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        content.setFitToWidth(true);
        content.setFitToHeight(true);
        content.getStyleClass().add("pt-settings-content");
        setLeft(menu);
        setCenter(content);
        show("Opted Out Patients");
    }

    /** "Create or manage inboxes…" from the SMS page's inbox filter. */
    public void showInboxes() {
        show("Inboxes");
    }

    public void show(String section) {
        buttons.get(section).setSelected(true);
        content.setContent(built.computeIfAbsent(section, name -> builders.get(name).get()));
    }

    private void entry(VBox menu, ToggleGroup group, String name, Icons icon, Supplier<Node> factory) {
        ToggleButton button = new ToggleButton(name, icon.node(14));
        button.setId("settings-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        button.getStyleClass().addAll(Styles.FLAT, "pt-settings-entry");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setToggleGroup(group);
        button.setOnAction(e -> show(name));
        buttons.put(name, button);
        menu.getChildren().add(button);
        builders.put(name, factory);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED, "pt-settings-caption");
        return label;
    }
}
