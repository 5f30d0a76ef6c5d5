// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.practicetext.desktop.ui.common.Icons;

/**
 * The update line under the menu bar: quiet (muted, small) for "Update available", with Download
 * and a close button; in the warning colours, without a close button, when this app is too old
 * for its relay. Hidden when there is nothing to say.
 */
final class UpdateBanner extends HBox {
    UpdateBanner(UpdateBannerViewModel model) {
        setId("update-banner");
        getStyleClass().add("pt-update-banner");
        Label text = new Label();
        text.setId("update-text");
        text.setWrapText(true);
        text.textProperty().bind(model.textProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Hyperlink download = new Hyperlink("Download");
        download.setId("update-download");
        download.setOnAction(e -> model.download());
        download.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        download.visibleProperty().bind(model.linkProperty().isNotNull());
        download.managedProperty().bind(download.visibleProperty());
        model.linkProperty().addListener((o, was, now) -> download.setTooltip(now == null ? null : new Tooltip(now.toString())));
        Button close = new Button(null, Icons.CLOSE.node(14));
        close.setId("update-dismiss");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setTooltip(new Tooltip("Hide until PracticeText starts again"));
        close.setOnAction(e -> model.dismiss());
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.visibleProperty().bind(model.tooOldProperty().not());
        close.managedProperty().bind(close.visibleProperty());
        getChildren().addAll(text, download, close);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        model.tooOldProperty().addListener((o, was, now) -> pseudoClassStateChanged(TOO_OLD, now));
        pseudoClassStateChanged(TOO_OLD, model.tooOldProperty().get());
        visibleProperty().bind(model.visibleProperty());
        managedProperty().bind(visibleProperty());
    }

    private static final javafx.css.PseudoClass TOO_OLD = javafx.css.PseudoClass.getPseudoClass("too-old");
}
