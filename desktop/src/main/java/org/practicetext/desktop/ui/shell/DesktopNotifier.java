// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.practicetext.desktop.ui.sms.IncomingText;

/**
 * Tells the user about an incoming text they would miss: a desktop pop-up (ControlsFX) when the
 * window is not focused, an in-app toast when another thread is open. Clicking either opens the
 * thread. The text itself is left out when the desk hides it (the watcher words the notice); while
 * the window is locked (ADR 0026) the notice names no one ("New message") and is always a pop-up,
 * since the toasts are out of the scene with the rest of the window.
 */
public final class DesktopNotifier {
    private final Window window;
    private final Toasts toasts;
    private final ReadOnlyObjectWrapper<IncomingText> lastShown = new ReadOnlyObjectWrapper<>();
    private final java.util.function.BooleanSupplier locked;

    public DesktopNotifier(Window window, Toasts toasts, java.util.function.BooleanSupplier locked) {
        this.window = window;
        this.toasts = toasts;
        this.locked = locked;
    }

    /** The newest notification shown (tests and the benchmark read it). */
    public ReadOnlyObjectProperty<IncomingText> lastShownProperty() {
        return lastShown.getReadOnlyProperty();
    }

    public void announce(IncomingText incoming, Runnable open) {
        boolean behindLock = locked.getAsBoolean();
        IncomingText text = behindLock ? incoming.anonymous() : incoming;
        lastShown.set(text);
        if (window.isFocused() && !behindLock) {
            toasts.show(text.title() + "\n" + text.body(), false, open);
            return;
        }
        Notifications.create()
                .title(text.title())
                .text(text.body())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(8))
                .owner(window)
                .onAction(e -> {
                    if (window instanceof javafx.stage.Stage stage) {
                        stage.toFront();
                    }
                    open.run();
                })
                .showInformation();
    }
}
