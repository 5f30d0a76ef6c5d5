// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.practicetext.core.SmsSegments;

class SegmentCounterTextTest {
    @Test
    void aRequestsTextIsCountedWithTheRelaysLinkWhereThePlaceholderIs() {
        String base = "https://relay.example-dental.com/l/";
        assertThat(SegmentCounterText.requestCounter("Pay here: {link}", base)).isEqualTo((10 + 57) + " characters · includes a 57-character link");
        assertThat(SegmentCounterText.requestCounter("Pay here:", base)).as("the link goes after the text, with a space")
                .isEqualTo((9 + 1 + 57) + " characters · includes a 57-character link");
        assertThat(SegmentCounterText.requestCounter("x".repeat(100) + " {link}", base))
                .isEqualTo((101 + 57) + " characters · 2 left in this text · includes a 57-character link");
    }

    @Test
    void emptyTextIsZeroCharacters() {
        assertThat(SegmentCounterText.counter("")).isEqualTo("0 characters");
    }

    @Test
    void oneTextSaysOnlyTheCharacters() {
        assertThat(SegmentCounterText.counter("x".repeat(42))).isEqualTo("42 characters");
        assertThat(SegmentCounterText.counter("x")).isEqualTo("1 character");
    }

    @Test
    void severalTextsAreCountedInTexts() {
        assertThat(SegmentCounterText.counter("x".repeat(400))).isEqualTo("400 characters · 3 texts");
    }

    @Test
    void nearTheEndOfATextItSaysHowManyAreLeft() {
        assertThat(SegmentCounterText.counter("x".repeat(150))).isEqualTo("150 characters · 10 left in this text");
        assertThat(SegmentCounterText.counter("x".repeat(160))).isEqualTo("160 characters · this text is full");
        assertThat(SegmentCounterText.counter("x".repeat(300))).isEqualTo("300 characters · 2 texts · 6 left in this text");
    }

    @Test
    void anEmojiIsOneCharacterAndSaysWhyTheTextsCountJumped() {
        assertThat(SegmentCounterText.counter("See you soon 😀")).isEqualTo("14 characters");
        assertThat(SegmentCounterText.counter("x".repeat(100) + "😀")).isEqualTo("101 characters · the emoji makes it 2 texts");
        assertThat(SegmentCounterText.counter("x".repeat(100) + "😀🦷")).isEqualTo("102 characters · emoji make it 2 texts");
    }

    @Test
    void anAccentedLetterThatSwitchesEncodingIsNamed() {
        assertThat(SegmentCounterText.counter("x".repeat(100) + "ł")).isEqualTo("101 characters · “ł” makes it 2 texts");
    }

    @Test
    void severalUnicodeCharactersAreAllNamed() {
        assertThat(SegmentCounterText.unicodeWarning(SmsSegments.count("Olá 😀 ✓")))
                .isEqualTo("“á”, “😀” and “✓” switch this text to Unicode: 70 characters per text");
    }

    @Test
    void invisibleCharactersAreNamedByCodePoint() {
        assertThat(SegmentCounterText.unicodeWarning(SmsSegments.count("Hi\u00A0there"))).startsWith("“U+00A0” switches");
    }

    @Test
    void gsmExtensionCharactersDoNotWarn() {
        assertThat(SegmentCounterText.unicodeWarning(SmsSegments.count("Cost: 5€ [approx]"))).isEmpty();
        assertThat(SegmentCounterText.counter("Cost: 5€ [approx]")).isEqualTo("17 characters");
    }

    @Test
    void photosMakeItAnMmsCountedInPhotosNotTexts() {
        assertThat(SegmentCounterText.counter("", 1, 0, "Bright Smile Dental")).isEqualTo("MMS · 1 photo");
        assertThat(SegmentCounterText.counter("x".repeat(400), 2, 0, "Bright Smile Dental")).isEqualTo("400 characters · MMS · 2 photos");
        assertThat(SegmentCounterText.counter("Your x-ray", 1, 1, "Bright Smile Dental")).isEqualTo("10 characters · MMS · 1 photo + secure link");
    }

    @Test
    void aDocumentAddsTheSecureLinkAndItsCharactersToTheTexts() {
        // 114 typed + a line break + the 45-character link fill one text; one more character makes two.
        assertThat(SegmentCounterText.counter("x".repeat(114), 0, 1, "Bright Smile Dental")).isEqualTo("114 characters + secure link · 1 text");
        assertThat(SegmentCounterText.counter("x".repeat(115), 0, 1, "Bright Smile Dental")).isEqualTo("115 characters + secure link · 2 texts");
    }

    @Test
    void aDocumentWithNoTextCountsTheLineTheRelayWrites() {
        assertThat(SegmentCounterText.counter("", 0, 2, "Bright Smile Dental")).isEqualTo("Secure link · 1 text");
        assertThat(SegmentCounterText.counter("  ", 0, 1, "P".repeat(100))).as("a long practice name pushes it to two").isEqualTo("Secure link · 2 texts");
    }
}
