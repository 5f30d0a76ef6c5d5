// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.practicetext.protocol.SimulatedInbound;

/**
 * The photos the demo's patient can attach: the bundled sample (a made-up insurance card, so the
 * demo works without a file at hand) or a JPEG, PNG or GIF from disk, read when the text is sent.
 */
sealed interface DemoPhotos {
    String SAMPLE_NAME = "insurance-card.jpg";

    /** What the dialog lists. */
    String name();

    /** The file as the simulator takes it (reads the disk: call off the FX thread). */
    SimulatedInbound.File read();

    /** The bundled sample photo. */
    record Sample() implements DemoPhotos {
        @Override
        public String name() {
            return SAMPLE_NAME;
        }

        @Override
        public SimulatedInbound.File read() {
            try (InputStream in = DemoPhotos.class.getResourceAsStream("sample-insurance-card.jpg")) {
                if (in == null) {
                    throw new IllegalStateException("the sample photo is missing from the app");
                }
                return new SimulatedInbound.File(SAMPLE_NAME, "image/jpeg", in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A photo the person chose. */
    record OnDisk(Path file) implements DemoPhotos {
        @Override
        public String name() {
            return file.getFileName().toString();
        }

        @Override
        public SimulatedInbound.File read() {
            try {
                return new SimulatedInbound.File(name(), contentType(name()), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name(), e);
            }
        }
    }

    /** The type a photo's extension names (the chooser offers only these). */
    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".gif")) {
            return "image/gif";
        }
        return "image/jpeg";
    }
}
