// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.practicetext.desktop.ui.common.WindowBounds;

/**
 * Where the window opens, from the screens' usable areas (their visual bounds, without task bar
 * or dock; the primary first) and the bounds saved on this workstation last time. Saved bounds
 * are restored when at least a {@link #GRIP}-pixel square of them is still on some screen, moved
 * and shrunk as needed to lie wholly inside that screen; otherwise (the monitor they were on is
 * gone) the window opens as the first time: 1280×800, or the primary screen's usable size when
 * that is smaller, centred on it. No JavaFX toolkit needed: the rule is tested as plain values.
 */
public final class WindowPlacement {
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;
    /** Everything stays usable down to this size (the SMS page's three panes fit). */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;
    /** How much of a saved window must overlap a screen for it to count as still there: enough to grab its title bar. */
    static final double GRIP = 48;

    private WindowPlacement() {
    }

    /** Where to open: the saved bounds when still on a screen, else the default size centred on the primary screen. */
    public static WindowBounds place(List<Rectangle2D> screens, Optional<WindowBounds> saved) {
        if (screens.isEmpty()) {
            return new WindowBounds(0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT, false);
        }
        if (saved.isPresent() && saved.get().width() > 0 && saved.get().height() > 0) {
            Optional<Rectangle2D> home = screenHolding(screens, new Rectangle2D(saved.get().x(), saved.get().y(), saved.get().width(), saved.get().height()));
            if (home.isPresent()) {
                return inside(home.get(), saved.get());
            }
        }
        Rectangle2D primary = screens.getFirst();
        double width = Math.min(DEFAULT_WIDTH, primary.getWidth());
        double height = Math.min(DEFAULT_HEIGHT, primary.getHeight());
        return new WindowBounds(primary.getMinX() + (primary.getWidth() - width) / 2, primary.getMinY() + (primary.getHeight() - height) / 2,
                width, height, false);
    }

    /** The smallest size the window may be made on this screen: 1024×700, or the screen's usable size when smaller. */
    public static Rectangle2D minimum(Rectangle2D screen) {
        return new Rectangle2D(0, 0, Math.min(MIN_WIDTH, screen.getWidth()), Math.min(MIN_HEIGHT, screen.getHeight()));
    }

    /** The screen that shows most of {@code window}, if any shows at least a grip of it. */
    static Optional<Rectangle2D> screenHolding(List<Rectangle2D> screens, Rectangle2D window) {
        Rectangle2D best = null;
        double bestArea = 0;
        for (Rectangle2D screen : screens) {
            double w = Math.min(screen.getMaxX(), window.getMaxX()) - Math.max(screen.getMinX(), window.getMinX());
            double h = Math.min(screen.getMaxY(), window.getMaxY()) - Math.max(screen.getMinY(), window.getMinY());
            if (w >= GRIP && h >= GRIP && w * h > bestArea) {
                best = screen;
                bestArea = w * h;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The saved bounds, shrunk to the screen (never below the minimum it allows) and moved wholly onto it. */
    private static WindowBounds inside(Rectangle2D screen, WindowBounds saved) {
        Rectangle2D min = minimum(screen);
        double width = clamp(saved.width(), min.getWidth(), screen.getWidth());
        double height = clamp(saved.height(), min.getHeight(), screen.getHeight());
        double x = clamp(saved.x(), screen.getMinX(), screen.getMaxX() - width);
        double y = clamp(saved.y(), screen.getMinY(), screen.getMaxY() - height);
        return new WindowBounds(x, y, width, height, saved.maximized());
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
