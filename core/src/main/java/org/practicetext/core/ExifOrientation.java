// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/**
 * Which way up a phone's JPEG is meant to be seen: the EXIF {@code Orientation} tag (1 to 8), that
 * cameras write instead of turning the pixels. Java's image readers (ImageIO, JavaFX) ignore it, so
 * without it a photo taken with the phone held upright shows on its side. Reads only the start of
 * the file, and anything it does not understand is 1 (as stored): a broken tag never hides a photo.
 */
public final class ExifOrientation {
    /** As stored: nothing to turn. */
    public static final int AS_STORED = 1;
    private static final int TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation of a JPEG's first EXIF block; {@link #AS_STORED} for any other file or a missing or broken tag. */
    public static int of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return AS_STORED;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return AS_STORED; // the pixels begin: no EXIF before them
            }
            if (marker == 0xE1 && at + 4 + length - 2 <= jpeg.length && startsExif(jpeg, at + 4)) {
                return fromTiff(jpeg, at + 10, at + 2 + length);
            }
            at += 2 + length;
        }
        return AS_STORED;
    }

    /** Whether showing it upright swaps its width and height (a quarter turn: orientations 5 to 8). */
    public static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * Where the pixel at ({@code x}, {@code y}) of a {@code w} × {@code h} image goes when it is
     * turned upright: its new x in the high 32 bits, its new y in the low ones ({@link #x}, {@link #y}).
     */
    public static long target(int orientation, int x, int y, int w, int h) {
        return switch (orientation) {
            case 2 -> pack(w - 1 - x, y);
            case 3 -> pack(w - 1 - x, h - 1 - y);
            case 4 -> pack(x, h - 1 - y);
            case 5 -> pack(y, x);
            case 6 -> pack(h - 1 - y, x);
            case 7 -> pack(h - 1 - y, w - 1 - x);
            case 8 -> pack(y, w - 1 - x);
            default -> pack(x, y);
        };
    }

    public static int x(long target) {
        return (int) (target >>> 32);
    }

    public static int y(long target) {
        return (int) target;
    }

    private static long pack(int x, int y) {
        return ((long) x << 32) | (y & 0xFFFFFFFFL);
    }

    private static boolean startsExif(byte[] b, int at) {
        return at + 6 <= b.length && b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0 && b[at + 5] == 0;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return AS_STORED;
        }
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return AS_STORED;
        }
        long ifd = tiff + u32(b, tiff + 4, little);
        if (ifd + 2 > end || ifd < tiff) {
            return AS_STORED;
        }
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return AS_STORED;
            }
            if (u16(b, entry, little) == TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : AS_STORED;
            }
        }
        return AS_STORED;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) : ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = little ? (b[at] & 0xFFL) | ((b[at + 1] & 0xFFL) << 8) | ((b[at + 2] & 0xFFL) << 16) | ((b[at + 3] & 0xFFL) << 24)
                : ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
        return v;
    }
}
