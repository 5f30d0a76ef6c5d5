// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.ui.sms.ComposerViewModel;
import org.practicetext.desktop.ui.testing.DemoDesk;

/** Settings → Templates against the demo relay: list, create, edit, delete, refusals, roles and offline. */
class TemplatesViewModelTest {
    DemoDesk desk;

    @AfterEach
    void close() {
        if (desk != null) {
            desk.close();
        }
    }

    private TemplatesViewModel as(String user) {
        desk = DemoDesk.as(user);
        return new TemplatesViewModel(desk.session);
    }

    private static List<String> names(TemplatesViewModel model) {
        return model.templates().stream().map(Directory.Template::name).toList();
    }

    private static Directory.Template named(TemplatesViewModel model, String name) {
        return model.templates().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsThePracticesTemplatesByName() {
        TemplatesViewModel model = as("alex");
        assertThat(names(model)).contains("Appointment confirmation", "Balance reminder", "Running late").isSorted();
    }

    @Test
    void aNewTemplateIsSavedOnTheRelayAndReachesTheComposersPicker() {
        TemplatesViewModel model = as("alex");
        ComposerViewModel composer = new ComposerViewModel(desk.session);
        model.startNew();
        model.nameProperty().set("Hygiene recall");
        model.bodyProperty().set("Hi {first name}, it's time for your cleaning at {practice name}.");
        model.save();
        desk.await("the new template listed", () -> names(model).contains("Hygiene recall"));
        assertThat(model.messageProperty().get()).isEqualTo("Created “Hygiene recall”.");
        assertThat(model.refusedProperty().get()).isFalse();
        assertThat(model.selectedProperty().get().name()).isEqualTo("Hygiene recall");
        desk.await("the template in the picker", () -> composer.templates().shown().stream().anyMatch(t -> t.name().equals("Hygiene recall")));
    }

    @Test
    void editingChangesNameAndTextInPlace() {
        TemplatesViewModel model = as("alex");
        Directory.Template late = named(model, "Running late");
        model.select(late);
        assertThat(model.bodyProperty().get()).isEqualTo(late.body());
        model.nameProperty().set("Running behind");
        model.bodyProperty().set("Hi {first name}, we're running about 20 minutes behind.");
        model.save();
        desk.await("renamed", () -> names(model).contains("Running behind") && !names(model).contains("Running late"));
        assertThat(named(model, "Running behind").id()).isEqualTo(late.id());
        assertThat(named(model, "Running behind").body()).isEqualTo("Hi {first name}, we're running about 20 minutes behind.");
        assertThat(model.messageProperty().get()).isEqualTo("Saved “Running behind”.");
    }

    @Test
    void deletingAsksByNameAndRemovesTheTemplate() {
        TemplatesViewModel model = as("alex");
        model.select(named(model, "Balance reminder"));
        assertThat(model.deleteQuestion()).isEqualTo("Delete the template “Balance reminder”? The team will no longer find it in the composer.");
        model.delete();
        desk.await("deleted", () -> !names(model).contains("Balance reminder"));
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.nameProperty().get()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Deleted “Balance reminder”.");
    }

    @Test
    void aNameAnotherTemplateHasIsTheRelaysRefusalShownInline() {
        TemplatesViewModel model = as("alex");
        model.startNew();
        model.nameProperty().set("running late");
        model.bodyProperty().set("Another text");
        model.save();
        assertThat(model.refusedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("The practice already has a template named Running late.");
        assertThat(names(model)).containsOnlyOnce("Running late");
    }

    @Test
    void aTextOverTheCarriersLimitIsTheRelaysRefusalShownInline() {
        TemplatesViewModel model = as("alex");
        model.startNew();
        model.nameProperty().set("Too long");
        model.bodyProperty().set("a".repeat(1601));
        model.save();
        assertThat(model.refusedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("body").contains("1600");
        assertThat(names(model)).doesNotContain("Too long");
    }

    @Test
    void aTemplateNeedsANameAndAText() {
        TemplatesViewModel model = as("alex");
        model.startNew();
        model.bodyProperty().set("Hi!");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("Give the template a name.");
        model.nameProperty().set("Greeting");
        model.bodyProperty().set("  ");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("Write the text the template inserts.");
        assertThat(model.refusedProperty().get()).isTrue();
    }

    @Test
    void thePreviewFillsThePlaceholdersForASamplePatientAsTheTextIsTyped() {
        TemplatesViewModel model = as("alex");
        String sample = model.samplePatientProperty().get();
        assertThat(sample).isNotBlank().contains(" ");
        model.bodyProperty().set("Hi {first name}, this is {practice name}.");
        assertThat(model.previewProperty().get()).isEqualTo("Hi " + sample.substring(0, sample.indexOf(' ')) + ", this is Bright Smile Dental.");
        model.bodyProperty().set("See you soon, {first name}!");
        assertThat(model.previewProperty().get()).doesNotContain("{first name}").startsWith("See you soon, ");
    }

    @Test
    void staffSeeTheTemplatesButCannotChangeThem() {
        TemplatesViewModel model = as("jordan");
        assertThat(names(model)).contains("Appointment confirmation");
        assertThat(model.canManage()).isFalse();
        assertThat(model.editableProperty().get()).isFalse();
        assertThat(model.noticeProperty().get()).isEqualTo("Only practice admins can change templates. You can insert them from the composer's templates button.");
    }

    @Test
    void billingIsNotToldToUseAComposerItDoesNotHave() {
        TemplatesViewModel model = as("casey");
        assertThat(model.editableProperty().get()).isFalse();
        assertThat(model.noticeProperty().get()).isEqualTo("Only practice admins can change templates.");
    }

    @Test
    void offlineTheCachedTemplatesStayAndChangesWaitForTheRelay() {
        TemplatesViewModel model = as("alex");
        assertThat(model.editableProperty().get()).isTrue();
        assertThat(model.noticeProperty().get()).isEmpty();
        desk.stopRelay();
        desk.await("offline", () -> desk.client.session().connection().kind() == ConnectionState.Kind.OFFLINE && !model.onlineProperty().get());
        assertThat(names(model)).contains("Appointment confirmation");
        assertThat(model.editableProperty().get()).isFalse();
        assertThat(model.noticeProperty().get()).isEqualTo(TemplatesViewModel.OFFLINE);
        desk.startRelay();
        desk.await("online again", () -> model.editableProperty().get());
    }
}
