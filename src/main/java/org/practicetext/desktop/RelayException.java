// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

/** The relay refused or could not be reached; the message is the relay's, fit to show a user. */
public final class RelayException extends Exception {
    private final int status;
    private final String code;

    public RelayException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** HTTP status, or 0 when the relay could not be reached. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
