// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/** Why an attachment is {@link MediaState#UNAVAILABLE}, in words a receptionist can act on ({@link #explanation()}). */
public enum MediaProblem implements WireWord {
    /** Twilio answered 404 (or 5xx) to every try for as long as the relay kept trying. */
    NOT_FOUND("not_found", "The carrier never handed over this file."),
    /** Larger than the relay keeps ({@code PT_MEDIA_MAX_BYTES}). */
    TOO_LARGE("too_large", "The file is too large to keep."),
    /** The bytes are not the type the carrier named (say a "photo" that is not an image). */
    TYPE_MISMATCH("type_mismatch", "The file is not the type it claims to be, so it was not kept."),
    /** The link is not a Twilio media address of this account: the relay does not fetch it. */
    NOT_TWILIO("not_twilio", "The link does not point to the carrier, so it was not opened."),
    /** Anything else (Twilio refused the account's credentials, the network kept failing). */
    @WireWord.Fallback
    FAILED("failed", "The file could not be downloaded.");

    private final String wire;
    private final String explanation;

    MediaProblem(String wire, String explanation) {
        this.wire = wire;
        this.explanation = explanation;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** One sentence for the desk, beside a retry. */
    public String explanation() {
        return explanation;
    }
}
