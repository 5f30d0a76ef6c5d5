// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an outbound message is on its way to the carrier: column {@code message.dispatch_state}
 * (migration V2 describes each). Inbound messages have none.
 *
 * <p>The rule is never send twice: only a {@link #PENDING} message is handed to the carrier, and
 * one whose hand-off may have reached it ({@link #HANDING} after a stop, or a lost answer) goes to
 * {@link #CHECKING} first. {@link #PENDING}, {@link #HANDING} and {@link #CHECKING} are unfinished:
 * they hold back the later messages of their conversation.
 */
public enum DispatchState {
    /** Stored, waiting for (another) attempt at {@code next_attempt_at}. */
    PENDING,
    /** An attempt is in flight, claimed until its lease ({@code next_attempt_at}) runs out. */
    HANDING,
    /** The carrier's answer was lost: look the message up before any new attempt. */
    CHECKING,
    /** The carrier accepted it; its delivery status comes by callback. */
    HANDED,
    /** The carrier refused it, or could not be reached after the last attempt. */
    REJECTED,
    /** The relay cannot tell whether it was sent; a person decides ({@code dispatch_note} says why). */
    ATTENTION,
    /** Its contact opted out or was blocked before it was claimed; it never reaches the carrier. */
    WITHHELD;

    /** The word stored in the database (and shown by the crash suite's facts). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state for a stored word; empty for none (an inbound message) or a word no relay writes. */
    public static Optional<DispatchState> fromWire(String word) {
        if (word == null) {
            return Optional.empty();
        }
        for (DispatchState state : values()) {
            if (state.wire().equals(word)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
