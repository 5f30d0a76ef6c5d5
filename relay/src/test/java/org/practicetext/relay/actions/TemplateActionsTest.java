// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;

class TemplateActionsTest {
    private static final String REMINDER = "Reminder: your appointment is tomorrow. Reply C to confirm.";

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    Clinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new Clinic(relay);
    }

    private long create(String name, String body) {
        Reply reply = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", name, "body", body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id();
    }

    @Test
    void creatingATemplateFeedsItToTheWholeTeam() {
        long cursor = clinic.cursor();

        Reply reply = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", "Reminder", "body", REMINDER));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("name").asText()).isEqualTo("Reminder");
        assertThat(reply.body().get("body").asText()).isEqualTo(REMINDER);
        assertThat(reply.body().get("deleted").asBoolean()).isFalse();
        assertThat(clinic.eventsSince(cursor, "template")).containsExactly(reply.body());
        assertThat(relay.entities(clinic.viewer, "template")).containsValue(reply.body());
    }

    @Test
    void editingATemplateChangesOnlyWhatIsSent() {
        long id = create("Reminder", REMINDER);
        long cursor = clinic.cursor();

        Reply reply = clinic.patch(clinic.admin, "/api/v1/templates/" + id, Map.of("name", "Appointment reminder"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("name").asText()).isEqualTo("Appointment reminder");
        assertThat(reply.body().get("body").asText()).isEqualTo(REMINDER);
        assertThat(clinic.eventsSince(cursor, "template")).containsExactly(reply.body());
    }

    @Test
    void deletingATemplateLeavesATombstoneInTheFeed() {
        long id = create("Reminder", REMINDER);

        Reply reply = clinic.delete(clinic.admin, "/api/v1/templates/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("deleted").asBoolean()).isTrue();
        assertThat(clinic.latest("template", id)).isEqualTo(reply.body());
    }

    @Test
    void aDeletedTemplateCannotBeEdited() {
        long id = create("Reminder", REMINDER);
        clinic.delete(clinic.admin, "/api/v1/templates/" + id);

        assertThat(clinic.patch(clinic.admin, "/api/v1/templates/" + id, Map.of("body", "Back again")).status()).isEqualTo(404);
    }

    @Test
    void aBodyOf1600CharactersIsAccepted() {
        assertThat(clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", "Long", "body", "a".repeat(1600))).status()).isEqualTo(201);
    }

    @Test
    void aBodyLongerThan1600CharactersIsABadRequest() {
        Reply reply = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", "Long", "body", "a".repeat(1601)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("body").contains("1600");
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        Reply reply = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", "Empty", "body", ""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("body is required.");
    }

    @Test
    void aNameTakenByAnotherTemplateIsAConflict() {
        create("Reminder", REMINDER);

        Reply reply = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", "reminder", "body", "Another"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.message()).contains("Reminder");
    }

    @Test
    void staffMayNotCreateTemplates() {
        Reply reply = clinic.post(clinic.staff, "/api/v1/templates", Map.of("name", "Reminder", "body", REMINDER));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.message()).contains("settings.manage");
    }

    @Test
    void staffMayNotDeleteTemplates() {
        long id = create("Reminder", REMINDER);

        assertThat(clinic.delete(clinic.staff, "/api/v1/templates/" + id).status()).isEqualTo(403);
        assertThat(clinic.latest("template", id).get("deleted").asBoolean()).isFalse();
    }

    @Test
    void aViewerMayNotEditTemplates() {
        long id = create("Reminder", REMINDER);

        assertThat(clinic.patch(clinic.viewer, "/api/v1/templates/" + id, Map.of("body", "Changed")).status()).isEqualTo(403);
    }

    @Test
    void anotherPracticesTemplateIsNotFound() {
        long id = create("Reminder", REMINDER);
        Clinic other = new Clinic(relay);

        Reply reply = other.delete(other.admin, "/api/v1/templates/" + id);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
        assertThat(clinic.latest("template", id).get("deleted").asBoolean()).isFalse();
    }
}
