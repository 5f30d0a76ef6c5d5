// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.practicetext.relay.send.Carrier;

/**
 * One real relay for all tests of a class: registered as
 * {@code @RegisterExtension static final RelayExtension relay = RelayExtension.create();}, it
 * starts a relay on a random port with a fresh database ({@link TestStore}) and a temp folder of its own before the
 * class's first test, and stops it and deletes the folder and database after the last. It is a
 * {@link RelayFixture}, so tests use it as they used one they started in {@code @BeforeAll}.
 *
 * <p>The extension's own {@code beforeAll} runs before the class's {@code @BeforeAll} methods and
 * its {@code afterAll} after the class's {@code @AfterAll} methods, so those may use the relay.
 * Nested test classes share the enclosing class's relay: only the class that started it stops it.
 */
public final class RelayExtension extends RelayFixture implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> env;
    private final Function<RelayServer, Carrier> carrier;
    private Path folder;
    private String owner;

    private RelayExtension(Map<String, String> env, Function<RelayServer, Carrier> carrier) {
        this.env = Map.copyOf(env);
        this.carrier = carrier;
    }

    /** A relay with the test environment of {@link RelayFixture} and the simulated carrier. */
    public static RelayExtension create() {
        return new RelayExtension(Map.of(), null);
    }

    /** The same relay with extra environment settings on top of the test environment (later ones win). */
    public RelayExtension withEnv(Map<String, String> extraEnv) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(extraEnv);
        return new RelayExtension(merged, carrier);
    }

    /** The same relay whose carrier {@code factory} makes (a fake at the edge of the world). */
    public RelayExtension withCarrier(Function<RelayServer, Carrier> factory) {
        return new RelayExtension(env, factory);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (owner != null) {
            return;
        }
        owner = context.getUniqueId();
        folder = Files.createTempDirectory("pt-relay-");
        start(folder, env, carrier);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (!context.getUniqueId().equals(owner)) {
            return;
        }
        try {
            if (server != null) {
                close();
            }
        } finally {
            TestStore.current().release(folder);
            delete(folder);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
