// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One list of what is sent, for the relay's 415 and the desk's file chooser alike. */
class SendableFilesTest {
    @Test
    void everyExtensionTheDeskOffersIsATypeTheRelaySends() {
        for (String pattern : SendableFiles.patterns()) {
            String type = SendableFiles.typeOf("file" + pattern.substring(1)).orElseThrow();
            assertThat(SendableFiles.sends(type)).as(pattern).isTrue();
        }
        assertThat(SendableFiles.typeOf("Scan.PDF")).hasValue("application/pdf");
        assertThat(SendableFiles.typeOf("setup.exe")).isEmpty();
        assertThat(SendableFiles.typeOf("no-extension")).isEmpty();
        assertThat(SendableFiles.sends("application/x-msdownload")).isFalse();
    }

    @Test
    void onlyJpegPngAndGifGoAsPicturesInTheMms() {
        assertThat(SendableFiles.inMms("image/jpeg")).isTrue();
        assertThat(SendableFiles.inMms("image/gif")).isTrue();
        assertThat(SendableFiles.inMms("image/heic")).as("phones outside Apple's cannot show it").isFalse();
        assertThat(SendableFiles.inMms("application/pdf")).as("carriers drop PDFs over MMS").isFalse();
    }
}
