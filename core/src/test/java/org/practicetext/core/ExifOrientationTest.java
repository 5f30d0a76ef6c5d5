// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The EXIF orientation of a phone's JPEG, in either byte order, behind other blocks, and nothing from what is not one. */
class ExifOrientationTest {
    @ParameterizedTest
    @CsvSource({"true, 6", "false, 6", "true, 8", "false, 3", "true, 1"})
    void theTagIsReadInEitherByteOrder(boolean little, int orientation) {
        assertThat(ExifOrientation.of(jpeg(little, orientation, true))).isEqualTo(orientation);
    }

    @Test
    void aJfifBlockBeforeTheExifOneIsSkipped() {
        assertThat(ExifOrientation.of(jpeg(false, 6, true))).isEqualTo(6);
        assertThat(ExifOrientation.of(jpeg(false, 6, false))).isEqualTo(6);
    }

    @Test
    void anythingElseIsAsStored() {
        assertThat(ExifOrientation.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
        byte[] broken = jpeg(true, 6, false);
        assertThat(ExifOrientation.of(java.util.Arrays.copyOf(broken, 30))).as("cut short").isEqualTo(1);
        assertThat(ExifOrientation.of(jpeg(true, 9, false))).as("not an orientation").isEqualTo(1);
        assertThat(ExifOrientation.swapsSides(6)).isTrue();
        assertThat(ExifOrientation.swapsSides(3)).isFalse();
    }

    /** A JPEG's start: SOI, optionally a JFIF APP0, an APP1 EXIF block with one IFD entry (and one before it), then SOS. */
    static byte[] jpeg(boolean little, int orientation, boolean jfif) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        if (jfif) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        }
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(little ? new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0} : new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.writeBytes(u16(2, little));
        tiff.writeBytes(entry(0x010F, 2, 4, 0, little)); // Make, before the orientation
        tiff.writeBytes(entry(0x0112, 3, 1, orientation, little));
        tiff.writeBytes(new byte[] {0, 0, 0, 0});
        byte[] body = tiff.toByteArray();
        int length = 2 + 6 + body.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(body);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 2});
        return out.toByteArray();
    }

    private static byte[] entry(int tag, int type, int count, int value, boolean little) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        e.writeBytes(u16(tag, little));
        e.writeBytes(u16(type, little));
        e.writeBytes(little ? new byte[] {(byte) count, 0, 0, 0} : new byte[] {0, 0, 0, (byte) count});
        e.writeBytes(u16(value, little));
        e.writeBytes(new byte[] {0, 0});
        return e.toByteArray();
    }

    private static byte[] u16(int v, boolean little) {
        return little ? new byte[] {(byte) v, (byte) (v >> 8)} : new byte[] {(byte) (v >> 8), (byte) v};
    }
}
