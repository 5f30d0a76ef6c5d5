// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Optional;

/**
 * Where a consent change came from (ADR 0025), so an auditor can see why a patient is, or is not,
 * texted.
 */
public enum ConsentSource implements WireWord {
    /**
     * The patient texted a keyword (STOP, START…): the record keeps the exact inbound text and
     * Twilio's {@code OptOutType} when it sent one, and the inbound message's id.
     */
    KEYWORD("keyword"),
    /**
     * The carrier refused a send with error 21610 (the number had opted out at the carrier): the
     * record keeps the code and the refused message's id.
     */
    CARRIER("carrier"),
    /** A team member (who, and the reason they gave): block, unblock, or an opt-out the patient asked for in person. */
    STAFF("staff"),
    /** A patient import marked the number opted out (the practice's own system said so). */
    IMPORT("import"),
    /** A source this version does not know (a newer relay). */
    @WireWord.Fallback
    OTHER("other");

    private final String wire;

    ConsentSource(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static Optional<ConsentSource> fromWire(String word) {
        return WireWords.find(ConsentSource.class, word);
    }
}
