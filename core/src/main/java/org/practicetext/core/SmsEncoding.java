// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Locale;

/** The two ways an SMS body is encoded on the air; on the wire "gsm7" and "ucs2". */
public enum SmsEncoding implements WireWord {
    /** The 7-bit GSM alphabet: 160 characters in one segment, 153 per segment when split. */
    GSM7(160, 153),
    /** UCS-2: 70 UTF-16 code units in one segment, 67 per segment when split; an encoding word this version does not know reads as this, the one with the smaller segments. */
    @WireWord.Fallback
    UCS2(70, 67);

    private final int singleLimit;
    private final int multiLimit;

    SmsEncoding(int singleLimit, int multiLimit) {
        this.singleLimit = singleLimit;
        this.multiLimit = multiLimit;
    }

    public int singleSegmentLimit() {
        return singleLimit;
    }

    public int perSegmentLimit() {
        return multiLimit;
    }

    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
