// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Side;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.practicetext.core.RequestKind;
import org.practicetext.desktop.ui.common.Icons;

/**
 * The composer's "+": a menu of the request tools the role and the practice allow, opening
 * upwards. A tool that cannot be used now (a payment with no provider on the relay) is listed
 * greyed with the reason under its name and in its tooltip, and does nothing when clicked.
 */
final class RequestToolsMenu {
    private final MenuButton button = new MenuButton(null, Icons.PLUS.node(16));
    private final RequestToolsViewModel model;
    private final Consumer<RequestKind> onPick;

    RequestToolsMenu(RequestToolsViewModel model, Consumer<RequestKind> onPick) {
        this.model = model;
        this.onPick = onPick;
        button.setId("composer-tools");
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Tweaks.NO_ARROW, "pt-composer-tool");
        button.setTooltip(new Tooltip("Send a payment, review, forms or treatment-plan request"));
        button.setAccessibleText("Requests: payment, review, forms, treatment plan");
        button.setFocusTraversable(false);
        button.setPopupSide(Side.TOP);
        button.visibleProperty().bind(model.availableProperty());
        button.managedProperty().bind(button.visibleProperty());
        model.tools().addListener((ListChangeListener<RequestToolsViewModel.Tool>) c -> render());
        render();
    }

    MenuButton button() {
        return button;
    }

    private void render() {
        button.getItems().setAll(model.tools().stream().map(this::item).toList());
    }

    private MenuItem item(RequestToolsViewModel.Tool tool) {
        String id = "tool-" + tool.kind().wire().replace('_', '-');
        if (tool.enabled()) {
            MenuItem item = new MenuItem(tool.label(), icon(tool.kind()));
            item.setId(id);
            item.setOnAction(e -> onPick.accept(tool.kind()));
            return item;
        }
        Label name = new Label(tool.label(), icon(tool.kind()));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        Label why = new Label(tool.reason());
        why.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox box = new VBox(1, name, why);
        box.getStyleClass().add("pt-tool-unavailable");
        Tooltip.install(box, new Tooltip(tool.reason()));
        CustomMenuItem item = new CustomMenuItem(box, false);
        item.setId(id);
        return item;
    }

    private static javafx.scene.Node icon(RequestKind kind) {
        return switch (kind) {
            case PAYMENT -> Icons.PAYMENT.node(14);
            case REVIEW -> Icons.STAR.node(14);
            case FORMS -> Icons.FORMS.node(14);
            case TREATMENT_PLAN -> Icons.TREATMENT.node(14);
        };
    }
}
