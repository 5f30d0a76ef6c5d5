// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * Locks a window's scene (ADR 0026): while locked, the scene's root is the {@link LockScreen} and
 * the window's own content is out of the scene graph (not merely covered); unlocking puts it back
 * as it was. Input on any of the app's windows (keys, the pointer, scrolling; a dialog counts)
 * restarts the {@link IdleTimer}; a ticker asks it every few seconds, and {@link #checkIdle} is the
 * same question for tests, whose clock moves instead of time passing. Locking closes the window's
 * dialogs and pop-ups, which would otherwise stay in view above the lock screen.
 */
public final class ScreenLock {
    static final Duration TICK = Duration.seconds(5);
    private final LockViewModel model;
    private final IdleTimer idle;
    private final Supplier<Parent> content;
    private final Supplier<LockScreen> screen;
    private final Timeline ticker = new Timeline(new KeyFrame(TICK, e -> checkIdle()));
    private final EventHandler<InputEvent> input = e -> touched();
    private final javafx.collections.ListChangeListener<javafx.stage.Window> windows = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::watch);
        }
    };
    private Scene scene;
    private LockScreen shown;

    public ScreenLock(LockViewModel model, IdleTimer idle, Supplier<Parent> content, Supplier<LockScreen> screen) {
        this.model = model;
        this.idle = idle;
        this.content = content;
        this.screen = screen;
        ticker.setCycleCount(Animation.INDEFINITE);
        model.lockedProperty().addListener((o, was, locked) -> apply(locked));
    }

    /** Watches this scene (the one showing the window's content) for input, and starts the ticker. */
    public void install(Scene on) {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, input);
            scene.removeEventFilter(MouseEvent.MOUSE_MOVED, input);
            scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, input);
            scene.removeEventFilter(ScrollEvent.SCROLL, input);
        }
        scene = on;
        on.addEventFilter(KeyEvent.KEY_PRESSED, input);
        on.addEventFilter(MouseEvent.MOUSE_MOVED, input);
        on.addEventFilter(MouseEvent.MOUSE_PRESSED, input);
        on.addEventFilter(ScrollEvent.SCROLL, input);
        javafx.stage.Window.getWindows().removeListener(windows);
        javafx.stage.Window.getWindows().addListener(windows);
        javafx.stage.Window.getWindows().stream().filter(w -> w != on.getWindow()).forEach(this::watch);
        idle.touch();
        ticker.play();
        if (model.lockedProperty().get()) {
            apply(true);
        }
    }

    /** Input on another window of the app (a dialog, a menu) counts as input too. */
    private void watch(javafx.stage.Window other) {
        other.addEventFilter(KeyEvent.KEY_PRESSED, input);
        other.addEventFilter(MouseEvent.MOUSE_MOVED, input);
        other.addEventFilter(MouseEvent.MOUSE_PRESSED, input);
    }

    /** Closes the dialogs and pop-ups of the locked window: nothing of it stays in view. */
    private void closeOwnedWindows() {
        javafx.stage.Window main = scene.getWindow();
        for (javafx.stage.Window other : java.util.List.copyOf(javafx.stage.Window.getWindows())) {
            boolean owned = other instanceof javafx.stage.PopupWindow popup && popup.getOwnerWindow() != null
                    || other instanceof javafx.stage.Stage stage && stage.getOwner() == main && main != null;
            if (other != main && owned) {
                other.hide();
            }
        }
    }

    /** Locks if the desk has been idle for the practice's minutes. */
    public void checkIdle() {
        if (!model.lockedProperty().get() && idle.due()) {
            model.lock();
        }
    }

    /** Stops the ticker (the window is gone: signed out, switched user). */
    public void stop() {
        ticker.stop();
    }

    private void touched() {
        if (!model.lockedProperty().get()) {
            idle.touch();
        }
    }

    private void apply(boolean locked) {
        if (scene == null) {
            return;
        }
        if (locked) {
            closeOwnedWindows();
            if (shown == null) {
                shown = screen.get();
            }
            scene.setRoot(shown);
            shown.focusField();
        } else {
            idle.touch();
            scene.setRoot(content.get());
        }
    }
}
