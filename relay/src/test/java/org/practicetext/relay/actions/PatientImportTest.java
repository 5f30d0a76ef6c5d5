// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.relay.RelayExtension;

class PatientImportTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    Clinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new Clinic(relay);
    }

    private JsonNode report(String csv) {
        Reply reply = clinic.importCsv(clinic.staff, csv);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private static String reason(String typed) {
        try {
            new PhoneNumbers("US").parse(typed);
            throw new AssertionError(typed + " is a valid number");
        } catch (InvalidPhoneNumberException e) {
            return e.getMessage();
        }
    }

    private static String refusal(JsonNode report, int index) {
        JsonNode r = report.get("refused").get(index);
        return r.get("line").asInt() + ": " + r.get("reason").asText();
    }

    @Test
    void validRowsCreatePatients() {
        JsonNode report = report("name,phone,external_id\nJane Doe,(555) 234-5678,P-1\nJohn Roe,555.234.5679,P-2\n");

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(report.get("refused")).isEmpty();
        JsonNode jane = clinic.contactWith("+15552345678");
        assertThat(jane.get("kind").asText()).isEqualTo("patient");
        assertThat(jane.get("name").asText()).isEqualTo("Jane Doe");
        assertThat(jane.get("externalId").asText()).isEqualTo("P-1");
    }

    @Test
    void eachImportedPatientIsFedOnce() {
        long cursor = clinic.cursor();

        report("name,phone\nJane Doe,5552345678\nJohn Roe,5552345679\n");

        assertThat(clinic.eventsSince(cursor, "contact")).extracting(c -> c.get("phone").asText())
                .containsExactlyInAnyOrder("+15552345678", "+15552345679");
    }

    @Test
    void anExistingContactIsUpdatedAndBecomesAPatient() {
        clinic.textFrom("+15552345678", "Hi, is this the dentist?");

        JsonNode report = report("name,phone,patient_id\nJane Doe,555-234-5678,P-9\n");

        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(report.get("created").asInt()).isZero();
        JsonNode jane = clinic.contactWith("+15552345678");
        assertThat(jane.get("kind").asText()).isEqualTo("patient");
        assertThat(jane.get("name").asText()).isEqualTo("Jane Doe");
        assertThat(jane.get("externalId").asText()).isEqualTo("P-9");
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        String csv = "name,phone\nJane Doe,5552345678\n";
        report(csv);
        long cursor = clinic.cursor();

        JsonNode again = report(csv);

        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(clinic.eventsSince(cursor, "contact")).isEmpty();
    }

    @Test
    void aBlankNameInTheFileKeepsTheStoredName() {
        report("name,phone\nJane Doe,5552345678\n");

        report("name,phone,external_id\n,5552345678,P-3\n");

        assertThat(clinic.contactWith("+15552345678").get("name").asText()).isEqualTo("Jane Doe");
    }

    @Test
    void anInvalidPhoneIsRefusedWithItsLineAndThePhoneNumbersReason() {
        JsonNode report = report("name,phone\nJane Doe,5552345678\nBad Number,555-12\n");

        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("refused")).hasSize(1);
        assertThat(refusal(report, 0)).isEqualTo("3: Phone \"555-12\": " + reason("555-12"));
    }

    @Test
    void aRowWithoutAPhoneIsRefused() {
        JsonNode report = report("name,phone\nNo Phone,\n");

        assertThat(refusal(report, 0)).isEqualTo("2: No phone number.");
    }

    @Test
    void theSamePhoneTwiceInTheFileRefusesTheLaterRow() {
        JsonNode report = report("name,phone\nJane Doe,5552345678\nJ. Doe,(555) 234-5678\n");

        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(refusal(report, 0)).isEqualTo("3: The phone number +15552345678 is already on line 2.");
        assertThat(clinic.contactWith("+15552345678").get("name").asText()).isEqualTo("Jane Doe");
    }

    @Test
    void quotedCommasAndLineBreaksStayInsideOneValueAndLaterLinesAreCountedRight() {
        String csv = "name,phone,notes\n\"Doe, Jane\",5552345678,\"Prefers mornings,\nnever Mondays\"\nBad,123,\n";

        JsonNode report = report(csv);

        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(clinic.contactWith("+15552345678").get("name").asText()).isEqualTo("Doe, Jane");
        assertThat(report.get("refused").get(0).get("line").asInt()).isEqualTo(4);
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderIsRefused() {
        JsonNode report = report("name,phone\nDoe, Jane,5552345678\n");

        assertThat(refusal(report, 0)).startsWith("2: The row has 3 values but the header has 2 columns");
        assertThat(report.get("created").asInt()).isZero();
    }

    @Test
    void everyRefusedRowIsListedInLineOrder() {
        JsonNode report = report("name,phone\nA,\nB,12\nC,5552345678\nD,5552345678\n");

        assertThat(report.get("refused")).extracting(r -> r.get("line").asInt()).containsExactly(2, 3, 5);
    }

    @Test
    void columnsAreMatchedWithoutRegardToCaseOrSpacingAndFirstAndLastNamesAreJoined() {
        report("First Name,LAST_NAME,Mobile,Patient ID\nJane,Doe,5552345678,P-1\n");

        JsonNode jane = clinic.contactWith("+15552345678");
        assertThat(jane.get("name").asText()).isEqualTo("Jane Doe");
        assertThat(jane.get("externalId").asText()).isEqualTo("P-1");
    }

    @Test
    void aMobileNumberIsPreferredToAnotherPhoneNumber() {
        report("name,phone,cell\nJane Doe,5552340000,5552345678\nJohn Roe,5552340001,\n");

        assertThat(clinic.contactWith("+15552345678").get("name").asText()).isEqualTo("Jane Doe");
        assertThat(clinic.contactWith("+15552340001").get("name").asText()).isEqualTo("John Roe");
    }

    @Test
    void crlfLineEndingsAndAByteOrderMarkFromExcelAreRead() {
        JsonNode report = report("\uFEFFName,Phone\r\nJane Doe,5552345678\r\n");

        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(clinic.contactWith("+15552345678").get("name").asText()).isEqualTo("Jane Doe");
    }

    @Test
    void aFileWithoutAPhoneColumnIsABadRequestListingItsColumns() {
        Reply reply = clinic.importCsv(clinic.staff, "name,email\nJane,jane@example.com\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("phone column").contains("name, email");
    }

    @Test
    void anEmptyFileIsABadRequest() {
        Reply reply = clinic.importCsv(clinic.staff, "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("empty");
    }

    @Test
    void aQuoteThatIsNeverClosedIsABadRequestNamingItsLineAndNothingIsStored() {
        Reply reply = clinic.importCsv(clinic.staff, "name,phone\nJane,5552345678\n\"Doe, John,5552345679\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).startsWith("Line 3:");
        assertThat(relay.entities(clinic.admin, "contact")).isEmpty();
    }

    @Test
    void aFileInAnotherEncodingIsReadWhenTheContentTypeNamesIt() {
        byte[] latin = "name,phone\nJosé Núñez,5552345678\n".getBytes(Charset.forName("windows-1252"));

        Reply reply = clinic.send(clinic.staff, "POST", "/api/v1/contacts/import", "text/csv; charset=windows-1252",
                HttpRequest.BodyPublishers.ofByteArray(latin));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(clinic.contactWith("+15552345678").get("name").asText()).isEqualTo("José Núñez");
    }

    @Test
    void aFileThatIsNotUtf8IsABadRequestRatherThanGarbledNames() {
        byte[] latin = "name,phone\nJosé,5552345678\n".getBytes(Charset.forName("windows-1252"));

        Reply reply = clinic.send(clinic.staff, "POST", "/api/v1/contacts/import", "text/csv", HttpRequest.BodyPublishers.ofByteArray(latin));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("UTF-8");
    }

    @Test
    void aBodyThatIsNotCsvIsAnUnsupportedMediaType() {
        Reply reply = clinic.call(clinic.staff, "POST", "/api/v1/contacts/import", "application/json", "{\"phone\":\"5552345678\"}");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.message()).contains("text/csv");
    }

    @Test
    void aFileLargerThanOtherApiBodiesIsAccepted() {
        String notes = "x".repeat(1024 * 1024);

        JsonNode report = report("name,phone,notes\nJane Doe,5552345678," + notes + "\n");

        assertThat(report.get("created").asInt()).isEqualTo(1);
    }

    @Test
    void aFileOverFiveMebibytesIsTooLarge() {
        Reply reply = clinic.importCsv(clinic.staff, "name,phone,notes\nJane Doe,5552345678," + "x".repeat(5 * 1024 * 1024) + "\n");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("too_large");
    }

    @Test
    void otherApiBodiesKeepTheirSmallerLimit() {
        Reply reply = clinic.post(clinic.staff, "/api/v1/contacts", Map.of("phone", "5552345678", "name", "x".repeat(300_000)));

        assertThat(reply.status()).isEqualTo(413);
    }

    @Test
    void aViewerMayNotImport() {
        Reply reply = clinic.importCsv(clinic.viewer, "name,phone\nJane Doe,5552345678\n");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.message()).contains("contacts.manage");
        assertThat(relay.entities(clinic.admin, "contact")).isEmpty();
    }
}
