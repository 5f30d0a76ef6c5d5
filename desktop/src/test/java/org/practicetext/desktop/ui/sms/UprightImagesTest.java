// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.ui.testing.FxThread;

/** The viewer turns a sideways-stored phone photo as its EXIF orientation says, as the relay's thumbnail already is. */
class UprightImagesTest {
    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    @Test
    void aQuarterTurnSwapsTheSidesAndMovesTheCorners() {
        Image turned = FxThread.call(() -> {
            WritableImage source = new WritableImage(3, 2);
            source.getPixelWriter().setArgb(0, 0, 0xFFFF0000);
            return UprightImages.upright(source, 6);
        });
        assertThat(turned.getWidth()).isEqualTo(2);
        assertThat(turned.getHeight()).isEqualTo(3);
        assertThat(FxThread.call(() -> turned.getPixelReader().getArgb(1, 0))).isEqualTo(0xFFFF0000);
        Image same = FxThread.call(() -> new WritableImage(3, 2));
        assertThat(FxThread.call(() -> UprightImages.upright(same, 1))).isSameAs(same);
    }

    @Test
    void theOrientationIsReadFromTheFileAndAFileWithoutOneIsAsStored(@TempDir Path dir) throws Exception {
        Path tagged = dir.resolve("tagged.jpg");
        Files.write(tagged, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0,
            0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xDA, 0, 2});
        Path plain = dir.resolve("plain.png");
        Files.write(plain, new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        assertThat(UprightImages.orientation(tagged)).isEqualTo(8);
        assertThat(UprightImages.orientation(plain)).isEqualTo(1);
        assertThat(UprightImages.orientation(dir.resolve("missing.jpg"))).isEqualTo(1);
    }
}
