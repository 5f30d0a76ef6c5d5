// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * A composer tool: a flat icon button that opens a small pop-up above itself. The pop-up is its
 * own window, so it carries our style sheets (they sit on the window's root, not the scene).
 */
final class ToolPopup {
    private final Button button;
    private final Popup popup = new Popup();

    ToolPopup(String id, Icons icon, String tip, Region content) {
        button = new Button(null, icon.node(16));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "pt-composer-tool");
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        content.getStyleClass().add("pt-tool-popup");
        content.getStylesheets().addAll(StyleSheets.all());
        popup.getContent().add(content);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        button.setOnAction(e -> toggle());
    }

    Button button() {
        return button;
    }

    Popup popup() {
        return popup;
    }

    void hide() {
        popup.hide();
    }

    private void toggle() {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        Bounds at = button.localToScreen(button.getBoundsInLocal());
        Region content = (Region) popup.getContent().getFirst();
        content.applyCss();
        double height = content.prefHeight(-1);
        popup.show(button, at.getMinX(), Math.max(0, at.getMinY() - height - 4));
    }
}
