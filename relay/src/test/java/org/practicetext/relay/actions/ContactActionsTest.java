// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;

class ContactActionsTest {
    private static final String LEAD = "+15557654321";

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    Clinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new Clinic(relay);
    }

    private long lead() {
        clinic.textFrom(LEAD, "Do you take new patients?");
        return clinic.contactWith(LEAD).get("id").asLong();
    }

    /** The reply of a successful action, after checking that its one contact event carries the same state. */
    private JsonNode checkEvent(long cursor, Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(clinic.eventsSince(cursor, "contact")).containsExactly(reply.body());
        return reply.body();
    }

    @Test
    void blockingRecordsWhoBlockedAndWhen() {
        long contact = lead();
        long cursor = clinic.cursor();

        JsonNode blocked = checkEvent(cursor, clinic.post(clinic.staff, "/api/v1/contacts/" + contact + "/block"), 200);

        assertThat(blocked.get("blocked").asBoolean()).isTrue();
        assertThat(blocked.get("blockedBy").asLong()).isEqualTo(clinic.userId("staff"));
        assertThat(blocked.get("blockedAt").asText()).isEqualTo(relay.clock.instant().toString());
    }

    @Test
    void unblockingClearsTheBlock() {
        long contact = lead();
        clinic.post(clinic.staff, "/api/v1/contacts/" + contact + "/block");
        long cursor = clinic.cursor();

        JsonNode unblocked = checkEvent(cursor, clinic.post(clinic.staff, "/api/v1/contacts/" + contact + "/unblock"), 200);

        assertThat(unblocked.get("blocked").asBoolean()).isFalse();
        assertThat(unblocked.get("blockedBy").isNull()).isTrue();
    }

    @Test
    void aViewerMayNotBlockAContact() {
        long contact = lead();

        Reply reply = clinic.post(clinic.viewer, "/api/v1/contacts/" + contact + "/block");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.message()).contains("contacts.block");
        assertThat(clinic.contactWith(LEAD).get("blocked").asBoolean()).isFalse();
    }

    @Test
    void blockingAContactOfAnotherPracticeIsNotFound() {
        long contact = lead();
        Clinic other = new Clinic(relay);

        Reply reply = other.post(other.admin, "/api/v1/contacts/" + contact + "/block");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
        assertThat(clinic.contactWith(LEAD).get("blocked").asBoolean()).isFalse();
    }

    @Test
    void creatingAPatientParsesThePhoneAsTypedForThePracticeRegion() {
        long cursor = clinic.cursor();

        Reply reply = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "(555) 234-5678", "name", "Jane Doe", "externalId", "P-1001"));

        JsonNode created = checkEvent(cursor, reply, 201);
        assertThat(created.get("phone").asText()).isEqualTo("+15552345678");
        assertThat(created.get("kind").asText()).isEqualTo("patient");
        assertThat(created.get("name").asText()).isEqualTo("Jane Doe");
        assertThat(created.get("externalId").asText()).isEqualTo("P-1001");
    }

    @Test
    void creatingAPatientWithAPhoneAContactHasIsAConflictNamingThatContact() {
        clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345678", "name", "Jane Doe"));

        Reply reply = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "555-234-5678", "name", "John Doe"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("conflict");
        assertThat(reply.message()).contains("+15552345678").contains("Jane Doe");
    }

    @Test
    void creatingAPatientWithAnInvalidPhoneIsUnprocessableWithTheReason() {
        Reply reply = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "555-12", "name", "Jane Doe"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("invalid_phone");
        assertThat(reply.message()).contains("too short");
    }

    @Test
    void creatingAPatientWithoutAPhoneIsABadRequest() {
        Reply reply = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("name", "Jane Doe"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("phone");
    }

    @Test
    void aNameLongerThan200CharactersIsABadRequest() {
        Reply reply = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345678", "name", "J".repeat(201)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("name").contains("200");
    }

    @Test
    void aViewerMayNotCreateAContact() {
        Reply reply = clinic.post(clinic.viewer, "/api/v1/contacts", Map.of("phone", "+15552345678"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.message()).contains("contacts.manage");
    }

    @Test
    void updatingTheNameKeepsTheOtherFields() {
        long id = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345678", "name", "Jane Doe", "externalId", "P-1")).id();
        long cursor = clinic.cursor();

        JsonNode updated = checkEvent(cursor, clinic.patch(clinic.staff, "/api/v1/contacts/" + id, Map.of("name", "Jane Smith")), 200);

        assertThat(updated.get("name").asText()).isEqualTo("Jane Smith");
        assertThat(updated.get("externalId").asText()).isEqualTo("P-1");
        assertThat(updated.get("phone").asText()).isEqualTo("+15552345678");
    }

    @Test
    void updatingAFieldToNullClearsIt() {
        long id = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345678", "externalId", "P-1")).id();
        Map<String, Object> clear = new HashMap<>();
        clear.put("externalId", null);

        Reply reply = clinic.patch(clinic.staff, "/api/v1/contacts/" + id, clear);

        assertThat(reply.body().get("externalId").isNull()).isTrue();
    }

    @Test
    void updatingThePhoneToAnotherContactsPhoneIsAConflict() {
        lead();
        long id = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345678", "name", "Jane Doe")).id();

        Reply reply = clinic.patch(clinic.staff, "/api/v1/contacts/" + id, Map.of("phone", LEAD));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.message()).contains(LEAD);
        assertThat(clinic.latest("contact", id).get("phone").asText()).isEqualTo("+15552345678");
    }

    @Test
    void updatingThePhoneAlsoFeedsTheContactsConversationsWithTheNewPhone() {
        long contact = lead();
        long conversation = clinic.conversationWith(LEAD).get("id").asLong();
        long cursor = clinic.cursor();

        clinic.patch(clinic.staff, "/api/v1/contacts/" + contact, Map.of("phone", "555 234 5678"));

        assertThat(clinic.eventsSince(cursor, "conversation")).singleElement()
                .satisfies(c -> assertThat(c.get("id").asLong()).isEqualTo(conversation))
                .satisfies(c -> assertThat(c.get("phone").asText()).isEqualTo("+15552345678"));
    }

    @Test
    void updatingToAnInvalidPhoneIsUnprocessable() {
        long contact = lead();

        Reply reply = clinic.patch(clinic.staff, "/api/v1/contacts/" + contact, Map.of("phone", "call me"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("invalid_phone");
    }

    @Test
    void updatingWithNothingToChangeIsABadRequest() {
        long contact = lead();

        Reply reply = clinic.patch(clinic.staff, "/api/v1/contacts/" + contact, Map.of("fullName", "Jane"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("name").contains("externalId").contains("phone");
    }

    @Test
    void updatingAContactOfAnotherPracticeIsNotFound() {
        long contact = lead();
        Clinic other = new Clinic(relay);

        Reply reply = other.patch(other.admin, "/api/v1/contacts/" + contact, Map.of("name", "Mallory"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(clinic.contactWith(LEAD).get("name").isNull()).isTrue();
    }

    @Test
    void convertingALeadMakesItAPatientWithTheGivenName() {
        long contact = lead();
        long cursor = clinic.cursor();

        Reply reply = clinic.post(clinic.staff, "/api/v1/contacts/" + contact + "/convert", Map.of("name", "Lee Lead", "externalId", "P-77"));

        JsonNode patient = checkEvent(cursor, reply, 200);
        assertThat(patient.get("kind").asText()).isEqualTo("patient");
        assertThat(patient.get("name").asText()).isEqualTo("Lee Lead");
        assertThat(patient.get("externalId").asText()).isEqualTo("P-77");
    }

    @Test
    void convertingWithoutABodyKeepsTheLeadsFields() {
        long contact = lead();

        Reply reply = clinic.post(clinic.staff, "/api/v1/contacts/" + contact + "/convert");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("kind").asText()).isEqualTo("patient");
        assertThat(reply.body().get("phone").asText()).isEqualTo(LEAD);
    }

    @Test
    void aViewerMayNotConvertALead() {
        long contact = lead();

        assertThat(clinic.post(clinic.viewer, "/api/v1/contacts/" + contact + "/convert").status()).isEqualTo(403);
        assertThat(clinic.contactWith(LEAD).get("kind").asText()).isEqualTo("lead");
    }
}
