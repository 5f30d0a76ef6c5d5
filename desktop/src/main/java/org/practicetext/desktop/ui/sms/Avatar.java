// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A round badge with a contact's initials ("AS"), or "#" for an unnamed number. */
final class Avatar extends StackPane {
    private static final int PALETTE = 6;
    private final Label initials = new Label();

    Avatar(double size) {
        getStyleClass().add("pt-avatar");
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        getChildren().add(initials);
    }

    void show(String name, long colourKey) {
        initials.setText(initialsOf(name));
        for (int i = 0; i < PALETTE; i++) {
            getStyleClass().remove("pt-avatar-" + i);
        }
        getStyleClass().add("pt-avatar-" + Math.floorMod(colourKey, PALETTE));
    }

    static String initialsOf(String name) {
        if (name == null || name.isBlank() || !Character.isLetter(name.strip().codePointAt(0))) {
            return "#";
        }
        String[] parts = name.strip().split("\\s+");
        String first = parts[0].substring(0, 1);
        String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(java.util.Locale.ROOT);
    }
}
