// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.practicetext.core.ExifOrientation;

/**
 * The small JPEG a desk shows in the thread for a photo: at most {@link #LONGEST} pixels on its
 * longer side, upright as its EXIF orientation says (and its width and height as it is seen). The photo's size is read from its header before anything is decoded, and a large
 * photo is decoded subsampled, so a 50-megapixel picture (or a file that only claims to be one)
 * costs a few megabytes of heap, not hundreds.
 */
final class Previews {
    static final int LONGEST = 320;
    /** Larger than this (in pixels, as the header says) gets no preview: the file is kept, the desk shows a file chip. */
    static final long MOST_PIXELS = 100_000_000L;

    /** A photo's size in pixels and its preview (null when none could be made). */
    record Preview(int width, int height, byte[] jpeg) {
    }

    private Previews() {
    }

    /** The size and preview of an image ImageIO reads (JPEG, PNG, GIF, BMP, TIFF); empty for anything else or a broken file. */
    static Optional<Preview> of(byte[] content) {
        return read(content, LONGEST, 0.8f).map(r -> new Preview(r.width(), r.height(), r.jpeg()));
    }

    /**
     * The photo as a JPEG at most {@code longest} pixels on its longer side (never larger than it
     * is), with its original size in pixels; {@code jpeg} is null for a photo over {@link #MOST_PIXELS}.
     */
    static Optional<Preview> read(byte[] content, int longest, float quality) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return Optional.empty();
                }
                if ((long) width * height > MOST_PIXELS) {
                    return Optional.of(new Preview(width, height, null));
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (longest * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                int orientation = ExifOrientation.of(content);
                BufferedImage decoded = upright(reader.read(0, param), orientation);
                boolean swapped = ExifOrientation.swapsSides(orientation);
                return Optional.of(new Preview(swapped ? height : width, swapped ? width : height, jpeg(scaled(decoded, longest), quality)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not an image ImageIO can read; the file is kept all the same
        }
    }

    /**
     * The image turned the way its EXIF orientation says it is seen (a phone held upright writes 6:
     * a quarter turn clockwise), so a preview and a scaled photo, which lose the tag, show upright.
     */
    static BufferedImage upright(BufferedImage source, int orientation) {
        if (orientation <= ExifOrientation.AS_STORED || orientation > 8) {
            return source;
        }
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swapped = ExifOrientation.swapsSides(orientation);
        BufferedImage target = new BufferedImage(swapped ? h : w, swapped ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long to = ExifOrientation.target(orientation, x, y, w, h);
                target.setRGB(ExifOrientation.x(to), ExifOrientation.y(to), source.getRGB(x, y));
            }
        }
        return target;
    }

    private static BufferedImage scaled(BufferedImage source, int longest) {
        double factor = Math.min(1.0, (double) longest / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE); // a transparent PNG or GIF on white, as a bubble shows it
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
