// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;

class ConversationActionsTest {
    private static final String PATIENT = "+15557654321";

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    Clinic clinic;
    long conversation;

    @BeforeEach
    void conversation() {
        clinic = new Clinic(relay);
        conversation = clinic.textFrom(PATIENT, "Can I move my cleaning to Friday?");
    }

    private String path(String action) {
        return "/api/v1/conversations/" + conversation + "/" + action;
    }

    /** Answers the action's reply after checking it succeeded and that its one feed event carries the same state. */
    private JsonNode actAndCheckEvent(String token, String action, Object body) {
        long cursor = clinic.cursor();
        Reply reply = clinic.post(token, path(action), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(clinic.eventsSince(cursor, "conversation")).containsExactly(reply.body());
        return reply.body();
    }

    @Test
    void closingAConversationAnswersItClosedAndFeedsTheNewState() {
        JsonNode closed = actAndCheckEvent(clinic.staff, "close", null);

        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("id").asLong()).isEqualTo(conversation);
    }

    @Test
    void reopeningAClosedConversationOpensIt() {
        clinic.post(clinic.staff, path("close"));

        JsonNode reopened = actAndCheckEvent(clinic.staff, "reopen", null);

        assertThat(reopened.get("status").asText()).isEqualTo("open");
    }

    @Test
    void closingAClosedConversationChangesNothingAndAppendsNoEvent() {
        clinic.post(clinic.staff, path("close"));
        long cursor = clinic.cursor();

        Reply again = clinic.post(clinic.staff, path("close"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("status").asText()).isEqualTo("closed");
        assertThat(clinic.eventsSince(cursor, "conversation")).isEmpty();
    }

    @Test
    void markingReadClearsTheUnreadCountForEveryone() {
        clinic.textFrom(PATIENT, "Or Saturday?");

        JsonNode read = actAndCheckEvent(clinic.staff, "read", null);

        assertThat(read.get("unreadCount").asInt()).isZero();
    }

    @Test
    void aViewerReadingLeavesTheConversationUnreadForTheTeam() {
        long cursor = clinic.cursor();

        Reply read = clinic.post(clinic.viewer, path("read"));

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().get("unreadCount").asInt()).isEqualTo(1);
        assertThat(clinic.eventsSince(cursor, "conversation")).isEmpty();
    }

    @Test
    void markingUnreadMakesAReadConversationUnreadAgain() {
        clinic.post(clinic.staff, path("read"));

        JsonNode unread = actAndCheckEvent(clinic.staff, "unread", null);

        assertThat(unread.get("unreadCount").asInt()).isEqualTo(1);
    }

    @Test
    void markingUnreadKeepsAHigherUnreadCount() {
        clinic.textFrom(PATIENT, "Hello?");

        Reply unread = clinic.post(clinic.staff, path("unread"));

        assertThat(unread.body().get("unreadCount").asInt()).isEqualTo(2);
    }

    @Test
    void assigningSetsTheAssigneeAndFeedsIt() {
        long sam = clinic.userId("staff");

        JsonNode assigned = actAndCheckEvent(clinic.staff, "assign", Map.of("userId", sam));

        assertThat(assigned.get("assigneeId").asLong()).isEqualTo(sam);
    }

    @Test
    void unassigningClearsTheAssignee() {
        clinic.post(clinic.staff, path("assign"), Map.of("userId", clinic.userId("admin")));

        JsonNode unassigned = actAndCheckEvent(clinic.staff, "unassign", null);

        assertThat(unassigned.get("assigneeId").isNull()).isTrue();
    }

    @Test
    void assigningAnInactiveTeamMemberIsABadRequest() {
        long vic = clinic.userId("viewer");
        relay.server.database().inTransaction(tx -> tx.update("UPDATE app_user SET active = FALSE WHERE id = ?", vic));

        Reply reply = clinic.post(clinic.staff, path("assign"), Map.of("userId", vic));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("Vic Viewer").contains("no longer an active team member");
    }

    @Test
    void aViewerCannotBeAssignedBecauseTheyCannotReply() {
        Reply reply = clinic.post(clinic.staff, path("assign"), Map.of("userId", clinic.userId("viewer")));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("conflict");
        assertThat(reply.message()).contains("Vic Viewer").contains("cannot reply");
        assertThat(clinic.latest("conversation", conversation).get("assigneeId").isNull()).isTrue();
    }

    @Test
    void assigningAUserOfAnotherPracticeIsNotFound() {
        Clinic other = new Clinic(relay);

        Reply reply = clinic.post(clinic.staff, path("assign"), Map.of("userId", other.userId("staff")));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
        assertThat(clinic.latest("conversation", conversation).get("assigneeId").isNull()).isTrue();
    }

    @Test
    void assigningWithoutAUserIdIsABadRequestNamingTheField() {
        Reply reply = clinic.post(clinic.staff, path("assign"), Map.of("user", 1));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("bad_request");
        assertThat(reply.message()).contains("userId");
    }

    @Test
    void assigningWithAUserIdThatIsNotANumberIsABadRequest() {
        Reply reply = clinic.post(clinic.staff, path("assign"), Map.of("userId", "sam"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("userId").contains("whole number");
    }

    @Test
    void movingPutsTheConversationInTheOtherInbox() {
        long billing = clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", "Billing")).id();

        JsonNode moved = actAndCheckEvent(clinic.staff, "move", Map.of("inboxId", billing));

        assertThat(moved.get("inboxId").asLong()).isEqualTo(billing);
    }

    @Test
    void movingToADeletedInboxIsABadRequest() {
        long frontDesk = clinic.inboxId("Front Desk");
        long billing = clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", "Billing")).id();
        clinic.delete(clinic.admin, "/api/v1/inboxes/" + billing + "?moveTo=" + frontDesk);

        Reply reply = clinic.post(clinic.staff, path("move"), Map.of("inboxId", billing));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("Billing").contains("deleted");
    }

    @Test
    void movingToAnInboxOfAnotherPracticeIsNotFound() {
        Clinic other = new Clinic(relay);

        Reply reply = clinic.post(clinic.staff, path("move"), Map.of("inboxId", other.inboxId("Front Desk")));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(clinic.latest("conversation", conversation).get("inboxId").asLong()).isEqualTo(clinic.inboxId("Front Desk"));
    }

    @Test
    void aViewerMayNotCloseAConversation() {
        Reply reply = clinic.post(clinic.viewer, path("close"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.message()).contains("sms.send");
        assertThat(clinic.latest("conversation", conversation).get("status").asText()).isEqualTo("open");
    }

    @Test
    void aViewerMayNotAssignAConversation() {
        Reply reply = clinic.post(clinic.viewer, path("assign"), Map.of("userId", clinic.userId("viewer")));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.message()).contains("sms.assign");
    }

    @Test
    void anotherPracticesConversationIsNotFoundAndStaysAsItWas() {
        Clinic other = new Clinic(relay);

        Reply reply = other.post(other.admin, path("close"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
        assertThat(clinic.latest("conversation", conversation).get("status").asText()).isEqualTo("open");
    }

    @Test
    void aConversationIdThatIsNotANumberIsABadRequest() {
        Reply reply = clinic.post(clinic.staff, "/api/v1/conversations/abc/close");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("conversation id");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        Reply reply = clinic.call(clinic.staff, "POST", path("assign"), "application/json", "{userId:");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("malformed_json");
    }
}
