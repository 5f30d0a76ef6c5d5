// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import atlantafx.base.controls.CustomTextField;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * While a remembered account's cache opens, the UI thread has nothing to do but wait. This uses
 * that time: one of each control the signed-in window is made of (a menu bar, a split pane, lists
 * with cells, a search field, menu buttons, a text area) is made, styled with the app's style
 * sheets and laid out once in a scene that is never shown, so their classes, skins and parsed CSS
 * are ready when the real window is built. Nothing it makes is kept, and it shows nothing.
 */
final class ControlsWarmUp {
    private ControlsWarmUp() {
    }

    static void run() {
        ListView<String> list = new ListView<>(FXCollections.observableArrayList("Conversation", "Conversation"));
        ListView<String> thread = new ListView<>(FXCollections.observableArrayList("Message"));
        CustomTextField search = new CustomTextField();
        search.setLeft(new Label());
        MenuButton filter = new MenuButton("Filter", null, new MenuItem("All"));
        ToggleButton toggle = new ToggleButton("Unread");
        Button button = new Button("Send");
        Tooltip.install(button, new Tooltip("Send"));
        TextArea composer = new TextArea();
        VBox left = new VBox(new HBox(search, filter, toggle), list);
        VBox right = new VBox(new HBox(new Label("Name"), button), thread, composer);
        SplitPane split = new SplitPane(left, right);
        StackPane root = new StackPane(new VBox(new MenuBar(new Menu("File")), split));
        root.getStylesheets().addAll(StyleSheets.all());
        root.getStyleClass().add("pt-root");
        new Scene(root, 1280, 800);
        root.applyCss();
        root.layout();
    }
}
