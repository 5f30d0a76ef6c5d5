// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.SyncSettings;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.RestartableRelay;

/**
 * A test's world: a real relay (which can be stopped and started again on the same port and
 * file), one practice on it, and a data folder for desktop clients. Short backoff so reconnects
 * are quick; otherwise the production settings.
 *
 * <p>An extension, one per test: {@code @RegisterExtension final DeskBench bench = DeskBench.perTest();}
 * starts the world in a temp folder of its own before each test and closes and deletes it after.
 */
final class DeskBench implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    static final SyncSettings FAST = SyncSettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(250));

    private Path folder;
    private RestartableRelay relays;
    Path dataRoot;
    /** The relay running now (a new fixture after each {@link #startRelay()}). */
    RelayFixture relay;
    TestPractice practice;
    private int port;
    private int texts;

    private DeskBench() {
    }

    static DeskBench perTest() {
        return new DeskBench();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("pt-bench-");
        dataRoot = folder.resolve("desktop");
        relays = RestartableRelay.start(folder.resolve("relay"));
        relay = relays.fixture();
        port = relays.port();
        practice = relay.newPractice();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (relays != null) {
                close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    Account account(String username) {
        return new Account(URI.create("http://127.0.0.1:" + port), practice.slug(), username);
    }

    ClientOptions options(int pageLimit) {
        return ClientOptions.defaults().withSync(FAST.withPageLimit(pageLimit));
    }

    DesktopClient signIn(String username) throws RelayException {
        return signIn(username, 1000);
    }

    DesktopClient signIn(String username, int pageLimit) throws RelayException {
        return DesktopClients.signIn(account(username), RelayFixture.PASSWORD.toCharArray(), dataRoot, Clock.systemUTC(), options(pageLimit));
    }

    DesktopClient resume(String username) {
        return DesktopClients.resume(account(username), dataRoot, Clock.systemUTC(), options(1000)).orElseThrow();
    }

    /** A patient texts the practice (through the real, signed webhook). */
    void inbound(String from, String body) {
        HttpResponse<String> response = relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), from, practice.number(), body));
        if (response.statusCode() != 200) {
            throw new AssertionError("webhook refused: " + response.statusCode() + " " + response.body());
        }
        texts++;
    }

    /** A distinct, valid US number for the n-th patient. */
    static String phone(int n) {
        return String.format("+1312555%04d", n);
    }

    /** Imports patients through the relay's CSV import, as the practice's staff would ({@code name,phone} rows). */
    void importPatients(String csvRows) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/contacts/import")))
                .header("Authorization", "Bearer " + relay.signIn(practice, "staff"))
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name,phone\n" + csvRows)).build();
        HttpResponse<String> response = relay.send(request);
        if (response.statusCode() != 200 || !relay.read(response).path("refused").isEmpty()) {
            throw new AssertionError("import refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** The relay's own view of one entity type, newest state by id. */
    Map<Long, JsonNode> relayEntities(String type) {
        return relay.entities(relay.signIn(practice, "admin"), type);
    }

    void stopRelay() {
        relays.stop();
    }

    void startRelay() {
        relay = relays.restart();
    }

    /** The relay comes back with {@code env} on top of its settings (its operator changed one). */
    void startRelay(Map<String, String> env) {
        relay = relays.restart(env);
    }

    static void awaitState(DesktopClient client, ConnectionState.Kind kind) {
        Await.until("the client is " + kind, () -> client.session().connection().kind() == kind, () -> "It is " + client.session().connection() + ".");
    }

    int texts() {
        return texts;
    }

    @Override
    public void close() {
        relays.close();
    }
}
