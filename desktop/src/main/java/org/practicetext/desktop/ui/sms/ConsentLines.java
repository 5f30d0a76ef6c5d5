// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.MessageRow;

/**
 * The consent lines (ADR 0025) a message cell shows, centred and muted at their place in time:
 * under a message, the records it caused (its STOP, its refusal) and the others from it until the
 * next message; above the thread's first message (once no older page is left), the records before it. Follows the thread's
 * {@link ThreadConsent#revisionProperty()} on its own, so the bubble cell only places its two
 * nodes and asks it to show when its item changes.
 */
final class ConsentLines {
    static final String LINE = "pt-consent-line";

    private final ThreadViewModel model;
    private final ListCell<MessageRow> cell;
    private final VBox above = box();
    private final VBox below = box();
    /** Kept here: the model holds it weakly, so a discarded cell is not kept alive by the thread. */
    private final InvalidationListener changed = o -> show();

    ConsentLines(ThreadViewModel model, ListCell<MessageRow> cell) {
        this.model = model;
        this.cell = cell;
        model.consent().revisionProperty().addListener(new WeakInvalidationListener(changed));
    }

    Node above() {
        return above;
    }

    Node below() {
        return below;
    }

    /** Shows the lines of the cell's message as the thread's messages are now (nothing for an empty cell). */
    void show() {
        MessageRow message = cell.getItem();
        if (message == null || cell.isEmpty() || cell.getListView() == null) {
            fill(above, List.of());
            fill(below, List.of());
            return;
        }
        List<MessageRow> items = cell.getListView().getItems();
        int index = cell.getIndex();
        ThreadConsent consent = model.consent();
        fill(above, index == 0 && !model.hasOlderProperty().get() ? consent.linesAbove(items) : List.of());
        fill(below, consent.linesUnder(items, index));
    }

    private static void fill(VBox box, List<String> lines) {
        box.getChildren().setAll(lines.stream().map(text -> {
            Label line = new Label(text);
            line.getStyleClass().addAll(LINE, Styles.TEXT_SMALL);
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            return line;
        }).toList());
        box.setVisible(!lines.isEmpty());
        box.setManaged(!lines.isEmpty());
    }

    private static VBox box() {
        VBox box = new VBox(2);
        box.getStyleClass().add("pt-consent-lines");
        box.setAlignment(Pos.CENTER);
        box.setVisible(false);
        box.setManaged(false);
        return box;
    }
}
