// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;

class InboxActionsTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    Clinic clinic;
    long frontDesk;

    @BeforeEach
    void clinic() {
        clinic = new Clinic(relay);
        frontDesk = clinic.inboxId("Front Desk");
    }

    private long create(String name) {
        Reply reply = clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", name));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id();
    }

    @Test
    void creatingAnInboxFeedsIt() {
        long cursor = clinic.cursor();

        Reply reply = clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", "  Billing "));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("name").asText()).isEqualTo("Billing");
        assertThat(reply.body().get("deleted").asBoolean()).isFalse();
        assertThat(clinic.eventsSince(cursor, "inbox")).containsExactly(reply.body());
    }

    @Test
    void creatingAnInboxWithANameTakenInAnyCaseIsAConflict() {
        Reply reply = clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", "front desk"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("conflict");
        assertThat(reply.message()).contains("Front Desk");
    }

    @Test
    void aDeletedInboxsNameCanBeUsedAgain() {
        long billing = create("Billing");
        clinic.delete(clinic.admin, "/api/v1/inboxes/" + billing + "?moveTo=" + frontDesk);

        assertThat(clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", "Billing")).status()).isEqualTo(201);
    }

    @Test
    void creatingAnInboxWithoutANameIsABadRequest() {
        Reply reply = clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", " "));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("name is required.");
    }

    @Test
    void renamingAnInboxFeedsTheNewName() {
        long cursor = clinic.cursor();

        Reply reply = clinic.patch(clinic.admin, "/api/v1/inboxes/" + frontDesk, Map.of("name", "Reception"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("name").asText()).isEqualTo("Reception");
        assertThat(clinic.eventsSince(cursor, "inbox")).containsExactly(reply.body());
    }

    @Test
    void renamingToAnotherInboxsNameIsAConflict() {
        long billing = create("Billing");

        Reply reply = clinic.patch(clinic.admin, "/api/v1/inboxes/" + billing, Map.of("name", "FRONT DESK"));

        assertThat(reply.status()).isEqualTo(409);
    }

    @Test
    void deletingAnInboxMovesItsConversationsAndLeavesATombstone() {
        long billing = create("Billing");
        long first = clinic.textFrom("+15557654321", "Hi");
        long second = clinic.textFrom("+15557654322", "Hello");
        long cursor = clinic.cursor();

        Reply reply = clinic.delete(clinic.admin, "/api/v1/inboxes/" + frontDesk + "?moveTo=" + billing);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().get("deleted").asBoolean()).isTrue();
        assertThat(clinic.eventsSince(cursor, "inbox")).containsExactly(reply.body());
        assertThat(clinic.eventsSince(cursor, "conversation")).extracting(c -> c.get("id").asLong()).containsExactlyInAnyOrder(first, second);
        assertThat(clinic.eventsSince(cursor, "conversation")).allSatisfy(c -> assertThat(c.get("inboxId").asLong()).isEqualTo(billing));
    }

    @Test
    void afterDeletingAnInboxANewTextToItsNumberLandsInTheTargetInbox() {
        long billing = create("Billing");

        clinic.delete(clinic.admin, "/api/v1/inboxes/" + frontDesk + "?moveTo=" + billing);
        clinic.textFrom("+15557654329", "Is this still the dentist?");

        assertThat(clinic.conversationWith("+15557654329").get("inboxId").asLong()).isEqualTo(billing);
    }

    @Test
    void deletingTheLastInboxIsABadRequest() {
        Reply reply = clinic.delete(clinic.admin, "/api/v1/inboxes/" + frontDesk + "?moveTo=" + frontDesk);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("last inbox");
        assertThat(clinic.latest("inbox", frontDesk).get("deleted").asBoolean()).isFalse();
    }

    @Test
    void deletingWithoutMoveToIsABadRequest() {
        create("Billing");

        Reply reply = clinic.delete(clinic.admin, "/api/v1/inboxes/" + frontDesk);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("moveTo");
    }

    @Test
    void deletingIntoItselfIsABadRequest() {
        create("Billing");

        Reply reply = clinic.delete(clinic.admin, "/api/v1/inboxes/" + frontDesk + "?moveTo=" + frontDesk);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("moveTo").contains("another inbox");
    }

    @Test
    void deletingIntoAnInboxOfAnotherPracticeIsNotFound() {
        create("Billing");
        Clinic other = new Clinic(relay);
        long theirs = other.inboxId("Front Desk");
        long conversation = clinic.textFrom("+15557654321", "Hi");

        Reply reply = clinic.delete(clinic.admin, "/api/v1/inboxes/" + frontDesk + "?moveTo=" + theirs);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(clinic.latest("conversation", conversation).get("inboxId").asLong()).isEqualTo(frontDesk);
    }

    @Test
    void renamingAnInboxOfAnotherPracticeIsNotFound() {
        Clinic other = new Clinic(relay);

        Reply reply = other.patch(other.admin, "/api/v1/inboxes/" + frontDesk, Map.of("name", "Mine now"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
        assertThat(clinic.latest("inbox", frontDesk).get("name").asText()).isEqualTo("Front Desk");
    }

    @Test
    void aDeletedInboxCannotBeRenamed() {
        long billing = create("Billing");
        clinic.delete(clinic.admin, "/api/v1/inboxes/" + billing + "?moveTo=" + frontDesk);

        assertThat(clinic.patch(clinic.admin, "/api/v1/inboxes/" + billing, Map.of("name", "Old bills")).status()).isEqualTo(404);
    }

    @Test
    void staffMayNotChangeInboxes() {
        Reply reply = clinic.post(clinic.staff, "/api/v1/inboxes", Map.of("name", "Billing"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.message()).contains("settings.manage");
    }

    @Test
    void aViewerMayNotChangeInboxes() {
        assertThat(clinic.patch(clinic.viewer, "/api/v1/inboxes/" + frontDesk, Map.of("name", "Mine")).status()).isEqualTo(403);
    }

    @Test
    void staffMayNotDeleteAnInbox() {
        long billing = create("Billing");

        Reply reply = clinic.delete(clinic.staff, "/api/v1/inboxes/" + billing + "?moveTo=" + frontDesk);

        assertThat(reply.status()).isEqualTo(403);
        JsonNode inbox = clinic.latest("inbox", billing);
        assertThat(inbox.get("deleted").asBoolean()).isFalse();
    }
}
