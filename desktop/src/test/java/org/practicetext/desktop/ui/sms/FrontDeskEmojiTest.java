// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.practicetext.core.SmsEncoding;
import org.practicetext.core.SmsSegments;

class FrontDeskEmojiTest {

    @Test
    void everyFrontDeskEmojiSwitchesTheTextToUnicodeAndIsNamed() {
        for (String emoji : FrontDeskEmoji.ALL) {
            var count = SmsSegments.count("Thanks " + emoji);
            assertThat(count.encoding()).as(emoji).isEqualTo(SmsEncoding.UCS2);
            assertThat(SegmentCounterText.unicodeWarning(count)).as(emoji).startsWith("“" + emoji.codePoints().limit(1)
                    .mapToObj(Character::toString).findFirst().orElseThrow());
        }
    }

    @Test
    void thePaletteHasNoDuplicates() {
        assertThat(FrontDeskEmoji.ALL).doesNotHaveDuplicates();
    }
}
