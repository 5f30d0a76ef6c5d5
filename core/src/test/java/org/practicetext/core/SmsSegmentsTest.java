// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsSegmentsTest {
    private static final String GRINNING = "\uD83D\uDE00"; // 😀, outside the BMP: a surrogate pair

    private static SegmentCount count(String body) {
        return SmsSegments.count(body);
    }

    @Nested
    class Gsm7 {
        @Test
        void aPlainTextIsGsm7() {
            assertThat(count("Your appointment is tomorrow at 10:00.").encoding()).isEqualTo(SmsEncoding.GSM7);
        }

        @Test
        void aPlainTextForcesNoUnicodeCharacters() {
            assertThat(count("Your appointment is tomorrow at 10:00.").unicodeCharacters()).isEmpty();
        }

        @Test
        void oneHundredSixtyCharactersFitOneSegment() {
            assertThat(count("a".repeat(160)).segments()).isEqualTo(1);
        }

        @Test
        void oneHundredSixtyOneCharactersNeedTwoSegments() {
            assertThat(count("a".repeat(161)).segments()).isEqualTo(2);
        }

        @Test
        void threeHundredSixCharactersFitTwoSegments() {
            assertThat(count("a".repeat(306)).segments()).isEqualTo(2);
        }

        @Test
        void threeHundredSevenCharactersNeedThreeSegments() {
            assertThat(count("a".repeat(307)).segments()).isEqualTo(3);
        }

        @Test
        void unitsOfABasicTextAreItsLength() {
            assertThat(count("a".repeat(307)).units()).isEqualTo(307);
        }

        @Test
        void accentedLettersOfTheGsmTableStayGsm7() {
            SegmentCount c = count("éèùìòÇÅåÆæßÉÄÖÑÜäöñüà¿¡§£¥ΔΦΓΛΩΠΨΣΘΞ@$_");
            assertThat(c.encoding()).isEqualTo(SmsEncoding.GSM7);
        }

        @Test
        void lineBreaksAreGsm7() {
            assertThat(count("Hi\r\nthere\n").encoding()).isEqualTo(SmsEncoding.GSM7);
        }

        @Test
        void aBacktickIsNotGsm7() {
            assertThat(count("`").encoding()).isEqualTo(SmsEncoding.UCS2);
        }

        @Test
        void aLowerCaseCCedillaIsNotGsm7() {
            assertThat(count("ç").encoding()).isEqualTo(SmsEncoding.UCS2);
        }
    }

    @Nested
    class ExtensionCharacters {
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"^", "{", "}", "\\", "[", "~", "]", "|", "€", "\f"})
        void eachExtensionCharacterCostsTwoUnits(String c) {
            SegmentCount count = count(c);
            assertThat(count.encoding()).isEqualTo(SmsEncoding.GSM7);
            assertThat(count.units()).isEqualTo(2);
        }

        @Test
        void eightyBracesFillOneSegment() {
            assertThat(count("{".repeat(80)).segments()).isEqualTo(1);
        }

        @Test
        void eightyBracesAre160Units() {
            assertThat(count("{".repeat(80)).units()).isEqualTo(160);
        }

        @Test
        void eightyOneBracesNeedTwoSegments() {
            assertThat(count("{".repeat(81)).segments()).isEqualTo(2);
        }

        @Test
        void oneHundredFiftyNineLettersAndAnEuroNeedTwoSegments() {
            assertThat(count("a".repeat(159) + "€").segments()).isEqualTo(2);
        }

        @Test
        void anEuroThatWouldStraddleTheSegmentBoundaryStartsTheNextSegment() {
            // 152 letters leave one septet in segment 1; the euro needs two, so it moves whole to segment 2.
            SegmentCount c = count("a".repeat(152) + "€" + "a".repeat(10));
            assertThat(c.segments()).isEqualTo(2);
            assertThat(c.remainingInSegment()).isEqualTo(153 - 2 - 10);
        }

        @Test
        void theWastedSeptetCanAddASegment() {
            // 152 + 2 + 152 = 306 units would fit two segments if the euro were split; whole, it needs three.
            assertThat(count("a".repeat(152) + "€" + "a".repeat(152)).segments()).isEqualTo(3);
        }

        @Test
        void anEuroThatFitsExactlyStaysInTheFirstSegment() {
            SegmentCount c = count("a".repeat(151) + "€" + "a".repeat(10));
            assertThat(c.segments()).isEqualTo(2);
            assertThat(c.remainingInSegment()).isEqualTo(153 - 10);
        }
    }

    @Nested
    class Ucs2 {
        @Test
        void seventyUnicodeCharactersFitOneSegment() {
            assertThat(count("ç".repeat(70)).segments()).isEqualTo(1);
        }

        @Test
        void seventyOneUnicodeCharactersNeedTwoSegments() {
            assertThat(count("ç".repeat(71)).segments()).isEqualTo(2);
        }

        @Test
        void oneHundredThirtyFourUnicodeCharactersFitTwoSegments() {
            assertThat(count("ç".repeat(134)).segments()).isEqualTo(2);
        }

        @Test
        void oneHundredThirtyFiveUnicodeCharactersNeedThreeSegments() {
            assertThat(count("ç".repeat(135)).segments()).isEqualTo(3);
        }

        @Test
        void chineseTextIsCountedInUcs2() {
            SegmentCount c = count("牙医".repeat(35));
            assertThat(c.encoding()).isEqualTo(SmsEncoding.UCS2);
            assertThat(c.segments()).isEqualTo(1);
        }

        @Test
        void oneUnicodeCharacterSwitchesTheWholeMessage() {
            SegmentCount c = count("a".repeat(70) + "ç");
            assertThat(c.encoding()).isEqualTo(SmsEncoding.UCS2);
            assertThat(c.segments()).isEqualTo(2);
        }

        @Test
        void anExtensionCharacterInAUcs2MessageCostsOneUnit() {
            assertThat(count("ç€").units()).isEqualTo(2);
        }

        @Test
        void anEmojiCostsTwoUnits() {
            assertThat(count(GRINNING).units()).isEqualTo(2);
        }

        @Test
        void anEmojiForcesUcs2() {
            assertThat(count(GRINNING).encoding()).isEqualTo(SmsEncoding.UCS2);
        }

        @Test
        void sixtyEightUnicodeCharactersAndAnEmojiFillOneSegment() {
            assertThat(count("ç".repeat(68) + GRINNING).segments()).isEqualTo(1);
        }

        @Test
        void sixtyNineUnicodeCharactersAndAnEmojiNeedTwoSegments() {
            assertThat(count("ç".repeat(69) + GRINNING).segments()).isEqualTo(2);
        }

        @Test
        void anEmojiThatWouldStraddleTheSegmentBoundaryStartsTheNextSegment() {
            // 66 units leave one in segment 1; the surrogate pair needs two, so it moves whole to segment 2.
            SegmentCount c = count("ç".repeat(66) + GRINNING + "ç".repeat(3));
            assertThat(c.segments()).isEqualTo(2);
            assertThat(c.remainingInSegment()).isEqualTo(67 - 2 - 3);
        }

        @Test
        void unicodeCharactersListsWhatForcedUcs2InOrderOfAppearance() {
            assertThat(count("Hi " + GRINNING + " ç").unicodeCharacters()).containsExactly(GRINNING, "ç");
        }

        @Test
        void unicodeCharactersListsEachCharacterOnce() {
            assertThat(count("ç ç ` ç").unicodeCharacters()).containsExactly("ç", "`");
        }

        @Test
        void unicodeCharactersLeavesOutGsmExtensionCharacters() {
            assertThat(count("€ ç").unicodeCharacters()).containsExactly("ç");
        }
    }

    @Nested
    class EmptyAndRemaining {
        @Test
        void anEmptyBodyHasNoSegments() {
            assertThat(count("").segments()).isZero();
        }

        @Test
        void aNullBodyCountsAsEmpty() {
            assertThat(count(null)).isEqualTo(count(""));
        }

        @Test
        void anEmptyBodyHasAWholeSegmentRemaining() {
            assertThat(count("").remainingInSegment()).isEqualTo(160);
        }

        @Test
        void aShortGsmTextCountsDownFrom160() {
            assertThat(count("Hello").remainingInSegment()).isEqualTo(155);
        }

        @Test
        void aFullSingleGsmSegmentHasNothingRemaining() {
            assertThat(count("a".repeat(160)).remainingInSegment()).isZero();
        }

        @Test
        void theFirstCharacterOverTheLimitLeaves152InTheSecondSegment() {
            // 161 characters: 153 in segment 1, 8 in segment 2.
            assertThat(count("a".repeat(161)).remainingInSegment()).isEqualTo(153 - 8);
        }

        @Test
        void twoFullConcatenatedGsmSegmentsHaveNothingRemaining() {
            assertThat(count("a".repeat(306)).remainingInSegment()).isZero();
        }

        @Test
        void aShortUcs2TextCountsDownFrom70() {
            assertThat(count("ç".repeat(5)).remainingInSegment()).isEqualTo(65);
        }

        @Test
        void aLongUcs2TextCountsDownFrom67PerSegment() {
            assertThat(count("ç".repeat(71)).remainingInSegment()).isEqualTo(67 - 4);
        }
    }

    @Nested
    class Tables {
        @Test
        void capitalCCedillaIsGsmBasic() {
            assertThat(SmsSegments.isGsmBasic('Ç')).isTrue();
        }

        @Test
        void euroIsAnExtensionNotBasic() {
            assertThat(SmsSegments.isGsmExtension('€')).isTrue();
            assertThat(SmsSegments.isGsmBasic('€')).isFalse();
        }

        @Test
        void backtickIsInNeitherTable() {
            assertThat(SmsSegments.isGsmBasic('`')).isFalse();
            assertThat(SmsSegments.isGsmExtension('`')).isFalse();
        }

        @Test
        void anEmojiCodePointIsInNeitherTable() {
            int cp = GRINNING.codePointAt(0);
            assertThat(SmsSegments.isGsmBasic(cp)).isFalse();
            assertThat(SmsSegments.isGsmExtension(cp)).isFalse();
        }
    }
}
