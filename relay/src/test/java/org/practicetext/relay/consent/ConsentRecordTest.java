// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.protocol.EventTypes;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * Every source of a consent change makes its record (ADR 0025), on a real relay with the simulated
 * carrier: the patient's keyword, the carrier's 21610, staff's block, unblock, opt-out and opt-in.
 * A record is written only when the state changes, is in the feed and its snapshot, and the list
 * and the CSV export hold the same records in the same order.
 */
class ConsentRecordTest {
    private static final AtomicInteger PHONES = new AtomicInteger();

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();

    TestPractice practice;
    String admin;
    String staff;
    String viewer;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        admin = relay.signIn(practice, "admin");
        staff = relay.signIn(practice, "staff");
        viewer = relay.signIn(practice, "viewer");
    }

    private static String phone() {
        return String.format("+1555%07d", 3_100_000 + PHONES.incrementAndGet());
    }

    private HttpResponse<String> text(String from, String body, String optOutType) {
        Map<String, String> params = RelayFixture.inbound(RelayFixture.newSid(), from, practice.number(), body);
        if (optOutType != null) {
            params.put("OptOutType", optOutType);
        }
        HttpResponse<String> r = relay.webhook("/twilio/sms", params);
        assertThat(r.statusCode()).isEqualTo(200);
        return r;
    }

    private JsonNode contact(String phone) {
        return relay.awaitEntity(admin, EventTypes.CONTACT, c -> c.get("phone").asText().equals(phone));
    }

    private long contactId(String phone) {
        return contact(phone).get("id").asLong();
    }

    private List<JsonNode> records(String token, String query) {
        HttpResponse<String> r = relay.get("/api/v1/consent" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        relay.read(r).forEach(list::add);
        return list;
    }

    private List<JsonNode> recordsOf(long contactId) {
        return records(admin, "?contactId=" + contactId);
    }

    private List<JsonNode> feedRecords() {
        return new ArrayList<>(relay.entities(admin, EventTypes.CONSENT).values());
    }

    private HttpResponse<String> act(String token, long contactId, String action, Object body) {
        return body == null ? relay.postRaw("/api/v1/contacts/" + contactId + "/" + action, token, "")
                : relay.postJson("/api/v1/contacts/" + contactId + "/" + action, token, body);
    }

    private HttpResponse<byte[]> csv(String path, String token) {
        return relay.sendForBytes(HttpRequest.newBuilder(URI.create(relay.uri(path))).header("Authorization", "Bearer " + token).GET().build());
    }

    private JsonNode inboundMessage(String body) {
        return relay.awaitEntity(admin, EventTypes.MESSAGE, m -> m.get("direction").asText().equals("in") && m.get("body").asText().equals(body));
    }

    @Test
    void aStopKeepsTheExactTextTwilioOptOutTypeAndTheInboundMessage() {
        String patient = phone();
        text(patient, "Stop please, I moved away", "STOP");

        JsonNode message = inboundMessage("Stop please, I moved away");
        List<JsonNode> records = recordsOf(contactId(patient));
        assertThat(records).hasSize(1);
        JsonNode r = records.getFirst();
        assertThat(r.get("change").asText()).isEqualTo("opted_out");
        assertThat(r.get("source").asText()).isEqualTo("keyword");
        assertThat(r.get("keywordText").asText()).isEqualTo("Stop please, I moved away");
        assertThat(r.get("optOutType").asText()).isEqualTo("STOP");
        assertThat(r.get("messageId").asLong()).isEqualTo(message.get("id").asLong());
        assertThat(r.get("conversationId").asLong()).isEqualTo(message.get("conversationId").asLong());
        assertThat(r.get("at").asText()).isEqualTo(relay.clock.instant().toString());
        assertThat(r.get("byUserId").isNull()).isTrue();
        assertThat(contact(patient).get("optedOut").asBoolean()).isTrue();
    }

    @Test
    void aSecondStopIsAMessageNotARecordAndStartOptsBackInWithItsOwn() {
        String patient = phone();
        text(patient, " stop ", null);
        text(patient, "STOP", null);
        relay.clock.advance(Duration.ofMinutes(5));
        text(patient, "Start", null);
        text(patient, "START", null);

        List<JsonNode> records = recordsOf(contactId(patient));
        assertThat(records).extracting(r -> r.get("change").asText()).containsExactly("opted_out", "opted_in");
        assertThat(records.get(0).get("keywordText").asText()).as("exactly as received").isEqualTo(" stop ");
        assertThat(records.get(0).get("optOutType").isNull()).isTrue();
        assertThat(records.get(1).get("keywordText").asText()).isEqualTo("Start");
        assertThat(records.get(1).get("messageId").asLong()).isEqualTo(inboundMessage("Start").get("id").asLong());
        assertThat(contact(patient).get("optedOut").asBoolean()).isFalse();
    }

    @Test
    void aTextThatIsNoKeywordChangesNothing() {
        String patient = phone();
        text(patient, "Please stop sending reminders on Sundays", null);
        assertThat(recordsOf(contactId(patient))).isEmpty();
    }

    @Test
    void theCarriersRefusalWith21610RecordsTheRefusedMessage() {
        String patient = "+15005550004"; // the simulated carrier refuses it with 21610, as Twilio's test number does
        HttpResponse<String> sent = relay.postJson("/api/v1/messages", staff, Map.of("clientId", UUID.randomUUID().toString(), "to", patient,
                "body", "Your crown is ready"));
        assertThat(sent.statusCode()).isEqualTo(202);
        long messageId = relay.read(sent).get("id").asLong();
        relay.awaitEntity(admin, EventTypes.MESSAGE, m -> m.get("id").asLong() == messageId && m.get("status").asText().equals("failed"));

        List<JsonNode> records = recordsOf(contactId(patient));
        assertThat(records).hasSize(1);
        JsonNode r = records.getFirst();
        assertThat(r.get("change").asText()).isEqualTo("opted_out");
        assertThat(r.get("source").asText()).isEqualTo("carrier");
        assertThat(r.get("errorCode").asInt()).isEqualTo(21610);
        assertThat(r.get("messageId").asLong()).isEqualTo(messageId);
        assertThat(r.get("keywordText").isNull()).isTrue();
    }

    @Test
    void aDeliveryReportWith21610RecordsTheMessageItReports() {
        String patient = phone();
        HttpResponse<String> sent = relay.postJson("/api/v1/messages", staff, Map.of("clientId", UUID.randomUUID().toString(), "to", patient,
                "body", "See you Tuesday"));
        long messageId = relay.read(sent).get("id").asLong();
        String sid = relay.awaitEntity(admin, EventTypes.MESSAGE, m -> m.get("id").asLong() == messageId && !m.get("sid").isNull()).get("sid").asText();

        assertThat(relay.webhook("/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "21610")).statusCode())
                .isEqualTo(200);
        assertThat(relay.webhook("/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "21610")).statusCode())
                .as("Twilio's retry of the same report").isEqualTo(200);

        relay.awaitEntity(admin, EventTypes.CONSENT, c -> c.get("messageId").asLong() == messageId);
        List<JsonNode> records = recordsOf(contactId(patient));
        assertThat(records).extracting(r -> r.get("source").asText() + " " + r.get("errorCode").asInt()).containsExactly("carrier 21610");
    }

    @Test
    void blockAndUnblockRecordWhoAndWhyOnlyWhenTheStateChanges() {
        String patient = phone();
        text(patient, "WIN A FREE CRUISE", null);
        long id = contactId(patient);

        assertThat(act(staff, id, "block", Map.of("reason", "Spam: a prize scam")).statusCode()).isEqualTo(200);
        assertThat(act(staff, id, "block", Map.of("reason", "again")).statusCode()).as("blocked already").isEqualTo(200);
        relay.clock.advance(Duration.ofMinutes(1));
        assertThat(act(admin, id, "unblock", null).statusCode()).isEqualTo(200);

        List<JsonNode> records = recordsOf(id);
        assertThat(records).extracting(r -> r.get("change").asText()).containsExactly("blocked", "unblocked");
        JsonNode block = records.get(0);
        assertThat(block.get("source").asText()).isEqualTo("staff");
        assertThat(block.get("byName").asText()).isEqualTo("Sam Staff");
        assertThat(block.get("byUserId").asLong()).isEqualTo(relay.read(relay.get("/api/v1/session", staff)).get("user").get("id").asLong());
        assertThat(block.get("reason").asText()).isEqualTo("Spam: a prize scam");
        assertThat(block.get("conversationId").asLong()).isEqualTo(inboundMessage("WIN A FREE CRUISE").get("conversationId").asLong());
        assertThat(records.get(1).get("byName").asText()).isEqualTo("Ada Admin");
        assertThat(records.get(1).get("reason").isNull()).isTrue();
    }

    @Test
    void byNameIsTheTeamMembersNameAtThatMoment() {
        String patient = phone();
        text(patient, "Hello", null);
        long id = contactId(patient);
        long staffId = relay.read(relay.get("/api/v1/session", staff)).get("user").get("id").asLong();
        act(staff, id, "block", null);
        HttpResponse<String> renamed = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/team/" + staffId)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Samantha Staff\"}")).build());
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        act(staff, id, "unblock", null);

        assertThat(recordsOf(id)).extracting(r -> r.get("byName").asText()).containsExactly("Sam Staff", "Samantha Staff");
    }

    @Test
    void aBadNoteIsAPrecise400AndChangesNothing() {
        String patient = phone();
        text(patient, "Hello", null);
        long id = contactId(patient);

        HttpResponse<String> tooLong = act(staff, id, "block", Map.of("reason", "x".repeat(201)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(relay.read(tooLong).get("error").get("message").asText()).contains("reason").contains("200");
        HttpResponse<String> notText = relay.postRaw("/api/v1/contacts/" + id + "/block", staff, "{\"reason\":5}");
        assertThat(notText.statusCode()).isEqualTo(400);
        assertThat(relay.read(notText).get("error").get("message").asText()).contains("reason must be a string");
        assertThat(relay.postRaw("/api/v1/contacts/" + id + "/block", staff, "[\"why\"]").statusCode()).isEqualTo(400);
        assertThat(relay.postRaw("/api/v1/contacts/" + id + "/block", staff, "{\"reason\":").statusCode()).isEqualTo(400);
        assertThat(relay.postRaw("/api/v1/contacts/" + id + "/opt-out", staff, "{\"reason\":\"a\\u0000b\"}").statusCode()).isEqualTo(400);

        assertThat(recordsOf(id)).isEmpty();
        assertThat(contact(patient).get("blocked").asBoolean()).isFalse();
        assertThat(contact(patient).get("optedOut").asBoolean()).isFalse();
        assertThat(act(staff, id, "block", Map.of("reason", "é".repeat(200))).statusCode()).as("200 characters is the limit").isEqualTo(200);
    }

    @Test
    void staffRecordAnOptOutAndOnlyThatOneMayBeUndoneByStaffWithAReason() {
        String patient = phone();
        text(patient, "Hello", null);
        long id = contactId(patient);

        assertThat(act(viewer, id, "opt-out", null).statusCode()).as("a viewer may not text, so not this").isEqualTo(403);
        assertThat(act(staff, id, "opt-out", Map.of("reason", "Asked at the front desk")).statusCode()).isEqualTo(200);
        assertThat(contact(patient).get("optedOut").asBoolean()).isTrue();
        HttpResponse<String> refused = relay.postJson("/api/v1/messages", staff, Map.of("clientId", UUID.randomUUID().toString(), "to", patient,
                "body", "Are you sure?"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(relay.read(refused).get("error").get("code").asText()).isEqualTo("opted_out");
        assertThat(relay.read(refused).get("error").get("message").asText()).as("not START: the practice recorded it").contains("recorded by the practice")
                .doesNotContain("START");

        HttpResponse<String> noReason = act(staff, id, "opt-in", null);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(relay.read(noReason).get("error").get("message").asText()).contains("reason is required");
        assertThat(act(viewer, id, "opt-in", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        relay.clock.advance(Duration.ofMinutes(1));
        assertThat(act(staff, id, "opt-in", Map.of("reason", "Recorded on the wrong patient")).statusCode()).isEqualTo(200);

        List<JsonNode> records = recordsOf(id);
        assertThat(records).extracting(r -> r.get("change").asText() + " " + r.get("source").asText() + " " + r.get("reason").asText())
                .containsExactly("opted_out staff Asked at the front desk", "opted_in staff Recorded on the wrong patient");
        assertThat(contact(patient).get("optedOut").asBoolean()).isFalse();
        assertThat(contact(patient).get("optedOutVia").isNull()).isTrue();
    }

    @Test
    void anOptOutByKeywordOrByTheCarrierEndsOnlyWhenThePatientTextsStart() {
        String patient = phone();
        text(patient, "STOP", null);
        long id = contactId(patient);

        HttpResponse<String> refused = act(admin, id, "opt-in", Map.of("reason", "She called and asked for reminders"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(relay.read(refused).get("error").get("code").asText()).isEqualTo("opt_in_by_patient_only");
        assertThat(relay.read(refused).get("error").get("message").asText()).contains("START");
        assertThat(contact(patient).get("optedOut").asBoolean()).isTrue();

        // A staff opt-out on top of a keyword one is no change: the patient's STOP still holds.
        assertThat(act(staff, id, "opt-out", null).statusCode()).isEqualTo(200);
        assertThat(act(admin, id, "opt-in", Map.of("reason", "x")).statusCode()).isEqualTo(409);
        assertThat(recordsOf(id)).hasSize(1);

        text(patient, "START", null);
        assertThat(recordsOf(id)).extracting(r -> r.get("change").asText()).containsExactly("opted_out", "opted_in");
    }

    @Test
    void anotherPracticesContactIsA404AndItsRecordsAreInvisible() {
        String patient = phone();
        text(patient, "STOP", null);
        long id = contactId(patient);
        TestPractice other = relay.newPractice();
        String stranger = relay.signIn(other, "admin");

        assertThat(act(stranger, id, "opt-out", null).statusCode()).isEqualTo(404);
        assertThat(act(stranger, id, "block", null).statusCode()).isEqualTo(404);
        assertThat(relay.get("/api/v1/consent?contactId=" + id, stranger).statusCode()).isEqualTo(404);
        assertThat(records(stranger, "")).isEmpty();
        assertThat(relay.entities(stranger, EventTypes.CONSENT)).isEmpty();
        String export = new String(csv("/api/v1/consent/export.csv", stranger).body(), StandardCharsets.UTF_8);
        assertThat(export.lines()).hasSize(1); // the header only
        assertThat(new String(csv("/api/v1/consent/opted-out.csv", stranger).body(), StandardCharsets.UTF_8).lines()).hasSize(1);
        assertThat(records(admin, "")).hasSize(1);
    }

    @Test
    void theListTheFeedAndTheExportHoldTheSameRecordsInTheSameOrder() {
        Duration finer = Duration.ofNanos(1_234_567); // finer than the databases keep: the feed carries the record as stored too
        relay.clock.advance(finer);
        try {
            listFeedAndExport();
        } finally {
            relay.clock.advance(Duration.ofSeconds(1).minus(finer));
        }
    }

    private void listFeedAndExport() {
        String a = phone();
        String b = phone();
        text(a, "STOP", null);
        relay.clock.advance(Duration.ofMinutes(1));
        text(b, "Hi", null);
        act(staff, contactId(b), "block", Map.of("reason", "Rude, \"threatening\" texts"));
        relay.clock.advance(Duration.ofMinutes(1));
        text(a, "UNSTOP", null);
        relay.clock.advance(Duration.ofMinutes(1));
        act(staff, contactId(b), "unblock", null);

        List<JsonNode> listed = records(viewer, "");
        List<JsonNode> feed = feedRecords();
        assertThat(listed).hasSize(4).isEqualTo(feed);
        assertThat(relay.events(viewer, 0)).as("in the snapshot").filteredOn(e -> e.get("type").asText().equals("consent")).hasSize(4);

        List<String> rows = csvRows(csv("/api/v1/consent/export.csv", admin));
        assertThat(rows.subList(1, rows.size())).extracting(row -> Long.parseLong(row.substring(0, row.indexOf(','))))
                .containsExactlyElementsOf(listed.stream().map(r -> r.get("id").asLong()).toList());
        assertThat(rows.get(2)).contains("Rude, \"\"threatening\"\" texts").contains(",blocked,staff,").contains(",Sam Staff,");
    }

    @Test
    void theListTakesARangeWithToExclusiveAndPagesByRecord() {
        String patient = phone();
        Instant first = relay.clock.instant();
        text(patient, "STOP", null);
        relay.clock.advance(Duration.ofHours(1));
        Instant second = relay.clock.instant();
        text(patient, "START", null);
        relay.clock.advance(Duration.ofHours(1));
        text(patient, "QUIT", null);

        assertThat(records(admin, "?from=" + first + "&to=" + second)).hasSize(1);
        assertThat(records(admin, "?from=" + second)).hasSize(2);
        assertThat(records(admin, "?to=" + second)).hasSize(1);
        assertThat(records(admin, "?from=" + first + "&to=" + first)).isEmpty();

        HttpResponse<String> page = relay.get("/api/v1/consent?limit=2", admin);
        assertThat(page.headers().firstValue("PracticeText-More")).hasValue("true");
        JsonNode two = relay.read(page);
        assertThat(two).hasSize(2);
        HttpResponse<String> rest = relay.get("/api/v1/consent?limit=2&after=" + two.get(1).get("id").asLong(), admin);
        assertThat(rest.headers().firstValue("PracticeText-More")).hasValue("false");
        assertThat(relay.read(rest)).hasSize(1);
        assertThat(relay.read(rest).get(0).get("keywordText").asText()).isEqualTo("QUIT");
    }

    @Test
    void aMalformedInstantOrARangeTheWrongWayRoundIsAPrecise400() {
        for (String query : List.of("?from=yesterday", "?to=2026-11-02", "?from=2026-13-01T00:00:00Z", "?contactId=abc", "?limit=0", "?limit=1001")) {
            HttpResponse<String> r = relay.get("/api/v1/consent" + query, admin);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("bad_request");
        }
        HttpResponse<String> backwards = relay.get("/api/v1/consent/export.csv?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", admin);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(relay.read(backwards).get("error").get("message").asText()).contains("wrong way round");
        assertThat(relay.get("/api/v1/consent?from=2026-11-01T00:00:00Z", admin).statusCode()).isEqualTo(200);
        assertThat(relay.get("/api/v1/consent?from=2026-11-01T09:00:00-05:00", admin).statusCode()).as("an offset is an instant too").isEqualTo(200);
    }

    @Test
    void theExportsAreForAdminsAndTheListForEveryone() {
        assertThat(relay.get("/api/v1/consent", viewer).statusCode()).isEqualTo(200);
        assertThat(relay.get("/api/v1/consent", null).statusCode()).isEqualTo(401);
        for (String path : List.of("/api/v1/consent/export.csv", "/api/v1/consent/opted-out.csv")) {
            assertThat(relay.get(path, viewer).statusCode()).as(path).isEqualTo(403);
            assertThat(relay.get(path, staff).statusCode()).as(path).isEqualTo(403);
            assertThat(relay.get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(relay.get(path, admin).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theExportIsAnRfc4180FileWithFormulasDefused() {
        String patient = phone();
        String typed = "=HYPERLINK(\"http://evil.example\",\"Stop\")";
        text(patient, typed, "STOP"); // Twilio's Advanced Opt-Out took it as STOP
        long id = contactId(patient);
        assertThat(relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/contacts/" + id))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin).method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"@Chen, Robert\",\"externalId\":\"-42\"}")).build()).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> export = csv("/api/v1/consent/export.csv?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z", admin);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").contains("utf-8");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"consent-records-" + practice.slug() + "-from-2026-01-01-to-2027-01-01.csv\"");
        String text = new String(export.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFRecord ID,Time (UTC),Time (America/Chicago),");
        assertThat(text).contains("\r\n").doesNotContain("\n\n");
        List<String> rows = csvRows(export);
        assertThat(rows).hasSize(2);
        String row = rows.get(1);
        Instant at = relay.clock.instant();
        String local = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(java.time.ZoneId.of("America/Chicago")));
        assertThat(row).contains("," + at + "," + local + ",")
                .contains(",'" + patient + ",")
                .contains(",\"'@Chen, Robert\",'-42,opted_out,keyword,")
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Stop\"\")\",STOP,,");
    }

    @Test
    void theOptedOutExportListsWhoCannotBeTextedWithTheRecordThatMadeItSo() {
        String stopped = phone();
        String blocked = phone();
        String texting = phone();
        text(stopped, "End", null);
        text(blocked, "Hi", null);
        text(texting, "STOP", null);
        text(texting, "START", null);
        act(staff, contactId(blocked), "block", Map.of("reason", "Not a patient"));

        HttpResponse<byte[]> export = csv("/api/v1/consent/opted-out.csv", admin);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"opted-out-" + practice.slug());
        List<String> rows = csvRows(export);
        assertThat(rows.getFirst()).startsWith("\uFEFFContact ID,Phone,Contact name,External ID,State,");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith(contactId(stopped) + ",'" + stopped + ",,,opted_out,").contains(",keyword,End,");
        assertThat(rows.get(2)).startsWith(contactId(blocked) + ",'" + blocked + ",,,blocked,").contains(",staff,,,,,Sam Staff,Not a patient");
        assertThat(String.join("\n", rows)).doesNotContain(texting);
    }

    /** The file's lines (no cell of these tests holds a line break). */
    private static List<String> csvRows(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return List.of(new String(response.body(), StandardCharsets.UTF_8).split("\r\n"));
    }
}
