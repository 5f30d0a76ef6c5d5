// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.NumberView;

/** Settings → Numbers (settings managers only): each Twilio number and the inbox it feeds. */
final class NumbersSection {
    private NumbersSection() {
    }

    static Node build(UiSession session) {
        NumbersViewModel model = new NumbersViewModel(session);
        ListView<NumberView> list = new ListView<>(model.numbers());
        list.setId("numbers-list");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-list", Styles.BORDERED);
        list.setCellFactory(l -> new ListCell<>() {
            private final Label phone = new Label();
            private final Label inbox = new Label();
            private final Region gap = new Region();
            private final HBox row = new HBox(12, phone, gap, inbox);

            {
                setPrefWidth(0);
                phone.getStyleClass().add(Styles.TEXT_BOLD);
                inbox.getStyleClass().add(Styles.TEXT_MUTED);
                HBox.setHgrow(gap, Priority.ALWAYS);
            }

            @Override
            protected void updateItem(NumberView number, boolean empty) {
                super.updateItem(number, empty);
                if (empty || number == null) {
                    setGraphic(null);
                    return;
                }
                phone.setText(model.display(number));
                inbox.setText("feeds the " + number.inboxName() + " inbox");
                setGraphic(row);
            }
        });
        Label message = CommunicationSections.muted("");
        message.setId("numbers-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        list.setPlaceholder(message);
        list.setMaxWidth(560);
        VBox.setVgrow(list, Priority.ALWAYS);
        return CommunicationSections.section("Numbers",
                "The practice's texting numbers. A text to a number starts its conversation in that number's inbox. "
                        + "Numbers are added by your PracticeText operator; deleting an inbox moves its numbers to the inbox you choose.",
                list);
    }
}
