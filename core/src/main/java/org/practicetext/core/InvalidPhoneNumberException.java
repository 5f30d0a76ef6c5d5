// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/** Thrown when typed text is not a phone number that can receive a text; the message is for a receptionist. */
public final class InvalidPhoneNumberException extends Exception {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public InvalidPhoneNumberException(String reason) {
        super(reason);
    }
}
