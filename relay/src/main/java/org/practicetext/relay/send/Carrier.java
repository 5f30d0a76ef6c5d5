// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import java.time.Instant;
import java.util.Optional;

/**
 * The port the relay sends texts through. One call is one attempt: implementations never retry
 * on their own, because a retry after an unanswered request can send a text twice; the
 * dispatcher decides, using {@link CarrierException.Kind} and {@link #findSent}.
 */
public interface Carrier {

    /** Hands one message to the carrier; returns the carrier's SID and initial status. */
    CarrierReceipt send(OutboundText text) throws CarrierException;

    /**
     * Looks for a message the carrier accepted although the answer to {@link #send} was lost (a
     * 5xx or a timeout): same recipient, sender and body, created at or after {@code since}.
     * Empty means the carrier has no such message, so sending again cannot duplicate it.
     */
    Optional<CarrierReceipt> findSent(OutboundText text, Instant since) throws CarrierException;
}
