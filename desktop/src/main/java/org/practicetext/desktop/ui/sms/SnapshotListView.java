// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.function.LongConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * The SMS page as the last run left it, painted from a {@link ListSnapshot} while the cache opens:
 * the list's rows with the cells' style classes, nothing live behind them. A click on a row only
 * says which conversation is wanted ({@code wanted}); the app opens it once the live rows are in.
 */
public final class SnapshotListView extends StackPane {
    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    public SnapshotListView(ListSnapshot snapshot, LongConsumer wanted) {
        setId("snapshot-page");
        getStylesheets().addAll(StyleSheets.all());
        getStyleClass().add("pt-root");
        VBox rows = new VBox();
        rows.setId("snapshot-list");
        rows.getStyleClass().add("pt-conversation-list");
        for (ListSnapshot.Row row : snapshot.rows()) {
            rows.getChildren().add(row(row, wanted));
        }
        rows.setMinWidth(300);
        rows.setMaxWidth(520);
        VBox right = new VBox();
        right.getStyleClass().add("pt-sms-right");
        SplitPane page = new SplitPane(rows, right);
        page.getStyleClass().add("pt-sms-page");
        page.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(rows, false);
        getChildren().add(page);
    }

    private static Region row(ListSnapshot.Row row, LongConsumer wanted) {
        Label name = new Label(row.name());
        name.getStyleClass().add("pt-name");
        Label time = new Label(row.time());
        time.getStyleClass().add("pt-time");
        Label preview = new Label(row.preview());
        preview.getStyleClass().add("pt-preview");
        preview.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(preview, Priority.ALWAYS);
        Label unread = new Label(row.unread() > 99 ? "99+" : Integer.toString(row.unread()));
        unread.getStyleClass().add("pt-unread-count");
        unread.setVisible(row.unread() > 0);
        unread.setManaged(row.unread() > 0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, name, gap, time);
        top.setAlignment(Pos.BASELINE_LEFT);
        HBox middle = new HBox(6, preview, unread);
        middle.setAlignment(Pos.CENTER_LEFT);
        VBox cell = new VBox(2, top, middle);
        if (row.optedOut() || row.blocked()) {
            Label chip = new Label(row.optedOut() ? "Opted out" : "Blocked");
            chip.getStyleClass().addAll("pt-chip", "pt-chip-danger");
            cell.getChildren().add(chip);
        }
        cell.setId("snapshot-row-" + row.id());
        cell.getStyleClass().addAll("list-cell", "pt-conversation-cell");
        cell.pseudoClassStateChanged(UNREAD, row.unread() > 0);
        cell.pseudoClassStateChanged(FAILED, row.failed());
        cell.setOnMouseClicked(e -> wanted.accept(row.id()));
        return cell;
    }
}
