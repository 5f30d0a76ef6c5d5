// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.NumberView;

/**
 * Settings → Numbers, for a settings manager: the practice's Twilio numbers, each with the inbox
 * its new conversations land in, as the relay has them (read-only: the operator adds numbers).
 */
public final class NumbersViewModel {
    private final UiSession session;
    private final ObservableList<NumberView> numbers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public NumbersViewModel(UiSession session) {
        this.session = session;
        refresh();
    }

    public ObservableList<NumberView> numbers() {
        return numbers;
    }

    /** Why the list is empty (offline, or no number yet); empty when it shows numbers. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The number as the practice writes it, e.g. (555) 010-0001. */
    public String display(NumberView number) {
        return session.phones().display(number.phone());
    }

    public void refresh() {
        session.tasks().run(session.client().practice()::numbers, latest -> {
            numbers.setAll(latest);
            message.set(latest.isEmpty() ? "The practice has no texting number yet; your PracticeText operator adds them." : "");
        }, e -> message.set(e.getMessage() == null ? TeamViewModel.OFFLINE.replace("team list", "numbers list") : e.getMessage()));
    }
}
