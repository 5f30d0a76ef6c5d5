// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/**
 * The version of the relay's API a desktop speaks, a whole number that rises when a relay change
 * would break older desks. The desk sends it on every request in {@link #HEADER} (and its own app
 * version in {@link #APP_HEADER}); a relay refuses a desk older than the oldest protocol it still
 * serves with 426 {@code client_too_old}. A request without the header is protocol
 * {@value #UNVERSIONED}, what every desk spoke before it was sent (see docs/decisions/0010).
 */
public final class ProtocolVersion {
    /** The protocol this build speaks: 2 sends the version headers and understands {@code client_too_old}. */
    public static final int CURRENT = 2;
    /** What a request without {@link #HEADER} speaks: the desks built before the header was sent. */
    public static final int UNVERSIONED = 1;
    public static final String HEADER = "PracticeText-Protocol";
    /** The desk's own version (e.g. {@code 0.1.0}); for the relay's operator, never a reason to refuse. */
    public static final String APP_HEADER = "PracticeText-App-Version";
    /** The error code of the 426 answer. */
    public static final String TOO_OLD = "client_too_old";

    private ProtocolVersion() {
    }

    /**
     * The protocol a request's {@link #HEADER} names: {@link #UNVERSIONED} when it has none, else a
     * whole number from 1 to 9999.
     *
     * @throws IllegalArgumentException for anything else, with words fit for a 400 answer
     */
    public static int of(String header) {
        if (header == null) {
            return UNVERSIONED;
        }
        String text = header.strip();
        if (text.matches("[0-9]{1,4}")) {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return version;
            }
        }
        throw new IllegalArgumentException(HEADER + " must be a whole number from 1 to 9999 (this relay speaks " + CURRENT + ").");
    }
}
