// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Optional;

/**
 * Where a request stands. A status only moves forward, by {@link #rank()}: sent, delivered (the
 * text reached the phone), opened (the patient followed the link), then one outcome. Expired is a
 * step of its own before the outcomes, so a payment made after its link expired, or marked paid
 * outside PracticeText, still ends as paid; an outcome never changes again. Callbacks that arrive
 * late, twice or out of order change nothing they should not.
 */
public enum RequestStatus implements WireWord {
    SENT("sent", 0),
    DELIVERED("delivered", 1),
    OPENED("opened", 2),
    /** The link's time ran out before an outcome: visible, never deleted, and staff can resend. */
    EXPIRED("expired", 3),
    PAID("paid", 4),
    COMPLETED("completed", 4),
    ACCEPTED("accepted", 4),
    DECLINED("declined", 4),
    /** Cancelled by staff, or replaced by a resent link (the request then names its replacement). */
    CANCELLED("cancelled", 4);

    private final String wire;
    private final int rank;

    RequestStatus(String wire, int rank) {
        this.wire = wire;
        this.rank = rank;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The order statuses move in; outcomes share the highest rank. */
    public int rank() {
        return rank;
    }

    /** Whether the patient can still act on it: no outcome, not expired. */
    public boolean open() {
        return rank < EXPIRED.rank;
    }

    /** An outcome: final. */
    public boolean finished() {
        return rank == PAID.rank;
    }

    /** Whether a request at this status may become {@code next}: only forward, and never out of an outcome. */
    public boolean canMoveTo(RequestStatus next) {
        return next.rank > rank;
    }

    public static Optional<RequestStatus> fromWire(String word) {
        return WireWords.find(RequestStatus.class, word);
    }
}
