// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.practicetext.core.SmsSegments;

class SegmentCounterTextTest {
    @Test
    void emptyTextIsZeroOfOneSegment() {
        assertThat(SegmentCounterText.counter(SmsSegments.count(""))).isEqualTo("0/160 · 1 segment");
    }

    @Test
    void severalUnicodeCharactersAreAllNamed() {
        assertThat(SegmentCounterText.unicodeWarning(SmsSegments.count("Olá 😀 ✓")))
                .isEqualTo("“á”, “😀” and “✓” switch this text to Unicode: 70 characters per segment");
    }

    @Test
    void invisibleCharactersAreNamedByCodePoint() {
        assertThat(SegmentCounterText.unicodeWarning(SmsSegments.count("Hi\u00A0there"))).startsWith("“U+00A0” switches");
    }

    @Test
    void gsmExtensionCharactersDoNotWarn() {
        assertThat(SegmentCounterText.unicodeWarning(SmsSegments.count("Cost: 5€ [approx]"))).isEmpty();
    }
}
