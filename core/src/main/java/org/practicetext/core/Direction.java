// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/** Which way a message went: "in" from the contact, "out" from the practice. */
public enum Direction implements WireWord {
    /** An unknown direction reads as incoming: this version showed any word but "out" on the contact's side. */
    @WireWord.Fallback
    IN("in"),
    OUT("out");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
