// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.practicetext.core.ExifOrientation;

/**
 * A photo shown the way it was taken. Phones store a photo taken upright as sideways pixels plus
 * an EXIF orientation, which JavaFX ignores; the relay's previews are already turned, so the viewer
 * turns the full photo the same way, and thumbnail and viewer agree.
 */
final class UprightImages {
    /** EXIF sits at a JPEG's start; this much of the file is read to find it. */
    private static final int HEAD = 128 * 1024;

    private UprightImages() {
    }

    /** The EXIF orientation of the file (1 when it has none, or cannot be read). */
    static int orientation(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ExifOrientation.of(in.readNBytes(HEAD));
        } catch (IOException e) {
            return ExifOrientation.AS_STORED;
        }
    }

    /** {@code image} turned by {@code orientation} (1 to 8); the same image when it needs no turn. */
    static Image upright(Image image, int orientation) {
        if (orientation <= ExifOrientation.AS_STORED || orientation > 8 || image.getPixelReader() == null) {
            return image;
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        boolean swapped = ExifOrientation.swapsSides(orientation);
        WritableImage target = new WritableImage(swapped ? h : w, swapped ? w : h);
        PixelReader in = image.getPixelReader();
        PixelWriter out = target.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long to = ExifOrientation.target(orientation, x, y, w, h);
                out.setArgb(ExifOrientation.x(to), ExifOrientation.y(to), in.getArgb(x, y));
            }
        }
        return target;
    }
}
