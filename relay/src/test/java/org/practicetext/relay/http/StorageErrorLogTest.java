// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.protocol.Json;
import org.practicetext.relay.LogCapture;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.TestStore;
import org.practicetext.relay.store.Database;

/**
 * Real database errors (H2's or PostgreSQL's, {@link TestStore}), raised by real statements against the relay's schema, travel the real error
 * path ({@link ErrorHandling} on a Javalin server) and are logged; the log names the SQLState and
 * the column or constraint, never the value that broke it.
 */
class StorageErrorLogTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    static Javalin app;
    static long practiceId;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        RelayFixture.TestPractice practice = relay.newPractice();
        Database db = relay.server.database();
        practiceId = db.read(tx -> tx.queryOne("SELECT id FROM practice WHERE slug = ?", rs -> rs.getLong(1), practice.slug())).orElseThrow();
        app = Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), true));
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.startup.showJavalinBanner = false;
            ErrorHandling.install(cfg);
            // The form's fields go into a contact row exactly as a careless caller would send them.
            cfg.routes.post("/contact", ctx -> db.inTransaction(tx -> tx.update(
                    "INSERT INTO contact (practice_id, phone, kind, name, created_at) VALUES (?, ?, 'patient', ?, ?)",
                    practiceId, ctx.formParam("phone"), ctx.formParam("name"), Instant.parse("2026-11-02T15:00:00Z"))));
        });
        app.start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> contact(String phone, String name) throws IOException, InterruptedException {
        String form = RelayFixture.form(java.util.Map.of("phone", phone, "name", name));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/contact"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPhoneNumberTooLongForItsColumnIsLoggedByColumnNotByValue() throws Exception {
        String phone = "+1555012398765432"; // 17 characters for a 16-character column
        try (LogCapture log = new LogCapture("org.practicetext", "io.javalin")) {
            HttpResponse<String> answer = contact(phone, "Quentin Abernathy");

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(log.text()).contains("22001").doesNotContain("55501239876").doesNotContain("Quentin");
            if (TestStore.current() == TestStore.H2) {
                assertThat(log.text()).contains("PHONE"); // PostgreSQL's "value too long" names no column, only the type
            }
        }
    }

    @Test
    void aNameTooLongForItsColumnIsLoggedWithoutTheName() throws Exception {
        String name = "Philippa Wetherington-Smythe ".repeat(300);
        try (LogCapture log = new LogCapture("org.practicetext", "io.javalin")) {
            HttpResponse<String> answer = contact("+15550124444", name);

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(log.text()).contains("22001").doesNotContain("Wetherington").doesNotContain("5550124444");
            if (TestStore.current() == TestStore.H2) {
                assertThat(log.text()).contains("NAME");
            }
        }
    }

    @Test
    void aUniqueViolationIsLoggedByConstraintNotByKey() throws Exception {
        String phone = "+15550127777";
        assertThat(contact(phone, "Marguerite Okonkwo").statusCode()).isEqualTo(200);
        try (LogCapture log = new LogCapture("org.practicetext", "io.javalin")) {
            HttpResponse<String> answer = contact(phone, "Marguerite Okonkwo");

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(log.text()).contains("23505").containsIgnoringCase("CONTACT_PHONE").doesNotContain("5550127777").doesNotContain("Okonkwo");
        }
    }

    @Test
    @org.practicetext.relay.H2Only("H2's own trace file")
    void h2WritesNoTraceFileThatQuotesTheValue() throws Exception {
        String phone = "+1555013912345678";
        contact(phone, "Evangeline Thistlewood");

        try (Stream<Path> files = Files.walk(relay.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".mv.db")).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain("55501391234").doesNotContain("Thistlewood");
            }
        }
    }
}
