// SPDX-License-Identifier: Apache-2.0
package org.practicetext.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.relay.RelayConfig;
import org.practicetext.relay.RelayServer;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.relay.send.SimulatedCarrier;
import org.practicetext.relay.store.Database;

/**
 * The demo as the app's demo mode runs it, for tests and tools of other modules: a real relay on
 * loopback (random port) with the simulated carrier and the demo practice "Bright Smile Dental"
 * seeded, its H2 file in a temp folder of its own. {@link #receiveText} is the demo menu's
 * "receive a text": the simulated carrier posts a signed webhook to the relay, as Twilio would.
 *
 * <p>Use it in try-with-resources ({@link #start}) or as a class-wide extension
 * ({@code @RegisterExtension static final DemoRelayServer demo = DemoRelayServer.create(clock)}).
 * It can be stopped and started again on the same port and file, as a desk meets a relay that
 * went away; the clock stays the one it was given, so a test clock keeps its time across that.
 */
public final class DemoRelayServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private final Clock clock;
    private final Map<String, String> extraEnv;
    private Path folder;
    private RelayServer server;
    private int port;
    private String owner;

    private DemoRelayServer(Clock clock, Map<String, String> extraEnv) {
        this.clock = clock;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /** Not started yet: as an extension it starts before the class's tests and closes after them. */
    public static DemoRelayServer create(Clock clock) {
        return new DemoRelayServer(clock, Map.of());
    }

    /** The same demo relay with extra relay environment settings (e.g. {@code PT_SIMULATED_STEP_MS}). */
    public DemoRelayServer withEnv(Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(extraEnv);
        merged.putAll(env);
        return new DemoRelayServer(clock, merged);
    }

    /** Starts the demo relay now. */
    public DemoRelayServer start() {
        if (folder != null) {
            throw new IllegalStateException("this demo relay is already started");
        }
        try {
            folder = Files.createTempDirectory("pt-demo-relay-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startRelay(0);
        port = server.port();
        new DemoPractice(server.database(), server.feed(), server.tenancy(), clock, server.requests()).seedOnce();
        return this;
    }

    /** Starts a demo relay now whose relay and demo practice read time from {@code clock}. */
    public static DemoRelayServer start(Clock clock) {
        return create(clock).start();
    }

    private void startRelay(int onPort) {
        startRelay(onPort, Map.of());
    }

    private void startRelay(int onPort, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "PT_HOST", "127.0.0.1",
                "PT_PORT", Integer.toString(onPort),
                "PT_CARRIER", "simulated",
                "PT_DB_URL", Database.h2Url(folder.resolve("relay").toAbsolutePath().toString())));
        env.putAll(extraEnv);
        env.putAll(more);
        server = new RelayServer(RelayConfig.fromEnvironment(env), clock).start();
    }

    /** The running relay. */
    public RelayServer server() {
        if (server == null) {
            throw new IllegalStateException("the demo relay is not running");
        }
        return server;
    }

    /** Where the desk reaches the relay, e.g. {@code http://127.0.0.1:41234}; the same after a restart. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Clock clock() {
        return clock;
    }

    /** The folder that holds the relay's file (deleted by {@link #close()}). */
    Path folder() {
        return folder;
    }

    /** A text from {@code from} (any way a person writes a US number) reaches the demo practice; answers its SID. */
    public String receiveText(String from, String body) throws InvalidPhoneNumberException {
        SimulatedCarrier carrier = (SimulatedCarrier) server().carrier();
        return carrier.injectInbound(new PhoneNumbers("US").parse(from).value(), DemoPractice.NUMBER, body);
    }

    /** The relay goes away (a desk goes offline); its file stays. */
    public void stop() {
        server().close();
        server = null;
    }

    /** The relay comes back on the same port and file. */
    public void restart() {
        if (server != null) {
            throw new IllegalStateException("the demo relay is running");
        }
        startRelay(port);
    }

    /** The relay comes back on the same port and file with {@code env} on top (its operator changed a setting, e.g. {@code PT_OLDEST_PROTOCOL}). */
    public void restart(Map<String, String> env) {
        if (server != null) {
            throw new IllegalStateException("the demo relay is running");
        }
        startRelay(port, env);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner == null) {
            owner = context.getUniqueId();
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(owner)) {
            close();
        }
    }

    /** Stops the relay and deletes its folder. */
    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
                server = null;
            }
        } finally {
            if (folder != null) {
                Folders.delete(folder);
            }
        }
    }
}
