// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a file's bytes say it is, against what the carrier said; and which addresses a redirect may lead to. */
class MediaTypesTest {
    @Test
    void photosAreKnownByTheirBytesAndMustBeWhatTheyClaim() throws IOException {
        byte[] png = TestImages.png(4, 4);
        byte[] jpeg = TestImages.jpeg(4, 4);

        assertThat(MediaTypes.confirmed("image/png", png)).hasValue("image/png");
        assertThat(MediaTypes.confirmed("image/jpg; name=x.jpg", jpeg)).hasValue("image/jpeg");
        assertThat(MediaTypes.confirmed("application/octet-stream", jpeg)).as("an unhelpful type gives way to the bytes").hasValue("image/jpeg");
        assertThat(MediaTypes.confirmed("image/png", jpeg)).isEmpty();
        assertThat(MediaTypes.confirmed("image/jpeg", "<html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MediaTypes.confirmed("application/pdf", png)).isEmpty();
        assertThat(MediaTypes.confirmed(null, png)).hasValue("image/png");
    }

    @Test
    void typesWithoutASignatureAreTakenAtTheirWordButNeverAsOneThatHasOne() {
        byte[] text = "Running 10 minutes late".getBytes(StandardCharsets.UTF_8);

        assertThat(MediaTypes.confirmed("text/plain", text)).hasValue("text/plain");
        assertThat(MediaTypes.confirmed("image/gif", text)).isEmpty();
        assertThat(MediaTypes.confirmed("text/x-vcard", "BEGIN:VCARD\r\n".getBytes(StandardCharsets.US_ASCII))).hasValue("text/vcard");
    }

    @Test
    void isoMediaFilesAreToldApartByTheirBrand() {
        assertThat(MediaTypes.sniff(ftyp("heic"))).hasValue("image/heic");
        assertThat(MediaTypes.sniff(ftyp("3gp5"))).hasValue("video/3gpp");
        assertThat(MediaTypes.sniff(ftyp("isom"))).hasValue("video/mp4");
        assertThat(MediaTypes.confirmed("video/3gpp", ftyp("isom"))).as("phones label these loosely").hasValue("video/3gpp");
        assertThat(MediaTypes.confirmed("image/jpeg", ftyp("heic"))).isEmpty();
        assertThat(MediaTypes.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).hasValue("application/pdf");
    }

    @Test
    void aKeptFileIsNamedForWhatItIs() {
        assertThat(MediaTypes.fileName("image/jpeg", "20261203", 0)).isEqualTo("photo-20261203-1.jpg");
        assertThat(MediaTypes.fileName("application/pdf", "20261203", 2)).isEqualTo("attachment-20261203-3.pdf");
        assertThat(MediaTypes.fileName("application/x-unknown", "20261203", 0)).isEqualTo("attachment-20261203-1.bin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "198.18.0.1",
            "224.0.0.1", "::1", "fe80::1", "fd00::1"})
    void internalAddressesAreNotPublic(String address) throws IOException {
        assertThat(MediaDownload.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"54.172.60.0", "8.8.8.8", "2600:1f18::1"})
    void publicAddressesArePublic(String address) throws IOException {
        assertThat(MediaDownload.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void aPreviewIsSmallAndAPhotoTooLargeToDecodeGetsNone() throws IOException {
        Previews.Preview preview = Previews.of(TestImages.png(900, 1200)).orElseThrow();
        assertThat(preview.width()).isEqualTo(900);
        assertThat(preview.height()).isEqualTo(1200);
        assertThat(preview.jpeg()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(Previews.of("not an image".getBytes(StandardCharsets.UTF_8))).isEmpty();

        byte[] huge = TestImages.png(8, 8); // the header says 20000 × 20000: nothing is decoded
        byte[] claimed = Arrays.copyOf(huge, huge.length);
        writeInt(claimed, 16, 20_000);
        writeInt(claimed, 20, 20_000);
        Previews.Preview none = Previews.of(claimed).orElseThrow();
        assertThat(none.width()).isEqualTo(20_000);
        assertThat(none.jpeg()).isNull();
    }

    /** A phone photo taken upright is stored sideways with orientation 6: its preview and its size are as it is seen. */
    @Test
    void aSidewaysStoredPhotoGetsAnUprightPreview() throws IOException {
        byte[] stored = TestImages.jpeg(40, 20); // landscape pixels
        byte[] exif = {(byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
            0, 6, 0, 0, 0, 0, 0, 0};
        byte[] photo = new byte[stored.length + exif.length];
        System.arraycopy(stored, 0, photo, 0, 2);
        System.arraycopy(exif, 0, photo, 2, exif.length);
        System.arraycopy(stored, 2, photo, 2 + exif.length, stored.length - 2);
        assertThat(org.practicetext.core.ExifOrientation.of(photo)).isEqualTo(6);

        Previews.Preview preview = Previews.of(photo).orElseThrow();

        assertThat(preview.width()).isEqualTo(20);
        assertThat(preview.height()).isEqualTo(40);
        java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(preview.jpeg()));
        assertThat(small.getHeight()).isGreaterThan(small.getWidth());
    }

    @Test
    void turningFollowsTheSixOtherOrientations() {
        java.awt.image.BufferedImage source = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, 0xFF0000); // the top-left pixel, red
        assertThat(Previews.upright(source, 6).getRGB(1, 0) & 0xFFFFFF).as("a quarter turn clockwise: top-left goes top-right").isEqualTo(0xFF0000);
        assertThat(Previews.upright(source, 8).getRGB(0, 2) & 0xFFFFFF).as("counter-clockwise: bottom-left").isEqualTo(0xFF0000);
        assertThat(Previews.upright(source, 3).getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Previews.upright(source, 2).getRGB(2, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Previews.upright(source, 4).getRGB(0, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Previews.upright(source, 5).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Previews.upright(source, 7).getRGB(1, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Previews.upright(source, 1)).isSameAs(source);
    }

    private static byte[] ftyp(String brand) {
        byte[] b = new byte[16];
        System.arraycopy(("\0\0\0\u0018ftyp" + brand).getBytes(StandardCharsets.ISO_8859_1), 0, b, 0, 12);
        return b;
    }

    private static void writeInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
