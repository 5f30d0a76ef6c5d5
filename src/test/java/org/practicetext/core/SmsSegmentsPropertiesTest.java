// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Segment arithmetic checked against the carriers' formula, for texts drawn from the GSM-7 tables and from UCS-2. */
class SmsSegmentsPropertiesTest {
    /** The GSM-7 basic set as listed in the reference (not copied from the class under test). */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    @Provide
    Arbitrary<String> gsmBasicTexts() {
        return Arbitraries.strings().withChars(GSM_BASIC).ofMinLength(1).ofMaxLength(1600);
    }

    @Provide
    Arbitrary<String> gsmTextsWithExtensions() {
        return Arbitraries.strings().withChars(GSM_BASIC + GSM_EXTENSION).ofMinLength(1).ofMaxLength(1600);
    }

    @Property
    void aBasicGsmTextTakesOneSegmentUpTo160AndThenOnePer153(@ForAll("gsmBasicTexts") String body) {
        int len = body.length();
        int expected = len <= 160 ? 1 : (len + 152) / 153;
        assertThat(SmsSegments.count(body).segments()).isEqualTo(expected);
    }

    @Property
    void aBasicGsmTextIsNeverUcs2(@ForAll("gsmBasicTexts") String body) {
        assertThat(SmsSegments.count(body).encoding()).isEqualTo(SmsEncoding.GSM7);
    }

    @Property
    void extensionCharactersCostTwoUnitsAndBasicOnesOne(@ForAll("gsmTextsWithExtensions") String body) {
        long extensions = body.chars().filter(c -> GSM_EXTENSION.indexOf(c) >= 0).count();
        assertThat(SmsSegments.count(body).units()).isEqualTo((int) (body.length() + extensions));
    }

    @Property
    void keepingExtensionCharactersWholeNeverSavesASegment(@ForAll("gsmTextsWithExtensions") String body) {
        SegmentCount c = SmsSegments.count(body);
        int tightest = c.units() <= 160 ? 1 : (c.units() + 152) / 153;
        assertThat(c.segments()).isGreaterThanOrEqualTo(tightest);
    }

    @Property
    void aConcatenatedSegmentWastesAtMostOneSeptet(@ForAll("gsmTextsWithExtensions") String body) {
        SegmentCount c = SmsSegments.count(body);
        if (c.units() > 160) {
            // Each segment holds at least 152 septets: only a two-septet character moved whole leaves a gap, of one.
            assertThat(c.segments()).isLessThanOrEqualTo((c.units() + 151) / 152);
        }
    }

    @Provide
    Arbitrary<String> ucs2BmpTexts() {
        // CJK ideographs and ç: one UTF-16 unit each, none in either GSM table.
        return Arbitraries.strings().withCharRange('\u4e00', '\u4fff').withChars('ç').ofMinLength(1).ofMaxLength(800);
    }

    @Property
    void aUcs2TextTakesOneSegmentUpTo70AndThenOnePer67(@ForAll("ucs2BmpTexts") String body) {
        int len = body.length();
        int expected = len <= 70 ? 1 : (len + 66) / 67;
        assertThat(SmsSegments.count(body).segments()).isEqualTo(expected);
    }

    @Property
    void remainingIsNeverNegativeNorMoreThanASegment(@ForAll("gsmTextsWithExtensions") String body) {
        SegmentCount c = SmsSegments.count(body);
        int capacity = c.segments() == 1 ? 160 : 153;
        assertThat(c.remainingInSegment()).isBetween(0, capacity - 1);
    }
}
