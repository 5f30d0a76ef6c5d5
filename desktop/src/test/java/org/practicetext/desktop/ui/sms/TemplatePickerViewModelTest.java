// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.testing.DemoDesk;

class TemplatePickerViewModelTest {
    static final String REMINDER = "Hi! A reminder of your appointment tomorrow.\nReply C to confirm.";
    DemoDesk desk;

    @AfterEach
    void close() throws Exception {
        if (desk != null) {
            desk.close();
        }
    }

    private ComposerViewModel composerAs(String user) {
        desk = DemoDesk.as(user);
        return new ComposerViewModel(desk.session);
    }

    private void openAnna(ComposerViewModel composer) {
        ConversationRow anna = desk.client.conversations().conversations(ConversationFilter.defaults().withStatus(ConversationFilter.Status.ALL), 100).stream()
                .filter(r -> r.displayName().equals("Anna Smith")).findFirst().orElseThrow();
        composer.showConversation(anna, desk.client.directory().contactByPhone(anna.phone()).orElseThrow());
    }

    private java.util.List<String> names(TemplatePickerViewModel picker) {
        return picker.shown().stream().map(Directory.Template::name).toList();
    }

    @Test
    void withNoTemplatesThePickerSaysWhoAddsThemAndWhere() {
        ComposerViewModel composer = composerAs("jordan");
        desk.adminDeletesEveryTemplate();
        desk.await("the seeded templates gone", () -> composer.templates().shown().isEmpty());
        assertThat(composer.templates().placeholderProperty().get())
                .isEqualTo("No templates yet — a practice admin adds them in Settings → Templates");
    }

    @Test
    void theDemoComesWithFrontDeskTemplates() {
        ComposerViewModel composer = composerAs("jordan");
        assertThat(names(composer.templates())).contains("Appointment confirmation", "Running late", "Insurance card request");
    }

    @Test
    void aPickedTemplateHasItsPlaceholdersFilledForThePatient() {
        ComposerViewModel composer = composerAs("jordan");
        openAnna(composer);
        assertThat(composer.templates().fill("Hi {first name} {last name}, this is {practice name}."))
                .isEqualTo("Hi Anna Smith, this is Bright Smile Dental.");
    }

    @Test
    void aTemplateAnAdministratorSavesAppearsWithoutReopening() {
        ComposerViewModel composer = composerAs("jordan");
        desk.adminCreatesTemplate("Reminder", REMINDER);
        desk.await("the template in the picker", () -> names(composer.templates()).contains("Reminder"));
    }

    @Test
    void searchNarrowsByNameOrBody() {
        ComposerViewModel composer = composerAs("jordan");
        desk.adminDeletesEveryTemplate();
        desk.adminCreatesTemplate("Reminder", REMINDER);
        desk.adminCreatesTemplate("Directions", "We are at 12 Main Street, second floor.");
        desk.await("both templates", () -> names(composer.templates()).equals(java.util.List.of("Directions", "Reminder")));
        TemplatePickerViewModel picker = composer.templates();
        picker.searchProperty().set("main street");
        assertThat(names(picker)).containsExactly("Directions");
        picker.searchProperty().set("remind");
        assertThat(names(picker)).containsExactly("Reminder");
        picker.searchProperty().set("insurance");
        assertThat(names(picker)).isEmpty();
        assertThat(picker.placeholderProperty().get()).isEqualTo("No template matches “insurance”");
    }

    @Test
    void thePreviewIsTheFirstLineOfTheBody() {
        assertThat(TemplatePickerViewModel.firstLine("\n  Hi! A reminder.\nReply C")).isEqualTo("Hi! A reminder.");
    }

    @Test
    void theButtonShowsOnlyWhileTheComposerMaySend() {
        ComposerViewModel composer = composerAs("jordan");
        assertThat(composer.templates().availableProperty().get()).isFalse();
        openAnna(composer);
        assertThat(composer.templates().availableProperty().get()).isTrue();
    }

    @Test
    void aRoleWithoutTheTemplatesToolDoesNotSeeTheButton() {
        ComposerViewModel composer = composerAs("sam");
        openAnna(composer);
        assertThat(composer.templates().availableProperty().get()).isFalse();
    }

    @Test
    void aPickedBodyReplacesTheSelectionAndTheCaretFollowsIt() {
        ComposerViewModel composer = composerAs("jordan");
        openAnna(composer);
        composer.textProperty().set("Hello XX, see you");
        int caret = composer.insert("Anna", 6, 8);
        assertThat(composer.textProperty().get()).isEqualTo("Hello Anna, see you");
        assertThat(caret).isEqualTo(10);
        caret = composer.insert(" soon", caret + 9, caret + 9);
        assertThat(composer.textProperty().get()).isEqualTo("Hello Anna, see you soon");
    }
}
