// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.protocol.EventTypes;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * Requests end to end on a real relay (ADR 0024): each kind's creation with its message, its link
 * and the patient's page, open tracking, the order of statuses, expiry, cancel and resend (the old
 * link dead), another practice's ids, roles and features, and the opted-out refusal. The payment
 * provider is a recording one at the edge (the Stripe path has tests of its own).
 */
class RequestsTest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger PHONES = new AtomicInteger();

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    static final RecordingPayments payments = new RecordingPayments();

    TestPractice practice;
    String staff;
    String admin;

    @BeforeAll
    static void provider() {
        relay.server.requests().provider(payments);
    }

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        staff = relay.signIn(practice, "staff");
        admin = relay.signIn(practice, "admin");
        payments.down = false;
    }

    static String phone() {
        return String.format("+1555%07d", 8_000_000 + PHONES.incrementAndGet());
    }

    HttpResponse<String> send(String to, String body, Map<String, Object> request) {
        return send(staff, to, body, request, UUID.randomUUID().toString());
    }

    HttpResponse<String> send(String token, String to, String body, Map<String, Object> request, String clientId) {
        Map<String, Object> message = new HashMap<>();
        message.put("clientId", clientId);
        message.put("to", to);
        message.put("body", body);
        message.put("request", request);
        return relay.postJson("/api/v1/messages", token, message);
    }

    JsonNode request(String token, JsonNode message) {
        return relay.awaitEntity(token, EventTypes.REQUEST, r -> r.get("messageId").asLong() == message.get("id").asLong());
    }

    JsonNode request(long id) {
        return relay.read(relay.get("/api/v1/requests/" + id, staff));
    }

    static String path(String link) {
        return URI.create(link).getRawPath();
    }

    HttpResponse<String> patch(String path, String token, Object body) {
        try {
            return relay.send(HttpRequest.newBuilder(URI.create(relay.uri(path))).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(relay.json.writeValueAsString(body)))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> form(String path, String form) {
        return relay.send(HttpRequest.newBuilder(URI.create(relay.uri(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    String upload(String name) {
        HttpRequest upload = HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/uploads?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(PDF))
                .build();
        return relay.read(relay.send(upload)).get("id").asText();
    }

    Map<String, Object> payment(long cents, String what) {
        return Map.of("kind", "payment", "amountCents", cents, "description", what, "reference", "INV-1042");
    }

    @Test
    void aPaymentRequestIsAMessageWithItsLinkWhereThePlaceholderWas() {
        JsonNode settings = relay.read(relay.get("/api/v1/settings", staff));
        assertThat(settings.get("payments").asText()).isEqualTo("recording");
        assertThat(settings.get("linkBase").asText()).isEqualTo(RelayFixture.PUBLIC_URL + "/l/");
        assertThat(settings.get("currency").asText()).isEqualTo("USD");

        HttpResponse<String> sent = send(phone(), "Hi Riley, your balance of $120.50 can be paid here: {link} Thanks!", payment(12050, "Crown, tooth 14"));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonNode message = relay.read(sent);
        JsonNode request = request(staff, message);
        String link = request.get("link").asText();
        assertThat(link).matches(java.util.regex.Pattern.quote(RelayFixture.PUBLIC_URL) + "/l/[A-Za-z0-9_-]{22}");
        assertThat(message.get("body").asText()).isEqualTo("Hi Riley, your balance of $120.50 can be paid here: " + link + " Thanks!");
        assertThat(message.get("segments").asInt()).isEqualTo(1);
        assertThat(request.get("kind").asText()).isEqualTo("payment");
        assertThat(request.get("status").asText()).isIn("sent", "delivered");
        assertThat(request.get("amountCents").asLong()).isEqualTo(12050);
        assertThat(request.get("currency").asText()).isEqualTo("USD");
        assertThat(request.get("description").asText()).isEqualTo("Crown, tooth 14");
        assertThat(request.get("reference").asText()).isEqualTo("INV-1042");
        assertThat(request.get("sentBy").get("name").asText()).isEqualTo("Sam Staff");
        assertThat(request.get("conversationId").asLong()).isEqualTo(message.get("conversationId").asLong());
        assertThat(relay.read(relay.get("/api/v1/requests?conversationId=" + message.get("conversationId").asLong(), staff)))
                .extracting(r -> r.get("id").asLong()).containsExactly(request.get("id").asLong());

        assertThat(patch("/api/v1/settings", admin, Map.of("displayName", "Bright Smiles Family Dentistry")).statusCode()).isEqualTo(200);
        assertThat(relay.get(path(link), null).body()).as("the page names the practice as its settings say")
                .contains("<title>Bright Smiles Family Dentistry</title>").contains("From Bright Smiles Family Dentistry.");
        JsonNode announced = relay.events(staff, 0).stream().filter(e -> e.get("type").asText().equals(EventTypes.SETTINGS)).reduce((a, b) -> b)
                .orElseThrow().get("data");
        assertThat(announced.get("displayName").asText()).isEqualTo("Bright Smiles Family Dentistry");
    }

    @Test
    void aPaymentMovesForwardFromDeliveredToOpenedToPaidAndAPreviewIsNoOpening() {
        JsonNode message = relay.read(send(phone(), "Your balance: {link}", payment(8000, "Cleaning")));
        JsonNode request = relay.awaitEntity(staff, EventTypes.REQUEST, r -> r.get("messageId").asLong() == message.get("id").asLong()
                && r.get("status").asText().equals("delivered"));
        assertThat(request.get("deliveredAt").isNull()).isFalse();
        String page = path(request.get("link").asText());

        HttpResponse<String> shown = relay.get(page, null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("$80.00").contains("For: Cleaning").contains("Pay $80.00").doesNotContain("INV-1042");
        assertThat(request(request.get("id").asLong()).get("status").asText()).as("a link preview fetches the page: no opening").isEqualTo("delivered");

        HttpResponse<String> pay = form(page + "/pay", "");
        assertThat(pay.statusCode()).isEqualTo(303);
        assertThat(pay.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://checkout.payments.test/pay/"));
        JsonNode opened = request(request.get("id").asLong());
        assertThat(opened.get("status").asText()).isEqualTo("opened");
        assertThat(opened.get("openedAt").isNull()).isFalse();
        var order = payments.orders.getLast();
        assertThat(order.reference()).isEqualTo(request.get("id").asText());
        assertThat(order.amountCents()).isEqualTo(8000);
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.successUrl()).isEqualTo(RelayFixture.PUBLIC_URL + page + "?paid=1");
        assertThat(Duration.between(relay.clock.instant(), order.expiresAt())).isLessThanOrEqualTo(Duration.ofHours(23));
        assertThat(form(page + "/pay", "").headers().firstValue("Location")).as("the open checkout is reused")
                .isEqualTo(pay.headers().firstValue("Location"));

        String session = pay.headers().firstValue("Location").orElseThrow().substring("https://checkout.payments.test/pay/".length());
        relay.server.requests().paid(request.get("id").asText(), session, 8000, "USD", "pi_1");
        relay.server.requests().paid(request.get("id").asText(), session, 8000, "USD", "pi_1"); // a webhook retried
        JsonNode paid = request(request.get("id").asLong());
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(paid.get("finishedBy").asText()).isEqualTo("Patient");
        assertThat(paid.get("note").isNull()).isTrue();
        assertThat(relay.get(page, null).body()).contains("Your payment of $80.00").contains("was received on");

        relay.server.requests().sessionExpired(request.get("id").asText(), session); // Stripe's late expiry of the paid session
        assertThat(request(request.get("id").asLong()).get("status").asText()).isEqualTo("paid");
        assertThat(relay.postJson("/api/v1/requests/" + paid.get("id").asLong() + "/cancel", staff, Map.of()).statusCode())
                .as("an outcome never changes").isEqualTo(409);
    }

    @Test
    void aLinkThatExpiresSaysSoAndTheRequestStaysVisibleAndCanStillBeMarkedPaid() {
        JsonNode message = relay.read(send(phone(), "Pay: {link}", payment(4500, "Copay")));
        JsonNode request = request(staff, message);
        assertThat(Duration.between(relay.clock.instant(), java.time.Instant.parse(request.get("expiresAt").asText()))).isEqualTo(Duration.ofDays(30));

        relay.clock.advance(Duration.ofDays(31));
        staff = relay.signIn(practice, "staff"); // sessions last 30 days
        JsonNode expired = relay.awaitEntity(staff, EventTypes.REQUEST, r -> r.get("id").asLong() == request.get("id").asLong()
                && r.get("status").asText().equals("expired"));
        HttpResponse<String> page = relay.get(path(request.get("link").asText()), null);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired").contains("send you a new link");
        assertThat(relay.read(relay.get("/api/v1/requests?open=true", staff))).extracting(r -> r.get("id").asLong())
                .doesNotContain(expired.get("id").asLong());

        JsonNode marked = relay.read(relay.postJson("/api/v1/requests/" + request.get("id").asLong() + "/mark-paid", staff, Map.of("note", "Paid by card at the desk")));
        assertThat(marked.get("status").asText()).isEqualTo("paid");
        assertThat(marked.get("finishedBy").asText()).isEqualTo("Sam Staff");
        assertThat(marked.get("note").asText()).isEqualTo("Paid by card at the desk");
    }

    @Test
    void cancellingEndsTheLinkAndTheOpenCheckout() {
        JsonNode message = relay.read(send(phone(), "Pay: {link}", payment(4500, "Copay")));
        JsonNode request = request(staff, message);
        String page = path(request.get("link").asText());
        String checkout = form(page + "/pay", "").headers().firstValue("Location").orElseThrow();

        HttpResponse<String> cancelled = relay.postJson("/api/v1/requests/" + request.get("id").asLong() + "/cancel", staff, Map.of("note", "Billed in error"));

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(relay.read(cancelled).get("status").asText()).isEqualTo("cancelled");
        assertThat(relay.read(cancelled).get("note").asText()).isEqualTo("Billed in error");
        HttpResponse<String> dead = relay.get(page, null);
        assertThat(dead.statusCode()).isEqualTo(410);
        assertThat(dead.body()).contains("This request was cancelled");
        assertThat(form(page + "/pay", "").statusCode()).isEqualTo(410);
        assertThat(payments.expired).contains(checkout.substring(checkout.lastIndexOf('/') + 1));
        assertThat(relay.postJson("/api/v1/requests/" + request.get("id").asLong() + "/cancel", staff, Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void resendingMakesANewLinkAndTheOldOneStopsWorking() {
        String to = phone();
        JsonNode message = relay.read(send(to, "Your plan: {link}", Map.of("kind", "treatment_plan", "document", upload("Plan.pdf"), "amountCents", 124000)));
        JsonNode old = request(staff, message);
        String clientId = UUID.randomUUID().toString();

        HttpResponse<String> resent = relay.postJson("/api/v1/requests/" + old.get("id").asLong() + "/resend", staff, Map.of("clientId", clientId));

        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
        JsonNode fresh = relay.read(resent).get("request");
        JsonNode newMessage = relay.read(resent).get("message");
        assertThat(fresh.get("replacesId").asLong()).isEqualTo(old.get("id").asLong());
        assertThat(fresh.get("link").asText()).isNotEqualTo(old.get("link").asText());
        assertThat(fresh.get("fileName").asText()).isEqualTo("Plan.pdf");
        assertThat(fresh.get("amountCents").asLong()).isEqualTo(124000);
        assertThat(newMessage.get("body").asText()).isEqualTo("Your plan: " + fresh.get("link").asText());
        JsonNode replaced = request(old.get("id").asLong());
        assertThat(replaced.get("status").asText()).isEqualTo("cancelled");
        assertThat(replaced.get("replacedById").asLong()).isEqualTo(fresh.get("id").asLong());
        HttpResponse<String> dead = relay.get(path(old.get("link").asText()), null);
        assertThat(dead.statusCode()).isEqualTo(410);
        assertThat(dead.body()).contains("This link was replaced");
        assertThat(relay.get(path(fresh.get("link").asText()), null).statusCode()).isEqualTo(200);

        JsonNode again = relay.read(relay.postJson("/api/v1/requests/" + old.get("id").asLong() + "/resend", staff, Map.of("clientId", clientId)));
        assertThat(again.get("request").get("id").asLong()).as("the same clientId answers the first resend").isEqualTo(fresh.get("id").asLong());
        assertThat(relay.read(relay.get("/api/v1/requests?conversationId=" + message.get("conversationId").asLong(), staff))).hasSize(2);
    }

    @Test
    void anotherPracticesRequestIsNotFound() {
        JsonNode request = request(staff, relay.read(send(phone(), "Pay: {link}", payment(1000, "Copay"))));
        TestPractice other = relay.newPractice();
        String stranger = relay.signIn(other, "admin");
        long id = request.get("id").asLong();

        assertThat(relay.get("/api/v1/requests/" + id, stranger).statusCode()).isEqualTo(404);
        assertThat(relay.postJson("/api/v1/requests/" + id + "/cancel", stranger, Map.of()).statusCode()).isEqualTo(404);
        assertThat(relay.postJson("/api/v1/requests/" + id + "/mark-paid", stranger, Map.of()).statusCode()).isEqualTo(404);
        assertThat(relay.postJson("/api/v1/requests/" + id + "/resend", stranger, Map.of("clientId", "x1")).statusCode()).isEqualTo(404);
        assertThat(relay.read(relay.get("/api/v1/requests", stranger))).isEmpty();
        assertThat(relay.entities(stranger, EventTypes.REQUEST)).isEmpty();
        assertThat(request(id).get("status").asText()).isIn("sent", "delivered");
    }

    @Test
    void rolesAndFeaturesDecideWhoMaySendWhat() {
        String viewer = relay.signIn(practice, "viewer");
        assertThat(send(viewer, phone(), "Pay: {link}", payment(1000, "Copay"), UUID.randomUUID().toString()).statusCode()).isEqualTo(403);
        long id = request(staff, relay.read(send(phone(), "Pay: {link}", payment(1000, "Copay")))).get("id").asLong();
        assertThat(relay.postJson("/api/v1/requests/" + id + "/cancel", viewer, Map.of()).statusCode()).isEqualTo(403);
        assertThat(relay.get("/api/v1/requests/" + id, viewer).statusCode()).as("a viewer sees requests").isEqualTo(200);
        assertThat(patch("/api/v1/settings", staff, Map.of("displayName", "Bright Smiles")).statusCode()).as("settings are for admins").isEqualTo(403);

        assertThat(patch("/api/v1/settings", admin, Map.of("features", Map.of("attachments", true, "payments", false, "reviews", true, "forms", true,
                "treatmentPlans", true))).statusCode()).isEqualTo(200);
        HttpResponse<String> off = send(phone(), "Pay: {link}", payment(1000, "Copay"));
        assertThat(off.statusCode()).isEqualTo(403);
        assertThat(relay.read(off).get("error").get("code").asText()).isEqualTo("feature_off");
    }

    @Test
    void anOptedOutPatientGetsNoRequestAndNoneIsStored() {
        String to = phone();
        assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), to, practice.number(), "STOP")).statusCode()).isEqualTo(200);
        relay.awaitEntity(staff, EventTypes.CONTACT, c -> c.get("phone").asText().equals(to) && c.get("optedOut").asBoolean());

        HttpResponse<String> refused = send(to, "Pay: {link}", payment(1000, "Copay"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(relay.read(refused).get("error").get("code").asText()).isEqualTo("opted_out");
        assertThat(relay.read(relay.get("/api/v1/requests", staff))).isEmpty();
    }

    @Test
    void aNewPracticesSnapshotCarriesItsSettings() {
        JsonNode settings = relay.events(staff, 0).stream().filter(e -> e.get("type").asText().equals(EventTypes.SETTINGS)).findFirst()
                .orElseThrow(() -> new AssertionError("no settings in the snapshot")).get("data");
        assertThat(settings.get("displayName").asText()).startsWith("Practice ");
        assertThat(settings.get("features").get("payments").asBoolean()).isTrue();
        assertThat(settings.get("linkBase").asText()).isEqualTo(RelayFixture.PUBLIC_URL + "/l/");
    }

    @Test
    void theWorkstationRulesStartAtTheirDefaultsAndAnAdminChangesThemWhole() {
        JsonNode privacy = relay.read(relay.get("/api/v1/settings", staff)).get("privacy");
        assertThat(privacy.get("lockAfterMinutes").asInt()).isEqualTo(10);
        assertThat(privacy.get("privacyScreen").asBoolean()).isFalse();
        assertThat(privacy.get("hiddenPreviews").asText()).isEqualTo("names");
        assertThat(privacy.get("removeCopyOnSignOut").asBoolean()).isFalse();

        Map<String, Object> shared = Map.of("lockAfterMinutes", 3, "privacyScreen", true, "hiddenPreviews", "nothing", "removeCopyOnSignOut", true);
        assertThat(patch("/api/v1/settings", staff, Map.of("privacy", shared)).statusCode()).as("settings are for admins").isEqualTo(403);
        assertThat(patch("/api/v1/settings", admin, Map.of("privacy", Map.of("lockAfterMinutes", -1, "privacyScreen", false, "hiddenPreviews", "names",
                "removeCopyOnSignOut", false))).statusCode()).isEqualTo(400);
        assertThat(patch("/api/v1/settings", admin, Map.of("privacy", Map.of("lockAfterMinutes", 241, "privacyScreen", false, "hiddenPreviews", "names",
                "removeCopyOnSignOut", false))).statusCode()).isEqualTo(400);
        assertThat(patch("/api/v1/settings", admin, Map.of("privacy", Map.of("lockAfterMinutes", 5, "privacyScreen", false, "hiddenPreviews", "text",
                "removeCopyOnSignOut", false))).statusCode()).as("an unknown word").isEqualTo(400);

        assertThat(patch("/api/v1/settings", admin, Map.of("privacy", shared)).statusCode()).isEqualTo(200);
        assertThat(patch("/api/v1/settings", admin, Map.of("displayName", "Bright Smiles")).statusCode()).isEqualTo(200);

        JsonNode announced = relay.awaitEntity(staff, EventTypes.SETTINGS, s -> s.get("displayName").asText().equals("Bright Smiles")).get("privacy");
        assertThat(announced.get("lockAfterMinutes").asInt()).as("another field's change keeps the rules").isEqualTo(3);
        assertThat(announced.get("privacyScreen").asBoolean()).isTrue();
        assertThat(announced.get("hiddenPreviews").asText()).isEqualTo("nothing");
        assertThat(announced.get("removeCopyOnSignOut").asBoolean()).isTrue();
    }

    @Test
    void aPaymentNeedsItsAmountAndWhatItIsFor() {
        assertThat(send(phone(), "Pay: {link}", Map.of("kind", "payment", "description", "Copay")).statusCode()).isEqualTo(400);
        assertThat(send(phone(), "Pay: {link}", Map.of("kind", "payment", "amountCents", 1000)).statusCode()).isEqualTo(400);
        assertThat(send(phone(), "Pay: {link}", Map.of("kind", "payment", "amountCents", -5, "description", "x")).statusCode()).isEqualTo(400);
        assertThat(send(phone(), "Pay: {link}", Map.of("kind", "bitcoin", "amountCents", 5, "description", "x")).statusCode()).isEqualTo(400);
        assertThat(relay.read(relay.get("/api/v1/requests", staff))).isEmpty();
    }

    @Test
    void aReviewRequestForwardsToTheInboxsReviewPageAndWarnsBeforeASecondOne() {
        assertThat(send(phone(), "Review us: {link}", Map.of("kind", "review")).statusCode()).as("no review link yet").isEqualTo(400);
        assertThat(patch("/api/v1/settings", admin, Map.of("reviewUrl", "https://g.page/r/bright-smiles/review")).statusCode()).isEqualTo(200);
        String to = phone();

        JsonNode request = request(staff, relay.read(send(to, "Thanks for visiting! {link}", Map.of("kind", "review"))));
        String page = path(request.get("link").asText());
        HttpResponse<String> forwarding = relay.get(page, null);
        assertThat(forwarding.statusCode()).isEqualTo(200);
        assertThat(forwarding.body()).contains("<meta http-equiv=\"refresh\" content=\"0;url=" + page + "/go\">");
        assertThat(request(request.get("id").asLong()).get("openedAt").isNull()).as("the forwarding page is no opening").isTrue();
        HttpResponse<String> go = relay.get(page + "/go", null);
        assertThat(go.statusCode()).isEqualTo(303);
        assertThat(go.headers().firstValue("Location")).hasValue("https://g.page/r/bright-smiles/review");
        assertThat(request(request.get("id").asLong()).get("status").asText()).isEqualTo("opened");

        HttpResponse<String> second = send(to, "Thanks again! {link}", Map.of("kind", "review"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(relay.read(second).get("error").get("code").asText()).isEqualTo("review_recently_sent");
        assertThat(send(to, "Thanks again! {link}", Map.of("kind", "review", "repeatAllowed", true)).statusCode()).isEqualTo(202);
        relay.clock.advance(Duration.ofDays(183));
        staff = relay.signIn(practice, "staff");
        assertThat(send(to, "Half a year on: {link}", Map.of("kind", "review")).statusCode()).as("after the limit").isEqualTo(202);
    }

    @Test
    void aFormsRequestListsTheFormsAndTheFormSystemReportsThemCompleted() throws Exception {
        JsonNode settings = relay.read(patch("/api/v1/settings", admin, Map.of("forms", List.of(
                Map.of("name", "New patient form", "url", "https://forms.brightsmiles.test/new?patient={patientId}&ref={requestId}"),
                Map.of("name", "Medical history", "url", "https://forms.brightsmiles.test/history")))));
        long first = settings.get("forms").get(0).get("id").asLong();
        long second = settings.get("forms").get(1).get("id").asLong();
        String to = phone();
        relay.postJson("/api/v1/contacts", staff, Map.of("phone", to, "name", "Riley Chen", "externalId", "PMS 77"));

        JsonNode request = request(staff, relay.read(send(to, "Please fill in: {link}", Map.of("kind", "forms", "formIds", List.of(first, second)))));
        assertThat(request.get("forms")).extracting(f -> f.get("name").asText()).containsExactly("New patient form", "Medical history");
        assertThat(Duration.between(relay.clock.instant(), java.time.Instant.parse(request.get("expiresAt").asText()))).isEqualTo(Duration.ofDays(7));
        String page = path(request.get("link").asText());
        assertThat(relay.get(page, null).body()).contains("New patient form").contains("Medical history");
        HttpResponse<String> open = relay.get(page + "/forms/" + first, null);
        assertThat(open.statusCode()).isEqualTo(303);
        assertThat(open.headers().firstValue("Location"))
                .hasValue("https://forms.brightsmiles.test/new?patient=PMS+77&ref=" + request.get("id").asLong());
        assertThat(relay.get(page + "/forms/999", null).statusCode()).isEqualTo(404);

        String key = relay.server.tenancy().createApiKey(practice.slug(), "Forms system");
        HttpResponse<String> byKey = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/requests/" + request.get("id").asLong() + "/complete")))
                .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(200);
        assertThat(relay.read(byKey).get("status").asText()).isEqualTo("completed");
        assertThat(relay.read(byKey).get("finishedBy").asText()).isEqualTo("Form system");
        assertThat(relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/requests/" + request.get("id").asLong() + "/complete")))
                .header("X-Api-Key", "pt_wrong").POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(401);
        assertThat(relay.get(page, null).body()).contains("has your forms");

        JsonNode retired = relay.read(patch("/api/v1/settings", admin, Map.of("forms", List.of(Map.of("id", second, "name", "Medical history",
                "url", "https://forms.brightsmiles.test/history")))));
        assertThat(retired.get("forms")).extracting(f -> f.get("id").asLong()).containsExactly(second);
        assertThat(send(to, "Again: {link}", Map.of("kind", "forms", "formIds", List.of(first))).statusCode()).as("a retired form").isEqualTo(400);
        assertThat(request(request.get("id").asLong()).get("forms")).as("a sent request keeps its forms").hasSize(2);
    }

    @Test
    void aTreatmentPlanAsksTheDateOfBirthThenTakesOneAnswer() {
        String to = phone();
        HttpRequest csv = HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/contacts/import"))).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("name,phone,dob\nRiley Chen," + to + ",07/14/1990\n")).build();
        assertThat(relay.send(csv).statusCode()).isEqualTo(200);
        JsonNode message = relay.read(send(to, "Your plan: {link}", Map.of("kind", "treatment_plan", "document", upload("Plan.pdf"), "amountCents", 124000,
                "description", "Crowns and cleaning")));
        assertThat(message.get("media").get(0).get("delivery").asText()).as("the plan goes behind the link").isEqualTo("link");
        JsonNode request = request(staff, message);
        String page = path(request.get("link").asText());

        HttpResponse<String> ask = relay.get(page, null);
        assertThat(ask.body()).contains("Your treatment plan").contains("date of birth").doesNotContain("$1,240.00").doesNotContain("Accept");
        assertThat(form(page + "/decision", "decision=accept").statusCode()).as("no answer before the date of birth").isEqualTo(303);
        assertThat(request(request.get("id").asLong()).get("status").asText()).isIn("sent", "delivered");

        HttpResponse<String> answered = form(page, "dob=1990-07-14");
        assertThat(answered.statusCode()).isEqualTo(303);
        String cookie = answered.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> plan = relay.send(HttpRequest.newBuilder(URI.create(relay.uri(page))).header("Cookie", cookie).GET().build());
        assertThat(plan.body()).contains("Total: $1,240.00").contains("Crowns and cleaning").contains("Plan.pdf").contains("Accept the treatment plan");
        assertThat(request(request.get("id").asLong()).get("status").asText()).isEqualTo("opened");

        HttpResponse<String> accept = relay.send(HttpRequest.newBuilder(URI.create(relay.uri(page + "/decision"))).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("decision=accept")).build());
        assertThat(accept.statusCode()).isEqualTo(303);
        JsonNode accepted = request(request.get("id").asLong());
        assertThat(accepted.get("status").asText()).isEqualTo("accepted");
        assertThat(accepted.get("finishedBy").asText()).isEqualTo("Patient");
        JsonNode conversation = relay.awaitEntity(staff, EventTypes.CONVERSATION, c -> c.get("id").asLong() == message.get("conversationId").asLong()
                && "Treatment plan accepted".equals(c.get("lastMessagePreview").asText()));
        assertThat(conversation.get("status").asText()).isEqualTo("open");

        relay.send(HttpRequest.newBuilder(URI.create(relay.uri(page + "/decision"))).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("decision=decline")).build());
        assertThat(request(request.get("id").asLong()).get("status").asText()).as("the answer is final").isEqualTo("accepted");
        assertThat(relay.send(HttpRequest.newBuilder(URI.create(relay.uri(page))).header("Cookie", cookie).GET().build()).body())
                .contains("You accepted this treatment plan on");
        assertThat(send(to, "No plan: {link}", Map.of("kind", "treatment_plan")).statusCode()).as("a plan needs its PDF").isEqualTo(400);
    }

    @Test
    void aPaymentProviderThatIsDownIsExplainedAndNothingIsLost() {
        JsonNode request = request(staff, relay.read(send(phone(), "Pay: {link}", payment(2500, "Copay"))));
        payments.down = true;
        HttpResponse<String> pay = form(path(request.get("link").asText()) + "/pay", "");
        assertThat(pay.statusCode()).isEqualTo(503);
        assertThat(pay.body()).contains("Payment is not available right now").contains("Your link still works");
        payments.down = false;
        assertThat(form(path(request.get("link").asText()) + "/pay", "").statusCode()).isEqualTo(303);
    }

    @Test
    void withTheSimulatedCarrierTheDemosFormSystemAndReviewSiteAreStandIns() {
        JsonNode settings = relay.read(patch("/api/v1/settings", admin, Map.of("reviewUrl", "https://review.simulator.invalid/bright", "forms",
                List.of(Map.of("name", "New patient form", "url", "https://forms.simulator.invalid/new-patient?patient={patientId}&request={requestId}")))));
        long form = settings.get("forms").get(0).get("id").asLong();
        String to = phone();
        JsonNode request = request(staff, relay.read(send(to, "Forms: {link}", Map.of("kind", "forms", "formIds", List.of(form)))));
        String page = path(request.get("link").asText());

        HttpResponse<String> open = relay.get(page + "/forms/" + form, null);
        assertThat(open.headers().firstValue("Location")).hasValue("/simulator/forms/new-patient?patient=&request=" + request.get("id").asLong());
        assertThat(relay.get("/simulator/forms/new-patient?patient=&request=" + request.get("id").asLong(), null).body()).contains("Submit the form");
        HttpResponse<String> submitted = form("/simulator/forms/new-patient", "request=" + request.get("id").asLong());
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(request(request.get("id").asLong()).get("status").asText()).isEqualTo("completed");
        assertThat(form("/simulator/forms/new-patient", "request=999999").statusCode()).isEqualTo(404);

        JsonNode review = request(staff, relay.read(send(to, "Review: {link}", Map.of("kind", "review"))));
        assertThat(relay.get(path(review.get("link").asText()) + "/go", null).headers().firstValue("Location")).hasValue("/simulator/review/bright");
    }

    @Test
    void aResendToAPatientWhoOptedOutSinceIsRefusedAndTheRequestIsKept() {
        String to = phone();
        JsonNode request = request(staff, relay.read(send(to, "Pay: {link}", payment(3000, "Copay"))));
        relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), to, practice.number(), "stop"));
        relay.awaitEntity(staff, EventTypes.CONTACT, c -> c.get("phone").asText().equals(to) && c.get("optedOut").asBoolean());
        java.util.Set<Long> messages = relay.entities(staff, EventTypes.MESSAGE).keySet();

        HttpResponse<String> resent = relay.postJson("/api/v1/requests/" + request.get("id").asLong() + "/resend", staff, Map.of("clientId", "again-1"));
        HttpResponse<String> replayed = relay.postJson("/api/v1/requests/" + request.get("id").asLong() + "/resend", staff, Map.of("clientId", "again-1"));

        assertThat(resent.statusCode()).isEqualTo(409);
        assertThat(relay.read(resent).get("error").get("code").asText()).isEqualTo("opted_out");
        JsonNode kept = request(request.get("id").asLong());
        assertThat(kept.get("status").asText()).isIn("sent", "delivered");
        assertThat(kept.get("replacedById").isNull()).isTrue();
        assertThat(relay.read(relay.get("/api/v1/requests", staff))).hasSize(1);
        assertThat(replayed.statusCode()).as("the outbox's replay of the resend").isEqualTo(409);
        assertThat(relay.entities(staff, EventTypes.MESSAGE).keySet()).as("no message stored (the first's delivery reports may still come)")
                .isEqualTo(messages);
    }

    @Test
    void aPracticeWithTwoLocationsSendsEachInboxsOwnReviewLink() {
        long billing = relay.read(relay.postJson("/api/v1/inboxes", admin, Map.of("name", "Downtown"))).get("id").asLong();
        assertThat(patch("/api/v1/settings", admin, Map.of("reviewUrl", "https://g.page/r/main/review", "reviewLinks",
                List.of(Map.of("inboxId", billing, "url", "https://g.page/r/downtown/review")))).statusCode()).isEqualTo(200);
        assertThat(patch("/api/v1/settings", admin, Map.of("reviewLinks", List.of(Map.of("inboxId", 999_999, "url", "https://x.test")))).statusCode())
                .as("another practice's or no inbox").isEqualTo(400);
        assertThat(patch("/api/v1/settings", admin, Map.of("reviewUrl", "http://g.page/r/main/review")).statusCode()).as("not https").isEqualTo(400);
        String to = phone();
        JsonNode main = relay.read(send(to, "Review: {link}", Map.of("kind", "review")));
        long conversation = main.get("conversationId").asLong();
        assertThat(relay.get(path(request(staff, main).get("link").asText()) + "/go", null).headers().firstValue("Location"))
                .hasValue("https://g.page/r/main/review");

        assertThat(relay.postJson("/api/v1/conversations/" + conversation + "/move", staff, Map.of("inboxId", billing)).statusCode()).isEqualTo(200);
        JsonNode downtown = relay.read(send(staff, to, "Review: {link}", Map.of("kind", "review", "repeatAllowed", true), UUID.randomUUID().toString()));
        assertThat(relay.get(path(request(staff, downtown).get("link").asText()) + "/go", null).headers().firstValue("Location"))
                .hasValue("https://g.page/r/downtown/review");
    }

    @Test
    void aDocumentsTextNamesThePracticeByItsDisplayName() {
        assertThat(patch("/api/v1/settings", admin, Map.of("displayName", "Bright Smiles Downtown")).statusCode()).isEqualTo(200);
        Map<String, Object> message = new HashMap<>();
        message.put("clientId", UUID.randomUUID().toString());
        message.put("to", phone());
        message.put("body", "");
        message.put("uploads", List.of(upload("Estimate.pdf")));

        JsonNode sent = relay.read(relay.postJson("/api/v1/messages", staff, message));

        assertThat(sent.get("body").asText()).startsWith("Bright Smiles Downtown sent you a document: " + RelayFixture.PUBLIC_URL + "/l/");
    }
}
