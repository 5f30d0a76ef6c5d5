// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/**
 * Where an attachment of a message stands on the relay. A patient's photo arrives as a link to
 * Twilio's copy ({@link #PENDING}); the relay fetches it after it stored and acknowledged the
 * text, and keeps its own copy ({@link #READY}, served to the desks); when Twilio never gives it
 * up, or it is not what it claims to be, it is {@link #UNAVAILABLE} with a {@link MediaProblem}
 * and staff can ask for another try. {@link #LINKED} is a URL the relay does not hold (an
 * outbound {@code mediaUrls} item the desk gave).
 */
public enum MediaState implements WireWord {
    PENDING("pending"),
    READY("ready"),
    /** A state this version does not know reads as unavailable: the desk offers a retry, never a spinner that never ends. */
    @WireWord.Fallback
    UNAVAILABLE("unavailable"),
    LINKED("linked");

    private final String wire;

    MediaState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
