// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.UiSession;

/** The Communication Settings sections: Opted Out Patients and Blocked contacts. */
final class CommunicationSections {
    private CommunicationSections() {
    }

    static Node optedOut(UiSession session) {
        OptedOutViewModel model = new OptedOutViewModel(session);
        CustomTextField search = new CustomTextField();
        search.setId("opted-out-search");
        search.setPromptText("Search name or phone");
        search.setLeft(Icons.SEARCH.node(14));
        search.textProperty().bindBidirectional(model.searchProperty());
        ListView<org.practicetext.desktop.cache.ContactRow> list = new ListView<>(model.contacts());
        list.setId("opted-out-list");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-list", Styles.BORDERED);
        list.setCellFactory(l -> new ContactListCell(c -> c.displayPhone()
                + (c.optedOutAt() == null ? "" : " · opted out on " + session.times().date(c.optedOutAt())), null, null));
        list.setPlaceholder(muted("Nobody has opted out."));
        VBox.setVgrow(list, Priority.ALWAYS);
        return section("Opted Out Patients",
                "Patients who replied STOP. Texts to them are refused until they text START to the practice's number.", search, list);
    }

    static Node blocked(UiSession session) {
        BlockedContactsViewModel model = new BlockedContactsViewModel(session);
        ListView<org.practicetext.desktop.cache.ContactRow> list = new ListView<>(model.contacts());
        list.setId("blocked-list");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-list", Styles.BORDERED);
        list.setCellFactory(l -> new ContactListCell(c -> c.displayPhone() + " · " + ("lead".equals(c.kind()) ? "Lead" : "Patient"),
                "Unblock", model.canUnblock() ? model::unblock : null));
        list.setPlaceholder(muted("No blocked contacts."));
        VBox.setVgrow(list, Priority.ALWAYS);
        return section("Blocked Contacts",
                "Texts from blocked numbers are kept but do not reopen conversations or count as unread. Unblock to text them again.", list);
    }

    static VBox section(String title, String description, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_3);
        Label about = new Label(description);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.setWrapText(true);
        VBox box = new VBox(12, heading, about);
        box.getChildren().addAll(content);
        box.getStyleClass().add("pt-settings-section");
        return box;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
