// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/** A contact is a "patient" of the practice (imported or converted) or a "lead" (a number that texted or was texted). */
public enum ContactKind implements WireWord {
    PATIENT("patient"),
    /** A kind this version does not know reads as lead: not a known patient. */
    @WireWord.Fallback
    LEAD("lead");

    private final String wire;

    ContactKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
