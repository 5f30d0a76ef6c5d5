// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.Directory;

/**
 * The filter bar: status, contact type, assignment and inbox, each a small menu whose button
 * names the current choice. The inbox menu ends with "Create or manage inboxes…". Then the
 * "Open requests" toggle, which combines with them.
 */
final class FilterBar extends FlowPane {
    private final ConversationListViewModel model;
    private final MenuButton inboxMenu = new MenuButton();
    private final Runnable manageInboxes;

    FilterBar(ConversationListViewModel model, Runnable manageInboxes) {
        super(6, 6);
        this.model = model;
        this.manageInboxes = manageInboxes;
        getStyleClass().add("pt-filter-bar");
        getChildren().addAll(
                menu("status-filter", "Open status", model.statusProperty(), ConversationFilter.Status.values(),
                        ConversationFilter.Status::label, ConversationFilter.Status::label),
                menu("type-filter", "Contact type", model.contactTypeProperty(), ConversationFilter.ContactType.values(),
                        ConversationFilter.ContactType::label, t -> t == ConversationFilter.ContactType.ALL ? "All contacts" : t.label()),
                menu("assignment-filter", "Assignment", model.assignmentProperty(), ConversationFilter.Assignment.values(),
                        ConversationFilter.Assignment::label, ConversationFilter.Assignment::label),
                inboxMenu, openRequestsToggle());
        inboxMenu.setTooltip(new javafx.scene.control.Tooltip("Inbox"));
        inboxMenu.setId("inbox-filter");
        style(inboxMenu);
        model.inboxes().addListener((ListChangeListener<Directory.Inbox>) c -> rebuildInboxMenu());
        model.inboxProperty().addListener((o, a, b) -> rebuildInboxMenu());
        rebuildInboxMenu();
    }

    /**
     * A filter menu: items carry the help article's words, and so does the button, except where
     * the article's word alone says nothing out of the menu ("All" contacts becomes "All contacts").
     */
    private <T> MenuButton menu(String id, String name, ObjectProperty<T> property, T[] choices, Function<T, String> label,
                                Function<T, String> buttonText) {
        MenuButton button = new MenuButton();
        button.setId(id);
        button.setTooltip(new javafx.scene.control.Tooltip(name));
        style(button);
        ToggleGroup group = new ToggleGroup();
        for (T choice : choices) {
            RadioMenuItem item = new RadioMenuItem(label.apply(choice));
            item.setToggleGroup(group);
            item.setSelected(choice.equals(property.get()));
            item.setOnAction(e -> property.set(choice));
            button.getItems().add(item);
        }
        button.textProperty().bind(property.map(buttonText));
        property.addListener((o, a, now) -> group.getToggles().get(java.util.Arrays.asList(choices).indexOf(now)).setSelected(true));
        return button;
    }

    private void rebuildInboxMenu() {
        ToggleGroup group = new ToggleGroup();
        inboxMenu.getItems().clear();
        Directory.Inbox current = model.inboxProperty().get();
        RadioMenuItem all = new RadioMenuItem("All inboxes");
        all.setToggleGroup(group);
        all.setSelected(current == null);
        all.setOnAction(e -> model.inboxProperty().set(null));
        inboxMenu.getItems().add(all);
        for (Directory.Inbox inbox : model.inboxes()) {
            RadioMenuItem item = new RadioMenuItem(inbox.name());
            item.setToggleGroup(group);
            item.setSelected(current != null && current.id() == inbox.id());
            item.setOnAction(e -> model.inboxProperty().set(inbox));
            inboxMenu.getItems().add(item);
        }
        MenuItem manage = new MenuItem("Create or manage inboxes…");
        manage.setOnAction(e -> manageInboxes.run());
        inboxMenu.getItems().addAll(new SeparatorMenuItem(), manage);
        inboxMenu.setText(current == null ? "All inboxes" : current.name());
    }

    /** "Open requests" (issue 14): on or off, combined with the four menus. */
    private javafx.scene.control.ToggleButton openRequestsToggle() {
        javafx.scene.control.ToggleButton toggle = new javafx.scene.control.ToggleButton("Open requests");
        toggle.setId("open-requests-filter");
        toggle.setTooltip(new javafx.scene.control.Tooltip("Only conversations with a payment, review, form or treatment plan still waiting for the patient"));
        toggle.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, "pt-filter");
        toggle.selectedProperty().bindBidirectional(model.openRequestsProperty());
        return toggle;
    }

    private static void style(MenuButton button) {
        button.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, "pt-filter");
    }
}
