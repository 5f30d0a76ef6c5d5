// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/** A conversation is "open" (waiting for the front desk) or "closed". */
public enum ConversationStatus implements WireWord {
    /** A state this version does not know reads as open: a conversation stays in sight rather than hidden. */
    @WireWord.Fallback
    OPEN("open"),
    CLOSED("closed");

    private final String wire;

    ConversationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
