// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

/**
 * A send attempt that did not produce a receipt, classified by what is safe to do next.
 */
public final class CarrierException extends Exception {
    @java.io.Serial
    private static final long serialVersionUID = 1L;


    /** What the failure means for a retry. */
    public enum Kind {
        /** The carrier refused the message (a 4xx with an error code); retrying would fail the same way. */
        REJECTED,
        /** The request certainly did not create a message (connection refused, 429): retry later. */
        NOT_SENT,
        /** The carrier may have created the message (5xx, timeout after the request left): look before retrying. */
        UNCERTAIN
    }

    private final Kind kind;
    private final Integer errorCode;
    private final int httpStatus;

    public CarrierException(Kind kind, Integer errorCode, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The carrier's error code (e.g. 21211), or null when it gave none. */
    public Integer errorCode() {
        return errorCode;
    }

    /** The HTTP status of the carrier's answer, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }
}
