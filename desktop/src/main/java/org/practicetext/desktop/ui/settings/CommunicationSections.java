// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.UiSession;

/** The Communication Settings sections: Opted Out Patients and Blocked contacts. */
final class CommunicationSections {
    private CommunicationSections() {
    }

    static Node optedOut(UiSession session) {
        return optedOut(session, SaveFilePicker.SYSTEM);
    }

    /** The section, with the audit exports for an admin saved where {@code picker} says. */
    static Node optedOut(UiSession session, SaveFilePicker picker) {
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
        VBox section = section("Opted Out Patients",
                "Patients who texted STOP, whom the carrier reported as opted out, or whose opt-out the team recorded. Texts to them are "
                        + "refused until they text START (or the team undoes an opt-out it recorded).",
                search, list);
        if (model.canExport()) {
            section.getChildren().add(exports(model, picker, section));
        }
        return section;
    }

    /** Export record… (a date range, then where to save) and Export list…, with what the last export did. */
    private static Node exports(OptedOutViewModel model, SaveFilePicker picker, Node owner) {
        Button record = new Button("Export record…", Icons.UPLOAD.node(14));
        record.setId("export-record");
        record.setOnAction(e -> {
            javafx.stage.Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
            if (ConsentExportDialog.ask(window, model)) {
                picker.choose(window, "Save the consent record", model.recordFileName()).ifPresent(model::exportRecord);
            }
        });
        Button current = new Button("Export list…", Icons.UPLOAD.node(14));
        current.setId("export-list");
        current.setOnAction(e -> picker.choose(owner.getScene() == null ? null : owner.getScene().getWindow(), "Save who cannot be texted",
                model.listFileName()).ifPresent(model::exportList));
        record.disableProperty().bind(model.exportingProperty());
        current.disableProperty().bind(model.exportingProperty());
        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.textProperty().bind(model.exportMessageProperty());
        model.exportFailedProperty().addListener((o, was, failed) -> {
            message.getStyleClass().remove(Styles.DANGER);
            if (failed) {
                message.getStyleClass().add(Styles.DANGER);
            }
        });
        Label about = muted("For audits: the full consent record of a date range (one row per change), or who cannot be texted now.");
        about.setWrapText(true);
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox buttons = new HBox(10, record, current);
        return new VBox(8, about, buttons, message);
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
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped, not cut with an ellipsis
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
