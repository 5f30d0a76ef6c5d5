// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Optional;

/**
 * What the desk's list and notifications show in place of message text while the privacy screen
 * is on (a practice setting; ADR 0026).
 */
public enum HiddenPreviews implements WireWord {
    /** The contact's name (or number) and the time, no text. */
    NAMES("names"),
    /** Neither name nor text: "New message". */
    NOTHING("nothing");

    private final String wire;

    HiddenPreviews(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static Optional<HiddenPreviews> fromWire(String word) {
        return WireWords.find(HiddenPreviews.class, word);
    }
}
