// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.LogCapture;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;

/** The operator API of a real relay on a real port, with {@code PT_OPERATOR_TOKEN} set: every act, its refusals and its audit. */
class OperatorApiTest {
    static final String TOKEN = "operator-token-for-tests-0123456789abcdef";
    private static final AtomicInteger SLUGS = new AtomicInteger();

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create().withEnv(Map.of("PT_OPERATOR_TOKEN", TOKEN));

    private static final OperatorClient OPERATOR = new OperatorClient(relay, TOKEN);

    static HttpResponse<String> call(String method, String path, String token, String json) {
        return OPERATOR.call(method, path, token, json);
    }

    static HttpResponse<String> call(String method, String path, Object body) {
        return OPERATOR.call(method, path, body);
    }

    private static String newSlug() {
        return "op-" + SLUGS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    private static String newNumber() {
        return String.format("+1555%07d", 7_000_000 + SLUGS.incrementAndGet() * 13 + (int) (System.nanoTime() % 13));
    }

    private static String created(String slug) {
        HttpResponse<String> r = call("POST", "/admin/v1/practices", Map.of("slug", slug, "name", "Op Dental", "timeZone", "America/Denver"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return slug;
    }

    private static String code(HttpResponse<String> r) {
        return relay.read(r).get("error").get("code").asText();
    }

    /** A practice's secure links: shown with an empty body, changed field by field, kept within 1 to 365 days, and obeyed by the next link. */
    @Test
    void aPracticesSecureLinksAskTheBirthDateOrNotAndLiveTheDaysItSets() {
        RelayFixture.TestPractice practice = relay.newPractice();
        String slug = practice.slug();

        HttpResponse<String> shown = call("POST", "/admin/v1/practices/" + slug + "/links", TOKEN, "");
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(relay.read(shown).get("askBirthDate").asBoolean()).isTrue();
        assertThat(relay.read(shown).get("days").asInt()).isEqualTo(30);
        HttpResponse<String> changed = call("POST", "/admin/v1/practices/" + slug + "/links", Map.of("askBirthDate", false, "days", 7));
        assertThat(relay.read(changed).get("askBirthDate").asBoolean()).isFalse();
        assertThat(relay.read(changed).get("days").asInt()).isEqualTo(7);
        HttpResponse<String> onlyDays = call("POST", "/admin/v1/practices/" + slug + "/links", Map.of("days", 14));
        assertThat(relay.read(onlyDays).get("askBirthDate").asBoolean()).as("a field left out keeps its value").isFalse();
        assertThat(call("POST", "/admin/v1/practices/" + slug + "/links", Map.of("days", 0)).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/admin/v1/practices/" + slug + "/links", Map.of("days", 366)).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/admin/v1/practices/no-such-practice/links", Map.of("days", 5)).statusCode()).isEqualTo(404);

        String staff = relay.signIn(practice, "staff");
        java.net.http.HttpRequest csv = java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.uri("/api/v1/contacts/import")))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("phone,dob\n+15558670011,1970-01-02\n")).build();
        assertThat(relay.send(csv).statusCode()).isEqualTo(200);
        java.net.http.HttpRequest upload = java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.uri("/api/v1/uploads?name=a.pdf")))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/pdf")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("%PDF-1.4\n%%EOF\n")).build();
        String id = relay.read(relay.send(upload)).get("id").asText();
        HttpResponse<String> sent = relay.postJson("/api/v1/messages", staff, Map.of("clientId", java.util.UUID.randomUUID().toString(),
                "to", "+15558670011", "uploads", java.util.List.of(id)));
        com.fasterxml.jackson.databind.JsonNode message = relay.read(sent);
        assertThat(java.time.Instant.parse(message.get("media").get(0).get("expiresAt").asText()))
                .isEqualTo(relay.clock.instant().plus(java.time.Duration.ofDays(14)));
        String body = message.get("body").asText();
        String page = java.net.URI.create(body.substring(body.indexOf(RelayFixture.PUBLIC_URL))).getRawPath();
        HttpResponse<String> preview = relay.get(page, null);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).as("no date of birth asked, but a button: a link preview neither sees nor opens the documents")
                .contains("sent you a document").contains("Show my document").doesNotContain("a.pdf").doesNotContain("Date of birth");
        HttpResponse<String> pressed = relay.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.uri(page)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(pressed.statusCode()).isEqualTo(303);
        String cookie = pressed.headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> open = relay.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.uri(page)))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).GET().build());
        assertThat(open.body()).contains("a.pdf");
    }

    @Test
    void withoutTheTokenOrWithAWrongOneNothingIsDoneAndTheAnswerSaysWhich() {
        String slug = newSlug();
        HttpResponse<String> none = call("POST", "/admin/v1/practices", null, "{\"slug\":\"" + slug + "\",\"name\":\"X\"}");
        HttpResponse<String> wrong = call("POST", "/admin/v1/practices", TOKEN + "x", "{\"slug\":\"" + slug + "\",\"name\":\"X\"}");
        HttpResponse<String> prefix = call("GET", "/admin/v1/practices", TOKEN.substring(0, 20), null);
        HttpResponse<String> unknownPath = call("GET", "/admin/v1/nothing-here", null, null);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(code(none)).isEqualTo("unauthorized");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(code(wrong)).isEqualTo("invalid_token");
        assertThat(prefix.statusCode()).isEqualTo(401);
        assertThat(unknownPath.statusCode()).isEqualTo(401);
        assertThat(call("GET", "/admin/v1/practices/" + slug, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPracticeIsCreatedListedAndShownWithItsFrontDesk() {
        String slug = created(newSlug());

        JsonNode shown = relay.read(call("GET", "/admin/v1/practices/" + slug, null));
        JsonNode list = relay.read(call("GET", "/admin/v1/practices", null));

        assertThat(shown.get("slug").asText()).isEqualTo(slug);
        assertThat(shown.get("timeZone").asText()).isEqualTo("America/Denver");
        assertThat(shown.get("region").asText()).isEqualTo("US");
        assertThat(shown.get("numbers").asInt()).isZero();
        assertThat(list.findValuesAsText("slug")).contains(slug);
    }

    @Test
    void badInputIsAPrecise4xx() {
        String slug = created(newSlug());
        String number = newNumber();
        assertThat(call("POST", "/admin/v1/practices/" + slug + "/numbers", Map.of("number", number)).statusCode()).isEqualTo(201);
        String other = created(newSlug());

        HttpResponse<String> duplicateSlug = call("POST", "/admin/v1/practices", Map.of("slug", slug, "name", "Again"));
        HttpResponse<String> badSlug = call("POST", "/admin/v1/practices", Map.of("slug", "Not A Slug", "name", "X"));
        HttpResponse<String> badZone = call("POST", "/admin/v1/practices", Map.of("slug", newSlug(), "name", "X", "timeZone", "Mars/Olympus"));
        HttpResponse<String> malformed = call("POST", "/admin/v1/practices/" + slug + "/numbers", Map.of("number", "555-1234"));
        HttpResponse<String> taken = call("POST", "/admin/v1/practices/" + other + "/numbers", Map.of("number", number));
        HttpResponse<String> unknown = call("POST", "/admin/v1/practices/no-such-practice/numbers", Map.of("number", newNumber()));
        HttpResponse<String> notJson = call("POST", "/admin/v1/practices", TOKEN, "{\"slug\":");
        HttpResponse<String> noBody = call("POST", "/admin/v1/practices/" + slug + "/api-keys", TOKEN, null);
        HttpResponse<String> badId = call("DELETE", "/admin/v1/practices/" + slug + "/api-keys/abc", null);
        HttpResponse<String> badRole = call("POST", "/admin/v1/practices/" + slug + "/users", Map.of("username", "kim", "role", "owner"));

        assertThat(duplicateSlug.statusCode()).isEqualTo(409);
        assertThat(code(duplicateSlug)).isEqualTo("conflict");
        assertThat(badSlug.statusCode()).isEqualTo(400);
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(relay.read(badZone).get("error").get("message").asText()).contains("Mars/Olympus");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(relay.read(malformed).get("error").get("message").asText()).contains("E.164");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(code(notJson)).isEqualTo("malformed_json");
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badRole.statusCode()).isEqualTo(400);
    }

    @Test
    void aNumberAddedWhileTheRelayRunsTakesTextsAtOnce() {
        String slug = created(newSlug());
        String number = newNumber();
        HttpResponse<String> added = call("POST", "/admin/v1/practices/" + slug + "/numbers", Map.of("number", number, "inbox", "Billing"));
        call("POST", "/admin/v1/practices/" + slug + "/users", Map.of("username", "ada", "name", "Ada", "role", "admin",
                "password", RelayFixture.PASSWORD));
        String token = relay.signIn(new RelayFixture.TestPractice(slug, number), "ada");

        HttpResponse<String> texted = relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), "+15553334444", number, "Hi"));

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(relay.read(added).get("inbox").asText()).isEqualTo("Billing");
        assertThat(texted.statusCode()).isEqualTo(200);
        assertThat(relay.entities(token, "message").values()).anySatisfy(m -> assertThat(m.get("body").asText()).isEqualTo("Hi"));
        JsonNode numbers = relay.read(call("GET", "/admin/v1/practices/" + slug + "/numbers", null));
        assertThat(numbers.findValuesAsText("number")).containsExactly(number);
    }

    @Test
    void aNumberIsRemovedOnlyWhileNoConversationHoldsIt() {
        String slug = created(newSlug());
        String quiet = newNumber();
        String busy = newNumber();
        long quietId = relay.read(call("POST", "/admin/v1/practices/" + slug + "/numbers", Map.of("number", quiet))).get("id").asLong();
        long busyId = relay.read(call("POST", "/admin/v1/practices/" + slug + "/numbers", Map.of("number", busy))).get("id").asLong();
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), "+15553335555", busy, "Hello"));

        HttpResponse<String> removed = call("DELETE", "/admin/v1/practices/" + slug + "/numbers/" + quietId, null);
        HttpResponse<String> kept = call("DELETE", "/admin/v1/practices/" + slug + "/numbers/" + busyId, null);
        HttpResponse<String> again = call("DELETE", "/admin/v1/practices/" + slug + "/numbers/" + quietId, null);

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(kept.statusCode()).isEqualTo(409);
        assertThat(relay.read(kept).get("error").get("message").asText()).contains("1 conversation");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(relay.read(call("GET", "/admin/v1/practices/" + slug + "/numbers", null)).findValuesAsText("number")).containsExactly(busy);
    }

    @Test
    void aUserGetsAOneTimePasswordOnceThatSignsThemInToChooseTheirOwn() {
        String slug = created(newSlug());

        HttpResponse<String> r = call("POST", "/admin/v1/practices/" + slug + "/users", Map.of("username", "kim", "name", "Kim Lee", "role", "staff"));
        String password = relay.read(r).get("password").asText();
        HttpResponse<String> signIn = relay.postJson("/api/v1/session", null, Map.of("practice", slug, "username", "kim", "password", password));
        JsonNode users = relay.read(call("GET", "/admin/v1/practices/" + slug + "/users", null));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(relay.read(signIn).get("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(users.get(0).get("status").asText()).isEqualTo("invited");
        assertThat(users.findValuesAsText("username")).containsExactly("kim");
        assertThat(users.toString()).doesNotContain(password);
        HttpResponse<String> duplicate = call("POST", "/admin/v1/practices/" + slug + "/users", Map.of("username", "KIM", "role", "staff"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
    }

    @Test
    void deactivatingAUserEndsTheirSessionsAtOnce() {
        String slug = created(newSlug());
        long id = relay.read(call("POST", "/admin/v1/practices/" + slug + "/users",
                Map.of("username", "sam", "role", "staff", "password", RelayFixture.PASSWORD))).get("user").get("id").asLong();
        String token = relay.signIn(new RelayFixture.TestPractice(slug, null), "sam");

        HttpResponse<String> r = call("POST", "/admin/v1/practices/" + slug + "/users/" + id + "/deactivate", Map.of());
        HttpResponse<String> after = relay.get("/api/v1/session", token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(relay.read(r).get("status").asText()).isEqualTo("deactivated");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(relay.postJson("/api/v1/session", null, Map.of("practice", slug, "username", "sam", "password", RelayFixture.PASSWORD))
                .statusCode()).isEqualTo(401);
        assertThat(call("POST", "/admin/v1/practices/" + slug + "/users/999999/deactivate", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aResetPasswordReplacesTheOldOneAndEndsSessions() {
        String slug = created(newSlug());
        long id = relay.read(call("POST", "/admin/v1/practices/" + slug + "/users",
                Map.of("username", "dee", "role", "staff", "password", RelayFixture.PASSWORD))).get("user").get("id").asLong();
        String token = relay.signIn(new RelayFixture.TestPractice(slug, null), "dee");

        HttpResponse<String> r = call("POST", "/admin/v1/practices/" + slug + "/users/" + id + "/password", null);
        String fresh = relay.read(r).get("password").asText();

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(relay.get("/api/v1/session", token).statusCode()).isEqualTo(401);
        assertThat(relay.postJson("/api/v1/session", null, Map.of("practice", slug, "username", "dee", "password", RelayFixture.PASSWORD))
                .statusCode()).isEqualTo(401);
        assertThat(relay.postJson("/api/v1/session", null, Map.of("practice", slug, "username", "dee", "password", fresh))
                .statusCode()).isEqualTo(200);
        assertThat(relay.read(r).get("passwordExpiresAt").isNull()).isFalse();
    }

    @Test
    void anApiKeyIsShownOnceListedWithoutItsSecretAndRevoked() {
        String slug = created(newSlug());
        call("POST", "/admin/v1/practices/" + slug + "/numbers", Map.of("number", newNumber()));

        JsonNode issued = relay.read(call("POST", "/admin/v1/practices/" + slug + "/api-keys", Map.of("name", "Reminders")));
        String key = issued.get("key").asText();
        long id = issued.get("apiKey").get("id").asLong();
        HttpResponse<String> list = call("GET", "/admin/v1/practices/" + slug + "/api-keys", null);
        HttpResponse<String> sent = campaign(key);
        HttpResponse<String> revoked = call("DELETE", "/admin/v1/practices/" + slug + "/api-keys/" + id, null);
        HttpResponse<String> refused = campaign(key);

        assertThat(key).startsWith("ptk_");
        assertThat(list.body()).contains("Reminders").doesNotContain(key.substring(4));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(relay.read(revoked).get("revokedAt").isNull()).isFalse();
        assertThat(refused.statusCode()).isEqualTo(401);
        String other = created(newSlug());
        assertThat(call("DELETE", "/admin/v1/practices/" + other + "/api-keys/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void everyActIsAuditedWithoutPhoneNumbersNamesOrSecrets() {
        String slug = newSlug();
        String number = newNumber();
        String audit;
        String key;
        try (LogCapture log = new LogCapture()) {
            created(slug);
            call("POST", "/admin/v1/practices/" + slug + "/numbers", Map.of("number", number));
            call("POST", "/admin/v1/practices/" + slug + "/users", Map.of("username", "zelda-q", "name", "Zelda Quartz", "role", "staff",
                    "password", "zelda's own password"));
            key = relay.read(call("POST", "/admin/v1/practices/" + slug + "/api-keys", Map.of("name", "Recall Robot"))).get("key").asText();
            call("GET", "/admin/v1/practices", "wrong-token-" + TOKEN, null);
            audit = log.text();
        }

        assertThat(audit).contains("created the practice").contains("added number").contains("created user").contains("created API key")
                .contains("refused a request");
        assertThat(audit).doesNotContain(number.substring(1)).doesNotContain("Zelda").doesNotContain("zelda")
                .doesNotContain("Recall Robot").doesNotContain(key.substring(4)).doesNotContain(TOKEN);
    }

    private static HttpResponse<String> campaign(String key) {
        return relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/campaign-messages")))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"+15554441212\",\"body\":\"Reminder\",\"campaign\":\"Recall\"}")).build());
    }

    @Test
    void thePracticesLastActiveAdminIsNotDeactivated() {
        String slug = created(newSlug());
        long id = relay.read(call("POST", "/admin/v1/practices/" + slug + "/users",
                Map.of("username", "boss", "role", "admin", "password", RelayFixture.PASSWORD))).get("user").get("id").asLong();

        HttpResponse<String> r = call("POST", "/admin/v1/practices/" + slug + "/users/" + id + "/deactivate", Map.of());

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("last_admin");
    }
}
