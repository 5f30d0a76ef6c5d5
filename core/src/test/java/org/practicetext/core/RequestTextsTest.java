// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTextsTest {
    private static final String BASE = "https://texts.brightsmiles.com/l/";

    @Test
    void theLinkGoesWhereThePlaceholderIs() {
        assertThat(RequestTexts.withLink("Pay here: {link} thanks", "https://x/l/abc")).isEqualTo("Pay here: https://x/l/abc thanks");
        assertThat(RequestTexts.withLink("Pay {LINK} or {link}", "U")).as("one link only").isEqualTo("Pay U or ");
    }

    @Test
    void aTextWithoutThePlaceholderGetsTheLinkAtItsEnd() {
        assertThat(RequestTexts.withLink("Your bill is ready.  ", "U")).isEqualTo("Your bill is ready. U");
        assertThat(RequestTexts.withLink("", "U")).isEqualTo("U");
    }

    @Test
    void countsWithALinkAsLongAsTheRelaysWillBe() {
        String body = "x".repeat(160 - BASE.length() - RequestTexts.TOKEN_LENGTH) + RequestTexts.LINK;
        assertThat(RequestTexts.counted(body, BASE).segments()).isEqualTo(1);
        assertThat(RequestTexts.counted("x" + body, BASE).segments()).isEqualTo(2);
        assertThat(RequestTexts.sampleLink(BASE)).hasSize(BASE.length() + 22);
    }

    @Test
    void everyDefaultTextFitsOneSegmentWithALongLink() {
        String link = "https://" + "r".repeat(RequestTexts.ROOM_FOR_LINK - 33) + ".example.com/l/";
        for (RequestKind kind : RequestKind.values()) {
            String text = RequestTexts.defaultText(kind, "Bright Smiles Family Dentistry", "Maria", "$1,240.00");
            assertThat(text).contains(RequestTexts.LINK);
            assertThat(RequestTexts.counted(text, link).segments()).as(text).isEqualTo(1);
            assertThat(RequestTexts.counted(text, link).encoding()).isEqualTo(SmsEncoding.GSM7);
        }
    }

    @Test
    void aLongPracticeNameDropsTheGreetingRatherThanSpillIntoTwoSegments() {
        String name = "The Very Long Named Family and Cosmetic Dental Group";
        String text = RequestTexts.defaultText(RequestKind.PAYMENT, name, "Maria", "$120.00");
        assertThat(text).doesNotStartWith("Hi Maria");
        assertThat(RequestTexts.defaultText(RequestKind.PAYMENT, "Bright Smiles", "Maria", "$120.00")).startsWith("Hi Maria, your balance of $120.00");
        assertThat(RequestTexts.defaultText(RequestKind.FORMS, "Bright Smiles", "", null)).startsWith("Please fill in your forms");
    }
}
