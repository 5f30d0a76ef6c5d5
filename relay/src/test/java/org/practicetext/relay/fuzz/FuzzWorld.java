// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicetext.core.Role;
import org.practicetext.relay.RelayFixture;

/**
 * What the fuzz works against: two practices, each with a number (A has two), a signed-in
 * admin, staff member and viewer, an API key, patients who have texted in, a second inbox and a
 * template. Everything a practice owns carries its marker, and its secret patients have phone
 * numbers the fuzz never generates, so an answer that shows another practice's data is caught.
 *
 * <p>It is built the same way on every run (fixed slugs, numbers and names), so a seed replays
 * the same requests against the same ids.
 */
final class FuzzWorld {
    static final List<String> ROLES = List.of("admin", "staff", "viewer");
    static final String UNKNOWN_NUMBER = "+15559990000";
    /** The fuzzed relay's PT_OPERATOR_TOKEN. */
    static final String OPERATOR_TOKEN = "fuzz-operator-token-0123456789abcdef";
    /** Patients who text both practices: the same phone is a different contact in each. */
    static final List<String> SHARED_PHONES = List.of("+15553000001", "+15553000002", "+15553000003");

    /** One practice as the fuzz knows it. */
    static final class Practice {
        final int index;
        final String slug;
        final String marker;
        final List<String> numbers;
        final List<String> secretPhones;
        final Map<String, String> tokens = new LinkedHashMap<>();
        /** Fresh tokens that a fuzzed sign-out may revoke without taking a role's token away. */
        final Deque<String> spareTokens = new ArrayDeque<>();
        String apiKey;
        long apiKeyId;
        final List<Long> numberIds = new ArrayList<>();
        long id;
        String feedId;
        final List<Long> contacts = new ArrayList<>();
        final List<Long> conversations = new ArrayList<>();
        final List<Long> messages = new ArrayList<>();
        final List<Long> inboxes = new ArrayList<>();
        final List<Long> templates = new ArrayList<>();
        final List<Long> users = new ArrayList<>();
        /** Members that fuzzed team changes may demote, reset or deactivate: none is a role whose token the run uses. */
        final List<Long> teamTargets = new ArrayList<>();
        long inactiveUser;

        Practice(int index, String slug, String marker, List<String> numbers, List<String> secretPhones) {
            this.index = index;
            this.slug = slug;
            this.marker = marker;
            this.numbers = numbers;
            this.secretPhones = secretPhones;
        }

        /** Strings that only this practice's data holds: none may reach another practice's caller. */
        List<String> secrets() {
            List<String> s = new ArrayList<>(List.of(marker, slug));
            numbers.forEach(n -> s.add(n.substring(1)));
            secretPhones.forEach(n -> s.add(n.substring(1)));
            return s;
        }
    }

    final RelayFixture relay;
    final List<Practice> practices;
    String revokedToken;
    /** SIDs of the setup's own texts: fuzzed status callbacks and duplicates point at them. */
    final List<String> setupSids = new ArrayList<>();

    private FuzzWorld(RelayFixture relay, List<Practice> practices) {
        this.relay = relay;
        this.practices = practices;
    }

    Practice other(Practice p) {
        return practices.get(1 - p.index);
    }

