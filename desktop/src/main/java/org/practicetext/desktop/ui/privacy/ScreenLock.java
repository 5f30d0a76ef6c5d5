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
 * as it was. Input on the window (keys, the pointer, scrolling) restarts the {@link IdleTimer}; a
 * ticker asks it every few seconds, and {@link #checkIdle} is the same question for tests, whose
 * clock moves instead of time passing.
 */
public final class ScreenLock {
    static final Duration TICK = Duration.seconds(5);
    private final LockViewModel model;
    private final IdleTimer idle;
    private final Supplier<Parent> content;
    private final Supplier<LockScreen> screen;
    private final Timeline ticker = new Timeline(new KeyFrame(TICK, e -> checkIdle()));
    private final EventHandler<InputEvent> input = e -> touched();
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
        idle.touch();
        ticker.play();
        if (model.lockedProperty().get()) {
            apply(true);
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
