// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.practicetext.desktop.ui.common.Icons;

/**
 * In-app toasts in the window's top-right corner: failures nobody else handled, and incoming
 * texts when the window is focused but another thread is open. A toast with an action runs it
 * when clicked.
 */
public final class Toasts extends VBox {
    private static final int MAX = 3;

    public Toasts() {
        setSpacing(8);
        setPadding(new Insets(16));
        setAlignment(Pos.TOP_RIGHT);
        setPickOnBounds(false);
        setMaxSize(420, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_RIGHT);
        setId("toasts");
    }

    public void show(String text, boolean danger, Runnable onOpen) {
        show(text, danger, onOpen, "Open");
    }

    /** A toast whose action button says {@code actionLabel} ("Open", "Undo"); clicking it runs {@code onAction} once and closes the toast. */
    public void show(String text, boolean danger, Runnable onAction, String actionLabel) {
        Runnable onOpen = onAction;
        boolean undo = !"Open".equals(actionLabel);
        Notification toast = new Notification(text, (danger ? Icons.ERROR : Icons.SMS).node(18));
        toast.getStyleClass().addAll(Styles.ELEVATED_2, danger ? Styles.DANGER : Styles.ACCENT, "pt-toast");
        toast.setPrefWidth(380);
        toast.setMaxWidth(380);
        toast.setOnClose(e -> getChildren().remove(toast));
        if (onOpen != null) {
            Button open = new Button(actionLabel);
            open.getStyleClass().add(Styles.SMALL);
            open.setId("toast-action");
            open.setOnAction(e -> {
                getChildren().remove(toast);
                onOpen.run();
            });
            toast.setPrimaryActions(open);
            if ("Open".equals(actionLabel)) {
                // Opening is harmless, so the whole toast opens; an Undo runs only from its button.
                toast.setOnMouseClicked(e -> {
                    getChildren().remove(toast);
                    onOpen.run();
                });
            }
        }
        getChildren().addFirst(toast);
        while (getChildren().size() > MAX) {
            getChildren().removeLast();
        }
        PauseTransition life = new PauseTransition(Duration.seconds(danger || undo ? 10 : 6));
        life.setOnFinished(e -> getChildren().remove(toast));
        life.play();
    }
}
