// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

/** The payment provider refused a checkout or could not be reached; the message is safe to show (no keys, no patient data). */
public final class PaymentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PaymentException(String message, Throwable cause) {
        super(message, cause);
    }

    public PaymentException(String message) {
        super(message);
    }
}
