// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.layout.TilePane;
import org.practicetext.desktop.ui.common.Icons;

/** The emoji button and its grid of {@link FrontDeskEmoji}; a click hands the emoji to {@code onPick}. */
final class EmojiPicker {
    private final ToolPopup tool;

    EmojiPicker(ObservableBooleanValue composerEnabled, Consumer<String> onPick) {
        TilePane grid = new TilePane(2, 2);
        grid.setId("emoji-grid");
        grid.setPrefColumns(8);
        tool = new ToolPopup("composer-emoji", Icons.EMOJI, "Insert an emoji", grid);
        for (String emoji : FrontDeskEmoji.ALL) {
            Button button = new Button(emoji);
            button.getStyleClass().addAll(Styles.FLAT, "pt-emoji");
            button.setUserData(emoji);
            button.setFocusTraversable(false);
            button.setOnAction(e -> {
                tool.hide();
                onPick.accept(emoji);
            });
            grid.getChildren().add(button);
        }
        tool.button().visibleProperty().bind(composerEnabled);
        tool.button().managedProperty().bind(tool.button().visibleProperty());
    }

    Button button() {
        return tool.button();
    }
}
