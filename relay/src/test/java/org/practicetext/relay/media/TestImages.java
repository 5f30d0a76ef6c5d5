// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Small real images for attachment tests: vertical stripes of random colours, so they are not all alike. */
public final class TestImages {
    private TestImages() {
    }

    public static byte[] png(int width, int height) throws IOException {
        return image(width, height, "png");
    }

    public static byte[] jpeg(int width, int height) throws IOException {
        return image(width, height, "jpeg");
    }

    public static byte[] gif() throws IOException {
        return image(8, 8, "gif");
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        java.util.Random random = new java.util.Random(width * 31L + height);
        for (int x = 0; x < width; x += 4) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(x, 0, 4, height);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

}
