// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.LogCapture;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;

/**
 * Settings → Team against a real relay: who may manage the team, what each change does to the
 * member's sessions, the feed and the practice's conversations, and the guard rails.
 */
class TeamActionsTest {
    private static final String NEW_PASSWORD = "molar-sunrise-42-lagoon";

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    Clinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new Clinic(relay);
    }

    private Reply add(String username, String role, String setup) {
        return clinic.post(clinic.admin, "/api/v1/team", Map.of("username", username, "name", "Rita Reception", "role", role, "setup", setup));
    }

    private HttpResponse<String> signIn(String username, String password) {
        return relay.postJson("/api/v1/session", null, Map.of("practice", clinic.practice.slug(), "username", username, "password", password));
    }

    private String tokenOf(String username, String password) {
        HttpResponse<String> r = signIn(username, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return relay.read(r).get("token").asText();
    }

    private Reply changePassword(String token, String current, String next) {
        return clinic.post(token, "/api/v1/account/password", Map.of("currentPassword", current, "newPassword", next));
    }

    @Test
    void anAdminSeesTheWholeTeamWithRoleAndStatus() {
        Reply reply = clinic.call(clinic.admin, "GET", "/api/v1/team", "application/json", "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().findValuesAsText("username")).containsExactlyInAnyOrder("admin", "staff", "viewer");
        assertThat(reply.body().findValuesAsText("status")).containsOnly("active");
        assertThat(reply.body().findValuesAsText("role")).containsExactlyInAnyOrder("admin", "staff", "viewer");
    }

    @Test
    void staffAndViewersMayNotSeeOrChangeTheTeam() {
        long staffId = clinic.userId("staff");
        for (String token : List.of(clinic.staff, clinic.viewer)) {
            assertThat(clinic.call(token, "GET", "/api/v1/team", "application/json", "").status()).isEqualTo(403);
            assertThat(clinic.post(token, "/api/v1/team", Map.of("username", "x1", "role", "admin", "setup", "password")).status()).isEqualTo(403);
            assertThat(clinic.patch(token, "/api/v1/team/" + staffId, Map.of("role", "admin")).status()).isEqualTo(403);
            assertThat(clinic.post(token, "/api/v1/team/" + staffId + "/password-reset").status()).isEqualTo(403);
            assertThat(clinic.post(token, "/api/v1/team/" + staffId + "/deactivate").status()).isEqualTo(403);
            assertThat(clinic.call(token, "GET", "/api/v1/numbers", "application/json", "").status()).isEqualTo(403);
        }
        assertThat(clinic.latest("user", staffId).get("role").asText()).isEqualTo("staff");
    }

    @Test
    void anAddedReceptionistSignsInWithTheOneTimePasswordAndMustChooseHerOwnFirst() {
        long cursor = clinic.cursor();
        Reply added = add("rita", "staff", "password");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String oneTime = added.body().get("secret").asText();
        assertThat(added.body().get("kind").asText()).isEqualTo("password");
        assertThat(added.body().get("member").get("status").asText()).isEqualTo("invited");
        assertThat(clinic.eventsSince(cursor, "user")).singleElement().satisfies(u -> assertThat(u.get("username").asText()).isEqualTo("rita"));

        HttpResponse<String> first = signIn("rita", oneTime);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(relay.read(first).get("passwordChangeRequired").asBoolean()).isTrue();
        String token = relay.read(first).get("token").asText();
        Reply refused = new Reply(relay.get("/api/v1/events?after=0", token).statusCode(), relay.json.createObjectNode());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(relay.get("/api/v1/session", token).statusCode()).isEqualTo(200);

        assertThat(changePassword(token, oneTime, NEW_PASSWORD).status()).isEqualTo(204);

        assertThat(relay.get("/api/v1/events?after=0", token).statusCode()).isEqualTo(200);
        assertThat(signIn("rita", oneTime).statusCode()).isEqualTo(401);
        assertThat(relay.read(signIn("rita", NEW_PASSWORD)).get("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(memberStatus("rita")).isEqualTo("active");
    }

    @Test
    void anInviteCodeWorksLikeAOneTimePasswordForAWeek() {
        Reply added = add("ivy", "viewer", "invite");
        assertThat(added.status()).isEqualTo(201);
        String code = added.body().get("secret").asText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

        relay.clock.advance(Duration.ofDays(6));
        assertThat(relay.read(signIn("ivy", code)).get("passwordChangeRequired").asBoolean()).isTrue();
        relay.clock.advance(Duration.ofDays(2));
        assertThat(signIn("ivy", code).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredOneTimePasswordSignsInNoOne() {
        String oneTime = add("late", "staff", "password").body().get("secret").asText();

        relay.clock.advance(Duration.ofHours(25));

        assertThat(signIn("late", oneTime).statusCode()).isEqualTo(401);
    }

    @Test
    void usernamesAreUniqueInAPracticeWhateverTheirCase() {
        Reply reply = add("STAFF", "staff", "password");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("conflict");
    }

    @Test
    void theSameUsernameMayBeUsedInAnotherPractice() {
        Clinic other = new Clinic(relay);

        assertThat(other.post(other.admin, "/api/v1/team", Map.of("username", "rita", "role", "staff", "setup", "invite")).status()).isEqualTo(201);
        assertThat(add("rita", "staff", "invite").status()).isEqualTo(201);
    }

    @Test
    void badInputIsRefusedWithAPreciseMessage() {
        assertThat(clinic.post(clinic.admin, "/api/v1/team", Map.of("username", "rita", "role", "owner", "setup", "password")).message())
                .contains("admin, staff, viewer or billing");
        assertThat(clinic.post(clinic.admin, "/api/v1/team", Map.of("username", "rita", "role", "staff", "setup", "email")).message())
                .contains("\"password\"").contains("\"invite\"");
        assertThat(clinic.post(clinic.admin, "/api/v1/team", Map.of("username", "r i t a", "role", "staff", "setup", "password")).message())
                .contains("username");
        assertThat(clinic.post(clinic.admin, "/api/v1/team", Map.of("role", "staff", "setup", "password")).status()).isEqualTo(400);
        assertThat(clinic.patch(clinic.admin, "/api/v1/team/" + clinic.userId("staff"), Map.of()).status()).isEqualTo(400);
        assertThat(clinic.post(clinic.admin, "/api/v1/team/abc/deactivate").status()).isEqualTo(400);
    }

    @Test
    void aFieldSentAsNullIsLeftAsItIs() {
        java.util.Map<String, Object> change = new java.util.HashMap<>();
        change.put("role", "staff");
        change.put("name", null);

        Reply reply = clinic.patch(clinic.admin, "/api/v1/team/" + clinic.userId("viewer"), change);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().get("name").asText()).isEqualTo("Vic Viewer");
        assertThat(reply.body().get("role").asText()).isEqualTo("staff");
    }

    @Test
    void anotherPracticesMembersAreNotFound() {
        Clinic other = new Clinic(relay);
        long theirStaff = other.userId("staff");

        assertThat(clinic.patch(clinic.admin, "/api/v1/team/" + theirStaff, Map.of("role", "viewer")).status()).isEqualTo(404);
        assertThat(clinic.post(clinic.admin, "/api/v1/team/" + theirStaff + "/password-reset").status()).isEqualTo(404);
        assertThat(clinic.post(clinic.admin, "/api/v1/team/" + theirStaff + "/deactivate").status()).isEqualTo(404);
        assertThat(clinic.call(clinic.admin, "GET", "/api/v1/team", "application/json", "").body().findValuesAsText("id"))
                .doesNotContain(Long.toString(theirStaff));
        assertThat(relay.get("/api/v1/events?after=0", other.staff).statusCode()).isEqualTo(200);
        assertThat(other.latest("user", theirStaff).get("role").asText()).isEqualTo("staff");
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        long admin = clinic.userId("admin");

        Reply demote = clinic.patch(clinic.admin, "/api/v1/team/" + admin, Map.of("role", "staff"));
        Reply deactivate = clinic.post(clinic.admin, "/api/v1/team/" + admin + "/deactivate");

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.code()).isEqualTo("last_admin");
        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(deactivate.message()).contains("only active admin");
    }

    @Test
    void withASecondAdminTheFirstMayStepDown() {
        long staff = clinic.userId("staff");
        assertThat(clinic.patch(clinic.admin, "/api/v1/team/" + staff, Map.of("role", "admin")).status()).isEqualTo(200);

        Reply demote = clinic.patch(clinic.admin, "/api/v1/team/" + clinic.userId("admin"), Map.of("role", "staff"));

        assertThat(demote.status()).isEqualTo(200);
        assertThat(clinic.call(clinic.staff, "GET", "/api/v1/team", "application/json", "").status()).isEqualTo(200);
        assertThat(clinic.call(clinic.admin, "GET", "/api/v1/team", "application/json", "").status()).isEqualTo(403);
    }

    @Test
    void aChangedRoleReachesTheFeedWithItsPermissions() {
        long viewer = clinic.userId("viewer");
        long cursor = clinic.cursor();

        clinic.patch(clinic.admin, "/api/v1/team/" + viewer, Map.of("role", "staff"));

        JsonNode user = clinic.eventsSince(cursor, "user").getFirst();
        assertThat(user.get("role").asText()).isEqualTo("staff");
        assertThat(user.get("permissions").toString()).contains("sms.send");
        assertThat(clinic.post(clinic.viewer, "/api/v1/messages", Map.of("clientId", "c-1", "to", "+15005550006", "body", "Hi")).status())
                .isNotEqualTo(403);
    }

    @Test
    void aDeactivatedMembersTokenIsRefusedAtOnceAndTheirParkedPollEnds() throws Exception {
        long staff = clinic.userId("staff");
        long head = clinic.cursor();
        int parkedBefore = relay.server.feed().hub().parked();
        CompletableFuture<HttpResponse<String>> parked = relay.getAsync("/api/v1/events?after=" + head + "&wait=25", clinic.staff);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (relay.server.feed().hub().parked() <= parkedBefore) { // parked, not still on its way in
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the poll never parked");
            }
            Thread.sleep(10);
        }

        Reply reply = clinic.post(clinic.admin, "/api/v1/team/" + staff + "/deactivate");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("status").asText()).isEqualTo("deactivated");
        assertThat(relay.get("/api/v1/session", clinic.staff).statusCode()).isEqualTo(401);
        assertThat(parked.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
        assertThat(signIn("staff", RelayFixture.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(clinic.latest("user", staff).get("active").asBoolean()).isFalse();
    }

    @Test
    void deactivatingUnassignsTheirConversationsAndKeepsTheirNameOnWhatTheySent() {
        long staff = clinic.userId("staff");
        long conversation = clinic.textFrom("+15005550006", "Can I come at 3?");
        assertThat(clinic.post(clinic.admin, "/api/v1/conversations/" + conversation + "/assign", Map.of("userId", staff)).status()).isEqualTo(200);
        Reply sent = clinic.post(clinic.staff, "/api/v1/messages", Map.of("clientId", "c-dea", "conversationId", conversation, "body", "Yes, 3 works."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        long cursor = clinic.cursor();

        clinic.post(clinic.admin, "/api/v1/team/" + staff + "/deactivate");

        assertThat(clinic.eventsSince(cursor, "conversation")).singleElement()
                .satisfies(c -> assertThat(c.get("assigneeId").isNull()).isTrue());
        JsonNode message = clinic.latest("message", sent.id());
        assertThat(message.get("sender").get("name").asText()).isEqualTo("Sam Staff");
        assertThat(clinic.post(clinic.admin, "/api/v1/conversations/" + conversation + "/assign", Map.of("userId", staff)).status()).isEqualTo(400);
    }

    @Test
    void aResetGivesANewOneTimePasswordAndEndsTheirSessions() {
        long staff = clinic.userId("staff");

        Reply reset = clinic.post(clinic.admin, "/api/v1/team/" + staff + "/password-reset");

        assertThat(reset.status()).isEqualTo(200);
        assertThat(relay.get("/api/v1/session", clinic.staff).statusCode()).isEqualTo(401);
        assertThat(signIn("staff", RelayFixture.PASSWORD).statusCode()).isEqualTo(401);
        String token = tokenOf("staff", reset.body().get("secret").asText());
        assertThat(relay.get("/api/v1/events?after=0", token).statusCode()).isEqualTo(403);
        assertThat(memberStatus("staff")).isEqualTo("invited");
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsOnly() {
        String other = tokenOf("viewer", RelayFixture.PASSWORD);

        Reply reply = changePassword(clinic.viewer, RelayFixture.PASSWORD, NEW_PASSWORD);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(relay.get("/api/v1/session", clinic.viewer).statusCode()).isEqualTo(200);
        assertThat(relay.get("/api/v1/session", other).statusCode()).isEqualTo(401);
        assertThat(signIn("viewer", NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(signIn("viewer", RelayFixture.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        Reply reply = changePassword(clinic.viewer, "not the password", NEW_PASSWORD);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("wrong_password");
        assertThat(relay.get("/api/v1/session", clinic.viewer).statusCode()).isEqualTo(200);
        assertThat(signIn("viewer", RelayFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aWeakPasswordIsRefusedWithTheRule() {
        for (String weak : List.of("short", "viewer-viewer-1", "aaaaaaaaaaaa", "password123", "x".repeat(129) + "yz")) {
            Reply reply = changePassword(clinic.viewer, RelayFixture.PASSWORD, weak);
            assertThat(reply.status()).as(weak).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("weak_password");
            assertThat(reply.message()).contains("10 to 128 characters");
        }
        assertThat(signIn("viewer", RelayFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminSeesThePracticesNumbersAndTheirInboxes() {
        Reply reply = clinic.call(clinic.admin, "GET", "/api/v1/numbers", "application/json", "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).singleElement().satisfies(n -> {
            assertThat(n.get("phone").asText()).isEqualTo(clinic.practice.number());
            assertThat(n.get("inboxName").asText()).isEqualTo("Front Desk");
        });
    }

    @Test
    void noTeamChangeWritesANameOrUsernameToTheLog() {
        try (LogCapture log = new LogCapture("org.practicetext")) {
            String oneTime = add("quinn.q", "staff", "password").body().get("secret").asText();
            changePassword(tokenOf("quinn.q", oneTime), oneTime, NEW_PASSWORD);
            clinic.post(clinic.admin, "/api/v1/team/" + clinic.userId("quinn.q") + "/deactivate");

            assertThat(log.text()).doesNotContain("quinn.q").doesNotContain("Rita Reception").doesNotContain(oneTime).doesNotContain(NEW_PASSWORD);
        }
    }

    private String memberStatus(String username) {
        for (JsonNode m : clinic.call(clinic.admin, "GET", "/api/v1/team", "application/json", "").body()) {
            if (m.get("username").asText().equals(username)) {
                return m.get("status").asText();
            }
        }
        throw new AssertionError(username + " is not in the team");
    }
}
