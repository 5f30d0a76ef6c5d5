// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.patients.ContactEditorViewModel.Mode;
import org.practicetext.desktop.ui.testing.DemoDesk;

/** Adding and editing contacts from the Patients page, against the demo relay. */
class ContactEditorViewModelTest {
    DemoDesk desk;
    PatientsViewModel patients;
    ContactEditorViewModel editor;

    void signIn(String who) {
        desk = DemoDesk.as(who);
        patients = new PatientsViewModel(desk.session);
        editor = patients.editor();
    }

    @AfterEach
    void close() {
        if (desk != null) {
            desk.close();
        }
    }

    private Optional<ContactRow> listed(String phone) {
        return patients.contacts().stream().filter(c -> c.phone().equals(phone)).findFirst();
    }

    private void awaitSaved() {
        desk.await("the save's answer", () -> !editor.savingProperty().get());
    }

    @Test
    void anAddedPatientIsListedWithTheirPatientId() {
        signIn("jordan");
        editor.startNew();
        editor.nameProperty().set("Maria Lopez");
        editor.phoneProperty().set("(555) 246-8100");
        editor.externalIdProperty().set("PMS-1042");
        editor.save();
        awaitSaved();

        assertThat(editor.errorProperty().get()).isEmpty();
        assertThat(editor.doneProperty().get()).isEqualTo("Maria Lopez added.");
        assertThat(editor.modeProperty().get()).isEqualTo(Mode.NONE);
        desk.await("listed", () -> listed("+15552468100").isPresent());
        ContactRow added = listed("+15552468100").orElseThrow();
        assertThat(added.name()).isEqualTo("Maria Lopez");
        assertThat(added.externalId()).isEqualTo("PMS-1042");
        assertThat(added.kind()).isEqualTo("patient");
    }

    @Test
    void aNumberThatCannotBeTextedShowsTheRelaysReasonAndKeepsTheForm() {
        signIn("jordan");
        int before = patients.contacts().size();
        editor.startNew();
        editor.nameProperty().set("Nora Quinn");
        editor.phoneProperty().set("12");
        editor.save();
        awaitSaved();

        assertThat(editor.errorProperty().get()).isNotBlank().doesNotStartWith("The relay answered").doesNotStartWith("Could not save");
        assertThat(editor.modeProperty().get()).isEqualTo(Mode.NEW);
        assertThat(editor.nameProperty().get()).isEqualTo("Nora Quinn");
        assertThat(editor.phoneProperty().get()).isEqualTo("12");
        assertThat(patients.contacts()).hasSize(before);
    }

    @Test
    void aNumberAnotherContactHasIsRefusedNamingThem() {
        signIn("jordan");
        editor.startNew();
        editor.phoneProperty().set("(555) 345-6789");
        editor.save();
        awaitSaved();

        assertThat(editor.errorProperty().get()).contains("already belongs to");
    }

    @Test
    void aLeadIsNamedAndStaysALeadThenBecomesAPatient() {
        signIn("jordan");
        ContactRow lead = listed("+15553456789").orElseThrow();
        assertThat(lead.kind()).isEqualTo("lead");
        assertThat(lead.name()).isNull();
        editor.show(lead);
        assertThat(editor.leadProperty().get()).isTrue();
        editor.nameProperty().set("Dana Whitfield");
        editor.save();
        awaitSaved();
        desk.await("named", () -> listed("+15553456789").map(c -> "Dana Whitfield".equals(c.name())).orElse(false));
        assertThat(listed("+15553456789").orElseThrow().kind()).isEqualTo("lead");

        editor.show(listed("+15553456789").orElseThrow());
        editor.externalIdProperty().set("PMS-2001");
        editor.convert();
        awaitSaved();

        assertThat(editor.errorProperty().get()).isEmpty();
        desk.await("a patient", () -> listed("+15553456789").map(c -> "patient".equals(c.kind())).orElse(false));
        assertThat(listed("+15553456789").orElseThrow().externalId()).isEqualTo("PMS-2001");
        assertThat(listed("+15553456789").orElseThrow().name()).isEqualTo("Dana Whitfield");
    }

    @Test
    void anEditChangesTheNumberAndTheNameAndKeepsThePatientId() {
        signIn("alex");
        editor.startNew();
        editor.nameProperty().set("Owen Park");
        editor.phoneProperty().set("(555) 300-1133");
        editor.externalIdProperty().set("PMS-7");
        editor.save();
        awaitSaved();
        desk.await("listed", () -> listed("+15553001133").isPresent());

        editor.show(listed("+15553001133").orElseThrow());
        editor.nameProperty().set("Owen J. Park");
        editor.phoneProperty().set("(555) 300-1144");
        editor.save();
        awaitSaved();

        assertThat(editor.errorProperty().get()).isEmpty();
        desk.await("the new number listed", () -> listed("+15553001144").isPresent());
        ContactRow edited = listed("+15553001144").orElseThrow();
        assertThat(edited.name()).isEqualTo("Owen J. Park");
        assertThat(edited.externalId()).isEqualTo("PMS-7");
        assertThat(listed("+15553001133")).isEmpty();
    }

    @Test
    void theLineTypeIsShownAndALandlineIsMarked() {
        signIn("jordan");
        assertThat(patients.contacts()).anyMatch(c -> "landline".equals(c.lineType()));
        assertThat(PatientsPage.lineTypeLabel("landline")).isEqualTo("Landline");
        assertThat(PatientsPage.lineTypeLabel("mobile")).isEqualTo("Mobile");
        assertThat(PatientsPage.lineTypeLabel("voip")).isEqualTo("VoIP");
        assertThat(PatientsPage.lineTypeLabel("unknown")).isEmpty();
    }

    @Test
    void aViewerSeesContactsButCannotAddOrChangeThem() {
        signIn("sam");
        assertThat(editor.canManage()).isFalse();
        editor.startNew();
        assertThat(editor.modeProperty().get()).isEqualTo(Mode.NONE);
        ContactRow anna = patients.contacts().stream().filter(c -> "Anna Smith".equals(c.name())).findFirst().orElseThrow();
        editor.show(anna);
        assertThat(editor.modeProperty().get()).isEqualTo(Mode.EDIT);
        editor.nameProperty().set("Someone Else");
        editor.save();

        assertThat(editor.savingProperty().get()).isFalse();
        assertThat(editor.doneProperty().get()).isEmpty();
        assertThat(desk.client.directory().contacts("Anna", 10)).extracting(ContactRow::name).contains("Anna Smith").doesNotContain("Someone Else");
    }

    @Test
    void theFormShowsTheContactsConsentStateWithItsSource() {
        signIn("jordan");
        ContactRow robert = listed("+15555678901").orElseThrow();
        editor.show(robert);
        assertThat(editor.consentProperty().get()).startsWith("Opted out — texted 'Stop.' on Nov 1, ")
                .endsWith(" · " + org.practicetext.desktop.ui.sms.ConsentText.PATIENT_ONLY);

        editor.show(listed("+15552009999").orElseThrow());
        assertThat(editor.consentProperty().get()).startsWith("Blocked by Alex Rivera on Oct 29, ").endsWith(": Spam: a prize scam, not a patient");

        editor.show(listed("+15551234567").orElseThrow());
        assertThat(editor.consentProperty().get()).as("Anna may be texted").isEmpty();
    }
}
