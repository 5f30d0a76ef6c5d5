// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.practicetext.core.Permission;

/**
 * A menu item the user's role may not use: shown greyed with the reason in a tooltip. JavaFX
 * shows no tooltip on a disabled item, so this is an enabled item that does nothing and stays
 * open when clicked, drawn as disabled.
 */
final class DeniedItem {
    private DeniedItem() {
    }

    static MenuItem of(String text, Permission missing) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, "pt-denied-item");
        Tooltip reason = new Tooltip(reason(missing));
        reason.setShowDelay(Duration.millis(200));
        label.setTooltip(reason);
        CustomMenuItem item = new CustomMenuItem(label, false);
        item.getStyleClass().add("pt-denied");
        label.setAccessibleText(text + ": " + reason(missing));
        return item;
    }

    /** Why a role without {@code missing} cannot do it, in the words of the help article's roles. */
    static String reason(Permission missing) {
        return switch (missing) {
            case SMS_SEND -> "Your role can read conversations but not reply to, close or reopen them.";
            case SMS_ASSIGN -> "Your role cannot assign conversations or move them to another inbox.";
            case CONTACTS_BLOCK -> "Your role cannot block or unblock contacts.";
            default -> "Your role does not allow this.";
        };
    }

    /** The tooltip of a denied item (for tests and accessibility). */
    static String reasonOf(MenuItem item) {
        return item instanceof CustomMenuItem custom && custom.getContent() instanceof Label label && label.getTooltip() != null
                ? label.getTooltip().getText() : "";
    }
}
