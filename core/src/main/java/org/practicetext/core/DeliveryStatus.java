// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A message's delivery status, in Twilio's words, with the order in which it may move.
 *
 * <p>Callbacks arrive late, twice or out of order, so a status only ever moves forward:
 * accepted/scheduled/queued &lt; sending &lt; sent &lt; delivered | undelivered | failed &lt; read.
 * The first final status wins; only {@code read} may follow {@code delivered}.
 */
public enum DeliveryStatus implements WireWord {
    ACCEPTED(0, false, true),
    SCHEDULED(0, false, true),
    QUEUED(0, false, true),
    SENDING(1, false, true),
    SENT(2, false, true),
    DELIVERED(3, true, true),
    UNDELIVERED(3, true, true),
    FAILED(3, true, true),
    PARTIALLY_DELIVERED(3, true, true),
    CANCELED(3, true, true),
    READ(4, true, true),
    RECEIVING(0, false, false),
    RECEIVED(1, true, false);

    private final int rank;
    private final boolean terminal;
    private final boolean outbound;

    DeliveryStatus(int rank, boolean terminal, boolean outbound) {
        this.rank = rank;
        this.terminal = terminal;
        this.outbound = outbound;
    }

    /** The lower-case word Twilio and our API use. */
    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Twilio's word in any case ({@link WireWords}, after lower-casing); empty for a word Twilio may add later. */
    public static Optional<DeliveryStatus> fromWire(String word) {
        return WireWords.find(DeliveryStatus.class, word == null ? null : word.toLowerCase(Locale.ROOT));
    }

    public boolean isTerminal() {
        return terminal;
    }

    /** True for a final status that means the text did not arrive. */
    public boolean isFailure() {
        return this == FAILED || this == UNDELIVERED || this == CANCELED;
    }

    /** Whether a message now in {@code this} status should take {@code next}. */
    public boolean canMoveTo(DeliveryStatus next) {
        if (next == null || next == this || next.outbound != outbound) {
            return false;
        }
        if (terminal) {
            return this == DELIVERED && next == READ;
        }
        return next.rank > rank;
    }
}
