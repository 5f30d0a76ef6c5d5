// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.demo.DemoPractice;

/**
 * A signed-in desk for UI tests: a real relay on a random port with the demo practice (Bright
 * Smile Dental), the real desktop client signed in as a demo team member and caught up, the
 * same-thread executor seam and a session. "A patient texts" goes through the real, signed
 * webhook; the relay can be stopped and started again on the same port to test offline.
 */
public final class DemoDesk implements AutoCloseable {
    public DesktopClient client;
    public final SameThreadUiTasks tasks = new SameThreadUiTasks();
    public UiSession session;
    private final Account account;
    private final Path root;
    private final int port;
    private RelayFixture relay;

    private DemoDesk(String username) throws IOException, RelayException {
        root = Files.createTempDirectory("pt-desk-");
        relay = new RelayFixture(root.resolve("relay"));
        port = relay.server.port();
        new DemoPractice(relay.server.database(), relay.server.feed(), relay.server.tenancy(), relay.clock).seedOnce();
        account = new Account(URI.create(relay.uri("")), DemoPractice.SLUG, username);
        client = DesktopClients.signIn(account, DemoPractice.PASSWORD.toCharArray(), root.resolve("desktop"), relay.clock);
        awaitClient("the first sync", () -> client.connection().kind() == ConnectionState.Kind.ONLINE
                && !client.conversations(ConversationFilter.defaults().withStatus(ConversationFilter.Status.ALL), 20).isEmpty());
        session = UiSession.open(client, tasks, LocalSettings.load(null), relay.clock);
    }

    /** Signs in as a demo team member: alex (admin), jordan (staff) or sam (viewer). */
    public static DemoDesk as(String username) {
        try {
            return new DemoDesk(username);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RelayException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app restarts: the client is closed and resumed from the same data folder, with a new session. */
    public void restartClient() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        client = DesktopClients.resume(account, root.resolve("desktop"), relay.clock).orElseThrow();
        session = UiSession.open(client, tasks, LocalSettings.load(null), relay.clock);
    }

    /** A patient (or anyone) texts the practice, a minute after the last event. */
    public void patientTexts(String from, String body) {
        relay.clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> response = relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), from, DemoPractice.NUMBER, body));
        if (response.statusCode() != 200) {
            throw new AssertionError("webhook refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** An administrator saves a template on the relay (it reaches the desk through the feed). */
    public void adminCreatesTemplate(String name, String body) {
        HttpResponse<String> session = relay.postJson("/api/v1/session", null,
                Map.of("practice", DemoPractice.SLUG, "username", "alex", "password", DemoPractice.PASSWORD));
        String token = relay.read(session).get("token").asText();
        HttpResponse<String> response = relay.postJson("/api/v1/templates", token, Map.of("name", name, "body", body));
        if (response.statusCode() != 201) {
            throw new AssertionError("template refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** The conversation with this E.164 number, as the cache has it now. */
    public ConversationRow conversationOf(String phone) {
        return client.contactByPhone(phone).flatMap(c -> client.conversation(c.conversationId())).orElseThrow();
    }

    /** The desktop data folder (each account's cache is below it). */
    public Path desktopData() {
        return root.resolve("desktop");
    }

    /** The relay's clock (tests move it); screens of this desk should read time from it too. */
    public java.time.Clock clock() {
        return relay.clock;
    }

    /** The relay goes away (the client goes offline). */
    public void stopRelay() {
        relay.close();
    }

    /** The relay comes back on the same port and file. */
    public void startRelay() {
        relay = new RelayFixture(root.resolve("relay"), Map.of("PT_PORT", Integer.toString(port)));
    }

    public void await(String what, BooleanSupplier condition) {
        tasks.drainUntil(what, Duration.ofSeconds(20), condition);
    }

    private static void awaitClient(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
        relay.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
