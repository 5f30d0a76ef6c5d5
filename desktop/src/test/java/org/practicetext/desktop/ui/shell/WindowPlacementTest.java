// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.common.WindowBounds;

/** Where the window opens, from the screens' usable areas and what this workstation saved. */
class WindowPlacementTest {
    /** 1024×768 with a 40-pixel task bar at the bottom. */
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 728);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 1920, 1040);
    /** A second monitor to the right of a 1920-wide primary. */
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void theFirstTimeOnABigScreenItOpensAtTheDefaultSizeCentred() {
        assertThat(WindowPlacement.place(List.of(WIDE), Optional.empty())).isEqualTo(new WindowBounds(320, 120, 1280, 800, false));
    }

    @Test
    void onAScreenSmallerThanTheDefaultItOpensAtTheUsableSize() {
        assertThat(WindowPlacement.place(List.of(SMALL), Optional.empty())).isEqualTo(new WindowBounds(0, 0, 1024, 728, false));
        assertThat(WindowPlacement.place(List.of(LAPTOP), Optional.empty())).isEqualTo(new WindowBounds(43, 0, 1280, 728, false));
    }

    @Test
    void theSavedPlaceIsRestoredWithItsMaximisedState() {
        WindowBounds saved = new WindowBounds(2100, 80, 1500, 1000, true);
        assertThat(WindowPlacement.place(List.of(WIDE, RIGHT_MONITOR), Optional.of(saved))).isEqualTo(saved);
    }

    @Test
    void aSavedPlaceOnAMonitorThatIsGoneFallsBackToThePrimaryScreen() {
        WindowBounds onTheMonitor = new WindowBounds(2100, 80, 1500, 1000, false);
        assertThat(WindowPlacement.place(List.of(LAPTOP), Optional.of(onTheMonitor))).isEqualTo(new WindowBounds(43, 0, 1280, 728, false));
    }

    @Test
    void aSavedPlaceBarelyOnScreenCountsAsGone() {
        WindowBounds sliver = new WindowBounds(1000, 700, 1280, 800, false);
        assertThat(WindowPlacement.place(List.of(SMALL), Optional.of(sliver))).isEqualTo(new WindowBounds(0, 0, 1024, 728, false));
    }

    @Test
    void aSavedPlacePartlyOffScreenIsMovedAndShrunkOntoIt() {
        WindowBounds tooBig = new WindowBounds(-128, -11, 1280, 800, false);
        assertThat(WindowPlacement.place(List.of(SMALL), Optional.of(tooBig))).isEqualTo(new WindowBounds(0, 0, 1024, 728, false));
        WindowBounds hangingOver = new WindowBounds(900, 300, 1100, 720, false);
        assertThat(WindowPlacement.place(List.of(WIDE), Optional.of(hangingOver))).isEqualTo(new WindowBounds(820, 300, 1100, 720, false));
    }

    @Test
    void aSavedSizeBelowTheMinimumGrowsToIt() {
        WindowBounds tiny = new WindowBounds(100, 100, 300, 200, false);
        assertThat(WindowPlacement.place(List.of(WIDE), Optional.of(tiny))).isEqualTo(new WindowBounds(100, 100, 1024, 700, false));
    }

    @Test
    void theMinimumIs1024By700OrTheScreenWhenSmaller() {
        assertThat(WindowPlacement.minimum(WIDE)).isEqualTo(new Rectangle2D(0, 0, 1024, 700));
        assertThat(WindowPlacement.minimum(new Rectangle2D(0, 0, 800, 560))).isEqualTo(new Rectangle2D(0, 0, 800, 560));
    }

    @Test
    void withoutScreensItStillOpens() {
        assertThat(WindowPlacement.place(List.of(), Optional.empty())).isEqualTo(new WindowBounds(0, 0, 1280, 800, false));
    }
}
