// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/**
 * An image from the clipboard (a screenshot) as the PNG file it is sent as. The clipboard holds
 * pixels, not a file; ImageIO (the JDK's own) writes them, so no Swing bridge is needed.
 */
final class PastedImage {
    private PastedImage() {
    }

    static byte[] png(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        if (reader == null || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the clipboard's image has no pixels");
        }
        int[] argb = new int[width * height];
        reader.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage pixels = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        pixels.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(pixels, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
