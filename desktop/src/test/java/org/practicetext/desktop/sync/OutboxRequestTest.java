// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.RequestKind;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.MessageQueries;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.RequestDraft;

/**
 * A request through the outbox (ADR 0024), against a stand-in relay that records what it is sent:
 * the draft waits offline and over a restart, its document is uploaded first and named in the
 * draft (never in the message's uploads), and every attempt carries the same client id.
 */
class OutboxRequestTest {
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final RequestDraft DRAFT = new RequestDraft(RequestKind.PAYMENT, 12_000L, "Cleaning on Dec 1", "INV-7", List.of(), null, false);

    @TempDir
    Path temp;
    final List<JsonNode> sends = new CopyOnWriteArrayList<>();
    final List<String> uploads = new CopyOnWriteArrayList<>();
    /** What the stand-in answers the next sends with (202 once empty). */
    final Deque<Integer> refusals = new ArrayDeque<>();
    /** Unreachable for the desk: the stand-in answers 503 (as a proxy in front of a relay that is down). */
    volatile boolean offline;
    HttpServer relay;
    CacheDatabase db;

    @BeforeEach
    void start() throws IOException {
        relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relay.createContext("/api/v1/uploads", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (offline) {
                answer(exchange, 503, "{}");
                return;
            }
            uploads.add(exchange.getRequestURI().getQuery());
            answer(exchange, 201, "{\"id\":\"upload-" + uploads.size() + "\",\"fileName\":\"statement.pdf\",\"contentType\":\"application/pdf\","
                    + "\"size\":" + PDF.length + ",\"delivery\":\"link\"}");
        });
        relay.createContext("/api/v1/messages", exchange -> {
            JsonNode sent = Json.mapper().readTree(exchange.getRequestBody());
            if (offline) {
                answer(exchange, 503, "{}");
                return;
            }
            sends.add(sent);
            Integer refusal = refusals.poll();
            if (refusal != null) {
                answer(exchange, refusal, "{\"error\":{\"code\":\"opted_out\",\"message\":\"Maria has opted out of texts.\"}}");
            } else {
                answer(exchange, 202, "{\"id\":900,\"conversationId\":70}");
            }
        });
        relay.start();
    }

    @AfterEach
    void stop() {
        relay.stop(0);
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aRequestQueuedOfflineSurvivesARestartAndGoesWithItsDocumentBehindTheLinkUnderItsClientId() throws Exception {
        offline = true;
        db = CacheDatabase.open(temp.resolve("account"));
        Outbox outbox = new Outbox(db, Clock.systemUTC(), () -> "Sam Staff");
        Outbox.Entry queued = outbox.enqueueRequest(70, "+13125550107", "(312) 555-0107", "Your statement: {link}", DRAFT,
                OutgoingFile.onDisk(Files.write(temp.resolve("statement.pdf"), PDF), "application/pdf", PDF.length));
        MessageRow bubble = new MessageQueries(db).page(70, null, 5).messages().getLast();
        assertThat(bubble.status()).as("shown at once as a sending message").isEqualTo("sending");
        assertThat(bubble.media()).as("the document goes behind the link, not in the MMS").isEmpty();
        assertThatThrownBy(() -> delivery(outbox).deliverWaiting()).as("offline").isInstanceOf(RelayException.class);
        db.close();

        db = CacheDatabase.open(temp.resolve("account"));
        Outbox again = new Outbox(db, Clock.systemUTC(), () -> "Sam Staff");
        assertThat(again.all()).singleElement().satisfies(e -> {
            assertThat(e.clientId()).isEqualTo(queued.clientId());
            assertThat(Outbox.parse(e.payload()).request()).isEqualTo(DRAFT);
        });
        offline = false;
        delivery(again).deliverWaiting();

        assertThat(uploads).as("the statement was uploaded once").hasSize(1);
        assertThat(sends).singleElement().satisfies(sent -> {
            assertThat(sent.path("clientId").asText()).isEqualTo(queued.clientId());
            assertThat(sent.path("body").asText()).isEqualTo("Your statement: {link}");
            assertThat(sent.path("request").path("document").asText()).isEqualTo("upload-1");
            assertThat(sent.path("request").path("amountCents").asLong()).isEqualTo(12_000L);
            assertThat(sent.path("uploads").isMissingNode() || sent.path("uploads").isNull()).as("not an MMS file").isTrue();
        });
        assertThat(again.all()).isEmpty();
        assertThat(copies()).as("the outbox's copy is deleted once sent").isEmpty();
    }

    @Test
    void aRefusedRequestFailsWithTheRelaysWordsAndItsRetryKeepsTheClientIdAndTheUpload() throws Exception {
        refusals.add(409);
        db = CacheDatabase.open(temp.resolve("account"));
        Outbox outbox = new Outbox(db, Clock.systemUTC(), () -> "Sam Staff");
        outbox.enqueueRequest(70, "+13125550107", "(312) 555-0107", "Your plan: {link}",
                new RequestDraft(RequestKind.TREATMENT_PLAN, null, "Crown", null, List.of(), null, false),
                OutgoingFile.inMemory("plan.pdf", "application/pdf", PDF));
        OutboxDelivery delivery = delivery(outbox);

        delivery.deliverWaiting();
        Outbox.Entry failed = outbox.all().getFirst();
        assertThat(failed.failed()).isTrue();
        assertThat(failed.errorMessage()).isEqualTo("Maria has opted out of texts.");
        outbox.retry(failed.id());
        delivery.deliverWaiting();

        assertThat(uploads).as("the retry sent the upload id it had").hasSize(1);
        assertThat(sends).hasSize(2).extracting(s -> s.path("clientId").asText()).containsOnly(failed.clientId());
        assertThat(sends.getLast().path("request").path("document").asText()).isEqualTo("upload-1");
        assertThat(outbox.all()).isEmpty();
    }

    @Test
    void aRequestWithoutADocumentSendsItsDraftAsItIs() throws Exception {
        db = CacheDatabase.open(temp.resolve("account"));
        Outbox outbox = new Outbox(db, Clock.systemUTC(), () -> "Sam Staff");
        RequestDraft review = new RequestDraft(RequestKind.REVIEW, null, null, null, List.of(), null, true);
        outbox.enqueueRequest(70, "+13125550107", "(312) 555-0107", "Tell us how we did: {link}", review, null);

        delivery(outbox).deliverWaiting();

        assertThat(uploads).isEmpty();
        assertThat(Json.mapper().treeToValue(sends.getFirst().path("request"), RequestDraft.class)).isEqualTo(review);
    }

    private OutboxDelivery delivery(Outbox outbox) {
        RelayApi api = new RelayApi(URI.create("http://127.0.0.1:" + relay.getAddress().getPort()), Duration.ofSeconds(5));
        api.useToken("token");
        return new OutboxDelivery(api, outbox, db, changes -> { });
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private List<Path> copies() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve("account").resolve("outbox"))) {
            return files.toList();
        }
    }
}