    static FuzzWorld build(RelayFixture relay) {
        Practice a = new Practice(0, "fuzz-a", "ZQXMARKA", List.of("+15550100001", "+15550100003"),
                List.of("+15552010001", "+15552010002", "+15552010003"));
        Practice b = new Practice(1, "fuzz-b", "ZQXMARKB", List.of("+15550100002"),
                List.of("+15552020001", "+15552020002", "+15552020003"));
        FuzzWorld world = new FuzzWorld(relay, List.of(a, b));
        for (Practice p : world.practices) {
            world.setUp(p);
        }
        Practice first = world.practices.getFirst();
        world.revokedToken = relay.signIn(new RelayFixture.TestPractice(first.slug, first.numbers.getFirst()), "viewer");
        relay.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.uri("/api/v1/session")))
                .header("Authorization", "Bearer " + world.revokedToken).DELETE().build());
        return world;
    }

    private void setUp(Practice p) {
        var tenancy = relay.server.tenancy();
        tenancy.createPractice(p.slug, "Practice " + p.marker, "US", "America/Chicago");
        for (int i = 0; i < p.numbers.size(); i++) {
            tenancy.addNumber(p.slug, p.numbers.get(i), i == 0 ? null : "Second Line " + p.marker);
        }
        tenancy.createUser(p.slug, "admin", "Ada " + p.marker, Role.ADMIN, RelayFixture.PASSWORD);
        tenancy.createUser(p.slug, "staff", "Sam " + p.marker, Role.STAFF, RelayFixture.PASSWORD);
        tenancy.createUser(p.slug, "viewer", "Vic " + p.marker, Role.VIEWER, RelayFixture.PASSWORD);
        tenancy.createUser(p.slug, "former", "Fay " + p.marker, Role.STAFF, RelayFixture.PASSWORD);
        p.teamTargets.add(tenancy.createUser(p.slug, "temp-a", "Tim " + p.marker, Role.STAFF, RelayFixture.PASSWORD).id());
        p.teamTargets.add(tenancy.createUser(p.slug, "temp-b", "Tara " + p.marker, Role.ADMIN, RelayFixture.PASSWORD).id());
        relay.server.database().inTransaction(tx -> tx.update(
                "UPDATE app_user SET active = FALSE WHERE username = 'former' AND practice_id = (SELECT id FROM practice WHERE slug = ?)", p.slug));
        p.apiKey = tenancy.createApiKey(p.slug, "reminders " + p.marker);
        RelayFixture.TestPractice tp = new RelayFixture.TestPractice(p.slug, p.numbers.getFirst());
        for (String role : ROLES) {
            p.tokens.put(role, relay.signIn(tp, role));
        }
        for (int i = 0; i < 6; i++) {
            p.spareTokens.add(relay.signIn(tp, "staff"));
        }
        String admin = p.tokens.get("admin");
        for (int i = 0; i < p.secretPhones.size(); i++) {
            HttpResponse<String> created = relay.postJson("/api/v1/contacts", admin,
                    Map.of("phone", p.secretPhones.get(i), "name", "Patient " + i + " " + p.marker, "externalId", "PMS-" + p.marker + "-" + i));
            require(created, 201);
            textIn(p, p.secretPhones.get(i), p.numbers.get(i % p.numbers.size()), "Hello from patient " + i + " " + p.marker);
        }
        for (String phone : SHARED_PHONES) {
            textIn(p, phone, p.numbers.getFirst(), "A patient of both " + p.marker);
        }
        require(relay.postJson("/api/v1/inboxes", admin, Map.of("name", "Billing " + p.marker)), 201);
        require(relay.postJson("/api/v1/templates", admin, Map.of("name", "Hours " + p.marker, "body", "We open at 8. " + p.marker)), 201);
        require(relay.postJson("/api/v1/templates", admin, Map.of("name", "Directions " + p.marker, "body", "Second floor. " + p.marker)), 201);
        for (JsonNode e : relay.events(admin, 0)) {
            long id = e.get("data").get("id").asLong();
            switch (e.get("type").asText()) {
                case "contact" -> p.contacts.add(id);
                case "conversation" -> p.conversations.add(id);
                case "message" -> p.messages.add(id);
                case "inbox" -> p.inboxes.add(id);
                case "template" -> p.templates.add(id);
                case "user" -> {
                    p.users.add(id);
                    if (e.get("data").get("username").asText().equals("former")) {
                        p.inactiveUser = id;
                        p.teamTargets.add(id);
                    }
                }
                default -> {
                }
            }
        }
        JsonNode page = relay.read(relay.get("/api/v1/events?after=0&limit=1", admin));
        p.feedId = page.get("feedId").asText();
        p.id = relay.read(relay.get("/api/v1/session", admin)).get("practice").get("id").asLong();
        var db = relay.server.database();
        p.numberIds.addAll(db.read(tx -> tx.query("SELECT id FROM practice_number WHERE practice_id = ?", rs -> rs.getLong(1), p.id)));
        p.apiKeyId = db.read(tx -> tx.queryOne("SELECT id FROM api_key WHERE practice_id = ?", rs -> rs.getLong(1), p.id)).orElseThrow();
    }

    private void textIn(Practice p, String from, String to, String body) {
        String sid = String.format("SM%032x", 0x5E70_0000L + setupSids.size()); // the same on every run
        require(relay.webhook("/twilio/sms", RelayFixture.inbound(sid, from, to, body)), 200);
        setupSids.add(sid);
    }

    private static void require(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("fuzz set-up: expected " + status + " but got " + r.statusCode() + " " + r.body());
        }
    }
}
