// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/** What kind of line a contact's number is, as the carrier reports it; "landline" cannot receive texts. */
public enum LineType implements WireWord {
    MOBILE("mobile"),
    LANDLINE("landline"),
    VOIP("voip"),
    /** Not known yet, and what a word this version does not know reads as. */
    @WireWord.Fallback
    UNKNOWN("unknown");

    private final String wire;

    LineType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
