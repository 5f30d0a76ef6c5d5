// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Optional;

/**
 * What one consent record says changed about a contact (ADR 0025). Records are never edited or
 * deleted: the contact's state now is its newest opt-out/opt-in record and its newest
 * block/unblock record.
 */
public enum ConsentChange implements WireWord {
    /** The contact may no longer be texted until they opt in again. */
    OPTED_OUT("opted_out"),
    /** The contact may be texted again. */
    OPTED_IN("opted_in"),
    /** A team member blocked the number: nothing goes to it, its texts are kept but closed. */
    BLOCKED("blocked"),
    /** A team member unblocked it. */
    UNBLOCKED("unblocked");

    private final String wire;

    ConsentChange(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** True for the two that stop texts. */
    public boolean stopsTexts() {
        return this == OPTED_OUT || this == BLOCKED;
    }

    public static Optional<ConsentChange> fromWire(String word) {
        return WireWords.find(ConsentChange.class, word);
    }
}
