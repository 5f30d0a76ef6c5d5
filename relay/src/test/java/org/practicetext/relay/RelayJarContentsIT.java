// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The packaged relay carries only the relay's own dependencies: no HTTP client of the desktop
 * (OkHttp, Okio), no JavaFX or its UI libraries, no desktop classes. The build's enforcer bans
 * them from the relay module's dependencies; this checks the artifact an operator runs, and that
 * no dependency's signature files were merged into it.
 */
class RelayJarContentsIT {
    private static final List<String> FOREIGN = List.of(
            "okhttp3/", "okio/", "mockwebserver3/", "javafx/", "com/sun/javafx/", "com/sun/glass/", "com/sun/prism/",
            "atlantafx/", "org/controlsfx/", "org/testfx/", "org/practicetext/desktop/", "org/practicetext/Main");

    @Test
    void theRelayJarHoldsNoDesktopDependencies() throws IOException {
        Path jar = Path.of("target", "practicetext-relay.jar");
        assertThat(jar).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            assertThat(names).as("the relay itself is in the jar").contains("org/practicetext/relay/RelayMain.class");
            assertThat(names).as("Jetty and the Twilio SDK are").anyMatch(n -> n.startsWith("org/eclipse/jetty/server/"))
                    .anyMatch(n -> n.startsWith("com/twilio/"));
            List<String> foreign = names.stream().filter(n -> FOREIGN.stream().anyMatch(n::startsWith)).limit(20).toList();
            assertThat(foreign).as("entries of the desktop's dependencies").isEmpty();
            // A dependency's signature (BouncyCastle signs its jar) does not sign the merged jar: java would refuse to start it.
            assertThat(names).as("signature files").noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"));
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("org.practicetext.relay.RelayMain");
        }
    }
}
