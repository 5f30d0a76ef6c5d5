// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.SimulatedInbound;
import org.practicetext.relay.TestClock;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.testkit.DemoRelayServer;

/**
 * A signed-in desk for UI tests: testkit's {@link DemoRelayServer} (a real relay on a random port
 * with the demo practice, Bright Smile Dental) on a test clock, the real desktop client signed in
 * as a demo team member and caught up, the same-thread executor seam and a session. "A patient
 * texts" goes through the real, signed webhook (the simulated carrier posts it); the relay can be
 * stopped and started again on the same port to test offline.
 *
 * <p>{@link #as} signs in now (for a test's {@code @BeforeEach}); {@link #forClass} is an
 * extension that signs in before the class's tests and closes after them.
 */
public final class DemoDesk implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    public DesktopClient client;
    public final SameThreadUiTasks tasks = new SameThreadUiTasks();
    public UiSession session;
    private final String username;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-02T15:00:00Z"));
    private Account account;
    private Path root;
    private DemoRelayServer relay;

    private DemoDesk(String username) {
        this.username = username;
    }

    private DemoDesk signIn() throws IOException, RelayException {
        root = Files.createTempDirectory("pt-desk-");
        // The simulated carrier answers at a test's pace, as the relay fixture's does.
        relay = DemoRelayServer.create(clock).withEnv(Map.of("PT_SIMULATED_STEP_MS", "40")).start();
        account = new Account(relay.uri(), DemoPractice.SLUG, username);
        client = DesktopClients.signIn(account, DemoPractice.PASSWORD.toCharArray(), root.resolve("desktop"), clock);
        // A role without sms.view is served no conversations: its first sync has brought the directory.
        awaitClient("the first sync", () -> client.session().connection().kind() == ConnectionState.Kind.ONLINE
                && (client.session().can(org.practicetext.core.Permission.SMS_VIEW)
                        ? !client.conversations().conversations(ConversationFilter.defaults().withStatus(ConversationFilter.Status.ALL), 20).isEmpty()
                        : !client.directory().contacts("", 20).isEmpty()));
        session = UiSession.open(client, tasks, LocalSettings.load(null), clock);
        return this;
    }

    /** Signs in as a demo team member: alex (admin), jordan (staff), sam (viewer) or casey (billing, no texting). */
    public static DemoDesk as(String username) {
        try {
            return new DemoDesk(username).signIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RelayException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A desk for all tests of a class: {@code @RegisterExtension static final DemoDesk desk = DemoDesk.forClass("alex");}. */
    public static DemoDesk forClass(String username) {
        return new DemoDesk(username);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (relay == null) {
            signIn();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        // Nested classes share the desk; the outermost class closes it.
        if (context.getParent().flatMap(ExtensionContext::getTestClass).isEmpty()) {
            close();
        }
    }

    /** The app restarts: the client is closed and resumed from the same data folder, with a new session. */
    public void restartClient() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        client = DesktopClients.resume(account, root.resolve("desktop"), clock).orElseThrow();
        session = UiSession.open(client, tasks, LocalSettings.load(null), clock);
    }

    /** A patient (or anyone) texts the practice, a minute after the last event. */
    public void patientTexts(String from, String body) {
        clock.advance(Duration.ofMinutes(1));
        try {
            relay.receiveText(from, body);
        } catch (InvalidPhoneNumberException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A patient texts the practice with files (a photo of their insurance card), a minute after the
     * last event, through the simulator's endpoint: the simulated carrier keeps each file at a media
     * address and the relay fetches it from there as it would from Twilio.
     */
    public void patientSends(String from, String body, List<SimulatedInbound.File> media) {
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> response = postJson(Endpoints.SIMULATE_INBOUND.template(), adminToken(), new SimulatedInbound(from, body, null, media));
        if (response.statusCode() != 202) {
            throw new AssertionError("simulated inbound refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** An administrator saves a template on the relay (it reaches the desk through the feed). */
    public void adminCreatesTemplate(String name, String body) {
        HttpResponse<String> response = postJson("/api/v1/templates", adminToken(), Map.of("name", name, "body", body));
        if (response.statusCode() != 201) {
            throw new AssertionError("template refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** An administrator deletes every template the demo was seeded with (for the "no templates yet" story). */
    public void adminDeletesEveryTemplate() {
        String token = adminToken();
        for (var template : client.directory().templates()) {
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(relay.uri().resolve("/api/v1/templates/" + template.id()))
                        .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new AssertionError("delete refused: " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The patient answers a treatment plan on its page, as a browser would: the "Show my treatment
     * plan" button (the demo's patients have no date of birth on file), then Accept or Decline.
     */
    public void patientAnswersPlan(String link, boolean accept) {
        String page = java.net.URI.create(link).getRawPath();
        try (HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build()) {
            http.send(HttpRequest.newBuilder(relay.uri().resolve(page)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(relay.uri().resolve(page + "/decision"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("decision=" + (accept ? "accept" : "decline"))).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 303) {
                throw new AssertionError("the plan's page refused the answer: " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String adminToken() {
        HttpResponse<String> session = postJson("/api/v1/session", null,
                Map.of("practice", DemoPractice.SLUG, "username", "alex", "password", DemoPractice.PASSWORD));
        try {
            return Json.mapper().readTree(session.body()).get("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> postJson(String path, String token, Object body) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(relay.uri().resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The conversation (open or closed) whose contact shows as {@code name}, as the cache has it now. */
    public ConversationRow conversationNamed(String name) {
        return client.conversations().conversations(org.practicetext.core.ConversationFilter.defaults()
                .withStatus(org.practicetext.core.ConversationFilter.Status.ALL), 100).stream()
                .filter(r -> r.displayName().equals(name)).findFirst().orElseThrow();
    }

    /** The conversation with this E.164 number, as the cache has it now. */
    public ConversationRow conversationOf(String phone) {
        return client.directory().contactByPhone(phone).flatMap(c -> client.conversations().conversation(c.conversationId())).orElseThrow();
    }

    /** The desktop data folder (each account's cache is below it). */
    public Path desktopData() {
        return root.resolve("desktop");
    }

    /** The demo relay's address, for a second sign-in on the same relay. */
    public java.net.URI relayUri() {
        return relay.uri();
    }

    /** The relay's clock (tests move it); screens of this desk should read time from it too. */
    public java.time.Clock clock() {
        return clock;
    }

    /** The relay goes away (the client goes offline). */
    public void stopRelay() {
        relay.stop();
    }

    /** The relay comes back on the same port and file. */
    public void startRelay() {
        relay.restart();
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

    /** A number the relay's own database answers ({@code SELECT COUNT(*) …}): what reached the relay, whatever the desk shows. */
    public long relayCount(String sql, Object... params) {
        return relay.server().database().read(tx -> tx.queryOne(sql, rs -> rs.getLong(1), params)).orElseThrow();
    }

    @Override
    public void close() {
        client.close();
        relay.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the desk's temp folder", e);
        }
    }
}
