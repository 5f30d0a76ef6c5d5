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
        Notification toast = new Notification(text, (danger ? Icons.ERROR : Icons.SMS).node(18));
        toast.getStyleClass().addAll(Styles.ELEVATED_2, danger ? Styles.DANGER : Styles.ACCENT, "pt-toast");
        toast.setPrefWidth(380);
        toast.setMaxWidth(380);
        toast.setOnClose(e -> getChildren().remove(toast));
        if (onOpen != null) {
            Button open = new Button("Open");
            open.getStyleClass().add(Styles.SMALL);
            open.setOnAction(e -> {
                getChildren().remove(toast);
                onOpen.run();
            });
            toast.setPrimaryActions(open);
            toast.setOnMouseClicked(e -> {
                getChildren().remove(toast);
                onOpen.run();
            });
        }
        getChildren().addFirst(toast);
        while (getChildren().size() > MAX) {
            getChildren().removeLast();
        }
        PauseTransition life = new PauseTransition(Duration.seconds(danger ? 10 : 6));
        life.setOnFinished(e -> getChildren().remove(toast));
        life.play();
    }
}
