// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicetext.relay.RelayExtension;

/**
 * Every typed text at its limit is stored whole, and one character more is a 400 that names
 * the field. Limits count characters as people do, so an emoji (two UTF-16 units, the unit the
 * database counts) is one: a limit made of emoji is the longest text a column must hold.
 */
class TextLimitsTest {
    private static final String EMOJI = "😀";

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    Clinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new Clinic(relay);
    }

    private static String emoji(int count) {
        return EMOJI.repeat(count);
    }

    @Test
    void aContactNameOf200EmojiIsStoredAnd201IsABadRequest() {
        Reply stored = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345601", "name", emoji(200)));
        Reply tooLong = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345602", "name", emoji(201)));

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(clinic.contactWith("+15552345601").get("name").asText()).isEqualTo(emoji(200));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.message()).contains("name").contains("200");
    }

    @Test
    void anExternalIdOf100EmojiIsStoredAnd101IsABadRequest() {
        Reply stored = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345603", "externalId", emoji(100)));
        Reply tooLong = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345604", "externalId", emoji(101)));

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(clinic.contactWith("+15552345603").get("externalId").asText()).isEqualTo(emoji(100));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.message()).contains("external id").contains("100");
    }

    @Test
    void editingAndConvertingTakeTheSameLongestNames() {
        long lead = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345605")).id();

        Reply edited = clinic.patch(clinic.staff, "/api/v1/contacts/" + lead, Map.of("name", emoji(200), "externalId", emoji(100)));
        Reply converted = clinic.post(clinic.staff, "/api/v1/contacts/" + lead + "/convert", Map.of("name", "🦷" + emoji(199)));
        Reply tooLong = clinic.patch(clinic.staff, "/api/v1/contacts/" + lead, Map.of("name", emoji(201)));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        assertThat(clinic.latest("contact", lead).get("name").asText()).isEqualTo("🦷" + emoji(199));
        assertThat(tooLong.status()).isEqualTo(400);
    }

    @Test
    void aPatientWithTheLongestNameCanTextAndBeAnswered() {
        clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345606", "name", emoji(200)));

        long conversation = clinic.textFrom("+15552345606", "Hi, it's me");

        JsonNode message = clinic.eventsSince(0, "message").stream().filter(m -> m.get("conversationId").asLong() == conversation)
                .findFirst().orElseThrow();
        assertThat(message.get("sender").get("name").asText()).isEqualTo(emoji(200));
    }

    @Test
    void anInboxNameOf100EmojiIsStoredAnd101IsABadRequest() {
        Reply stored = clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", emoji(100)));
        Reply renamed = clinic.patch(clinic.admin, "/api/v1/inboxes/" + stored.id(), Map.of("name", "🦷" + emoji(99)));
        Reply tooLong = clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", emoji(101)));

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(clinic.latest("inbox", stored.id()).get("name").asText()).isEqualTo("🦷" + emoji(99));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.message()).contains("name").contains("100");
    }

    @Test
    void aTemplateNameOf100EmojiAndABodyOf1600EmojiAreStored() {
        Reply stored = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", emoji(100), "body", emoji(1600)));
        Reply longName = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", emoji(101), "body", "Hi"));
        Reply longBody = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", "Other", "body", emoji(1601)));

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        JsonNode template = clinic.latest("template", stored.id());
        assertThat(template.get("name").asText()).isEqualTo(emoji(100));
        assertThat(template.get("body").asText()).isEqualTo(emoji(1600));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.message()).contains("name").contains("100");
        assertThat(longBody.status()).isEqualTo(400);
        assertThat(longBody.message()).contains("body").contains("1600");
    }

    @Test
    void anImportedNameOf200EmojiAndIdOf100EmojiAreStoredAndLongerRowsAreRefused() {
        String csv = "name,phone,patient id\n"
                + emoji(200) + ",5552345607," + emoji(100) + "\n"
                + emoji(201) + ",5552345608,P-2\n"
                + "Ann Lee,5552345609," + emoji(101) + "\n";

        Reply reply = clinic.importCsv(clinic.staff, csv);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().get("created").asInt()).isEqualTo(1);
        assertThat(reply.body().get("refused")).extracting(r -> r.get("line").asInt()).containsExactly(3, 4);
        JsonNode stored = clinic.contactWith("+15552345607");
        assertThat(stored.get("name").asText()).isEqualTo(emoji(200));
        assertThat(stored.get("externalId").asText()).isEqualTo(emoji(100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\u0000Lee", "Ann\u0007Lee", "Ann\u001bLee", "Ann\u0085Lee", "Ann\u202eeeL", "Ann\u2066Lee"})
    void aNameWithAControlOrDirectionCharacterIsABadRequest(String name) {
        Reply contact = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "+15552345610", "name", name));
        Reply inbox = clinic.post(clinic.admin, "/api/v1/inboxes", Map.of("name", name));
        Reply template = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", name, "body", "Hi"));

        for (Reply reply : new Reply[] {contact, inbox, template}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("bad_request");
            assertThat(reply.message()).contains("name").contains("U+");
        }
    }

    @Test
    void anImportedRowWithAControlCharacterIsRefusedAndTheRestImported() {
        Reply reply = clinic.importCsv(clinic.staff, "name,phone\nAnn\u0000Lee,5552345611\nBob Ray,5552345612\n");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().get("created").asInt()).isEqualTo(1);
        assertThat(reply.body().get("refused").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(reply.body().get("refused").get(0).get("reason").asText()).contains("U+0000");
    }

    @Test
    void aTemplateBodyKeepsLineBreaksAndRightToLeftMarksButNotAControlCharacter() {
        Reply kept = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", "Hebrew", "body", "שלום\u200f\nSee you\tsoon"));
        Reply refused = clinic.post(clinic.admin, "/api/v1/templates", Map.of("name", "Bell", "body", "Ding\u0007"));

        assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
        assertThat(clinic.latest("template", kept.id()).get("body").asText()).isEqualTo("שלום\u200f\nSee you\tsoon");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("body").contains("U+0007");
    }
}
