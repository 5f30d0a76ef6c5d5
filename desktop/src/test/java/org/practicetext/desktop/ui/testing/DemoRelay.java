// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.nio.file.Path;
import java.time.Clock;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.ui.shell.DemoTools;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.relay.send.SimulatedCarrier;
import org.practicetext.testkit.DemoRelayServer;

/**
 * The demo as the app's demo mode runs it, for the screenshot tour and the benchmark: testkit's
 * {@link DemoRelayServer} with the real clock, and a desktop client signed in against it as a
 * demo team member and caught up (its cache in {@code folder}).
 */
public final class DemoRelay implements AutoCloseable {
    public final DemoRelayServer relay;
    public final DesktopClient client;

    public DemoRelay(Path folder, String username) throws Exception {
        Clock clock = Clock.systemUTC();
        relay = DemoRelayServer.start(clock);
        Account account = new Account(relay.uri(), DemoPractice.SLUG, username);
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

    /** The demo menu's "receive a text", with its photos. */
    public DemoTools tools() {
        return (from, body, media) -> ((SimulatedCarrier) relay.server().carrier()).injectInbound(new PhoneNumbers("US").parse(from).value(),
                DemoPractice.NUMBER, body, media.stream().map(f -> new SimulatedCarrier.Media(f.contentType(), f.data())).toList());
    }

    @Override
    public void close() {
        client.close();
        relay.close();
    }
}
