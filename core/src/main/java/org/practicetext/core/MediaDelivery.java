// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/**
 * How a file the practice sends reaches the patient: as a picture in an MMS ({@link #MMS}: JPEG,
 * PNG or GIF within the carriers' limits), or as a secure link in the text ({@link #LINK}:
 * documents, and anything over the limits), to a page that may ask for the patient's date of
 * birth before it shows the file.
 */
public enum MediaDelivery implements WireWord {
    MMS("mms"),
    /** A word this version does not know reads as a link: the desk shows a file chip, not a picture it cannot promise. */
    @WireWord.Fallback
    LINK("link");

    private final String wire;

    MediaDelivery(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
