// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * How long the desk has gone without input, against the practice's {@code lockAfterMinutes}
 * (0 = never). Input {@link #touch}es it; a ticker (or a test) asks {@link #due} on the window's
 * clock, so a test moves its clock instead of sleeping.
 */
public final class IdleTimer {
    private final Supplier<Instant> now;
    private final IntSupplier minutes;
    private Instant lastInput;

    public IdleTimer(Supplier<Instant> now, IntSupplier minutes) {
        this.now = now;
        this.minutes = minutes;
        this.lastInput = now.get();
    }

    /** The person did something (a key, the pointer): the idle time starts again. */
    public void touch() {
        lastInput = now.get();
    }

    /** Whether the desk has been idle for the practice's minutes (never when they are 0). */
    public boolean due() {
        int after = minutes.getAsInt();
        return after > 0 && !Duration.between(lastInput, now.get()).minusMinutes(after).isNegative();
    }
}
