// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.SyncSettings;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Practices;

/**
 * A test's world: a real relay (which can be stopped and started again on the same port and
 * file), one practice on it, and a data folder for desktop clients. Short backoff so reconnects
 * are quick; otherwise the production settings.
 */
final class DeskBench implements AutoCloseable {
    static final SyncSettings FAST = SyncSettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(250));

    private final Path relayDir;
    final Path dataRoot;
    RelayFixture relay;
    final TestPractice practice;
    private final int port;
    private int texts;

    DeskBench(Path temp) {
        this.relayDir = temp.resolve("relay");
        this.dataRoot = temp.resolve("desktop");
        this.relay = new RelayFixture(relayDir);
        this.port = relay.server.port();
        this.practice = relay.newPractice();
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

    /** Names a contact a patient, as the patient import will (until then, straight in the relay's store). */
    void namePatient(String phone, String name) {
        relay.server.database().inTransaction(tx -> {
            long practiceId = new Practices().bySlug(tx, practice.slug()).orElseThrow().id();
            relay.server.feed().lock(tx, practiceId);
            tx.update("UPDATE contact SET name = ?, kind = 'patient' WHERE practice_id = ? AND phone = ?", name, practiceId, phone);
            ContactView contact = new Contacts().byPhone(tx, practiceId, phone).orElseThrow();
            relay.server.feed().append(tx, practiceId, EventTypes.CONTACT, contact.id(), contact);
            return null;
        });
    }

    /** The relay's own view of one entity type, newest state by id. */
    Map<Long, JsonNode> relayEntities(String type) {
        return relay.entities(relay.signIn(practice, "admin"), type);
    }

    void stopRelay() {
        relay.close();
    }

    void startRelay() {
        relay = new RelayFixture(relayDir, Map.of("PT_PORT", Integer.toString(port)));
    }

    static void awaitState(DesktopClient client, ConnectionState.Kind kind) {
        Await.until("the client is " + kind, () -> client.connection().kind() == kind, () -> "It is " + client.connection() + ".");
    }

    int texts() {
        return texts;
    }

    @Override
    public void close() {
        relay.close();
    }
}
