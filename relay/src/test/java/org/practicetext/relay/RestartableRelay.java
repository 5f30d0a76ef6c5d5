// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real relay ({@link RelayFixture}: random port, H2 file in {@code folder}) that a test can
 * stop and start again on the same port and file, as a desk meets a relay that went away and
 * came back. Each start is a new {@link RelayFixture} (and so a new test clock) over the same
 * data; {@link #fixture()} is the one running now. The caller owns the folder.
 */
public final class RestartableRelay implements AutoCloseable {
    private final Path folder;
    private final Map<String, String> env;
    private final int port;
    private RelayFixture fixture;

    private RestartableRelay(Path folder, Map<String, String> env) {
        this.folder = folder;
        this.env = Map.copyOf(env);
        this.fixture = new RelayFixture(folder, this.env);
        this.port = fixture.server.port();
    }

    /** Starts a relay on a random port with its file in {@code folder}. */
    public static RestartableRelay start(Path folder) {
        return new RestartableRelay(folder, Map.of());
    }

    /** Starts a relay with extra environment settings on top of {@link RelayFixture}'s. */
    public static RestartableRelay start(Path folder, Map<String, String> env) {
        return new RestartableRelay(folder, env);
    }

    /** The running relay; after {@link #stop()} the stopped one. */
    public RelayFixture fixture() {
        return fixture;
    }

    /** The port it listens on, the same after a restart. */
    public int port() {
        return port;
    }

    /** The relay goes away; its file stays. */
    public void stop() {
        fixture.close();
    }

    /** The relay comes back on the same port and file; answers the new fixture. */
    public RelayFixture restart() {
        return restart(Map.of());
    }

    /** The relay comes back on the same port and file with {@code more} settings on top (its operator changed one). */
    public RelayFixture restart(Map<String, String> more) {
        Map<String, String> samePort = new HashMap<>(env);
        samePort.putAll(more);
        samePort.put("PT_PORT", Integer.toString(port));
        fixture = new RelayFixture(folder, samePort);
        return fixture;
    }

    @Override
    public void close() {
        fixture.close();
    }
}
