// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.List;

/**
 * What a body costs to send: its encoding, its length in units of that encoding (septets or
 * UTF-16 code units), the number of segments, the units left before the next segment starts,
 * and the characters that forced UCS-2 (empty for GSM-7), in order of first appearance.
 */
public record SegmentCount(SmsEncoding encoding, int units, int segments, int remainingInSegment, List<String> unicodeCharacters) {
    public SegmentCount {
        unicodeCharacters = List.copyOf(unicodeCharacters);
    }
}
