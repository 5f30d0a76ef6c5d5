// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.ui.shell.DemoTools;
import org.practicetext.relay.RelayConfig;
import org.practicetext.relay.RelayServer;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.relay.send.SimulatedCarrier;
import org.practicetext.relay.store.Database;

/**
 * The demo as the app's demo mode runs it, for the screenshot tour and the benchmark: a relay on
 * loopback with the simulated carrier, the demo practice seeded with the real clock, and a
 * signed-in, caught-up client.
 */
public final class DemoRelay implements AutoCloseable {
    public final RelayServer server;
    public final DesktopClient client;

    public DemoRelay(Path folder, String username) throws Exception {
        Clock clock = Clock.systemUTC();
        server = new RelayServer(RelayConfig.fromEnvironment(Map.of("PT_HOST", "127.0.0.1", "PT_PORT", "0", "PT_CARRIER", "simulated",
                "PT_DB_URL", Database.h2Url(folder.resolve("relay").toAbsolutePath().toString()))), clock).start();
        new DemoPractice(server.database(), server.feed(), server.tenancy(), clock).seedOnce();
        Account account = new Account(URI.create("http://127.0.0.1:" + server.port()), DemoPractice.SLUG, username);
        client = DesktopClients.signIn(account, DemoPractice.PASSWORD.toCharArray(), folder.resolve("desktop"), clock);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (client.session().connection().kind() != ConnectionState.Kind.ONLINE
                || client.conversations().conversations(ConversationFilter.defaults(), 5).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo did not sync: " + client.session().connection());
            }
            Thread.sleep(20);
        }
    }

    /** The demo menu's "receive a text". */
    public DemoTools tools() {
        SimulatedCarrier carrier = (SimulatedCarrier) server.carrier();
        PhoneNumbers phones = new PhoneNumbers("US");
        return (from, body) -> carrier.injectInbound(phones.parse(from).value(), DemoPractice.NUMBER, body);
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
    }
}
