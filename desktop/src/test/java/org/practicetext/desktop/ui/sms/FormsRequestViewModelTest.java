// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.testing.FakeRequests;
import org.practicetext.protocol.PracticeSettingsView;

class FormsRequestViewModelTest {
    static final RequestTarget LEAD = new RequestTarget(8, 4, 1, "Front Desk", null, "(555) 210-7788");

    private static PracticeSettingsView library(List<PracticeSettingsView.FormView> forms) {
        return FakeRequests.with(FakeRequests.demoSettings(), PracticeSettingsView.Features.DEFAULT, "simulated", null, List.of(), forms);
    }

    @Test
    void atLeastOneFormMustBePicked() {
        FormsRequestViewModel forms = new FormsRequestViewModel(FakeRequests.demoSettings(), LEAD, false);
        assertThat(forms.shown()).extracting(c -> c.form().name()).containsExactly("Medical history", "Consent for treatment");
        assertThat(forms.validProperty().get()).isFalse();
        forms.pick(12, true);
        assertThat(forms.validProperty().get()).isTrue();
        forms.pick(12, false);
        assertThat(forms.validProperty().get()).isFalse();
    }

    @Test
    void thePickedFormsGoInTheDraftAndTheChipNamesThem() {
        FormsRequestViewModel forms = new FormsRequestViewModel(FakeRequests.demoSettings(), LEAD, false);
        forms.pick(11, true);
        ComposedRequest one = forms.compose();
        assertThat(one.chip()).isEqualTo("Forms · Medical history");
        assertThat(one.body()).as("a lead without a name gets no \"Hi\"").isEqualTo("Please fill in your forms for Bright Smile Dental here: {link}");
        forms.pick(12, true);
        assertThat(forms.compose().draft().formIds()).containsExactly(11L, 12L);
        assertThat(forms.compose().chip()).isEqualTo("Forms · 2 forms");
    }

    @Test
    void aLongLibraryIsSearchedByName() {
        List<PracticeSettingsView.FormView> many = IntStream.rangeClosed(1, 9)
                .mapToObj(i -> new PracticeSettingsView.FormView(i, i == 4 ? "COVID screening" : "Form " + i, "https://forms.example.com/" + i)).toList();
        FormsRequestViewModel forms = new FormsRequestViewModel(library(many), LEAD, false);
        assertThat(forms.searchOffered()).isTrue();
        forms.searchProperty().set("covid");
        assertThat(forms.shown()).extracting(c -> c.form().id()).containsExactly(4L);
        assertThat(new FormsRequestViewModel(FakeRequests.demoSettings(), LEAD, false).searchOffered()).isFalse();
    }

    @Test
    void aFormPickedBeforeTheSearchStaysPicked() {
        List<PracticeSettingsView.FormView> many = IntStream.rangeClosed(1, 9)
                .mapToObj(i -> new PracticeSettingsView.FormView(i, "Form " + i, "https://forms.example.com/" + i)).toList();
        FormsRequestViewModel forms = new FormsRequestViewModel(library(many), LEAD, false);
        forms.pick(2, true);
        forms.searchProperty().set("Form 7");
        forms.pick(7, true);
        assertThat(forms.compose().draft().formIds()).containsExactly(2L, 7L);
    }

    @Test
    void anEmptyLibraryIsExplainedWithWhoAddsForms() {
        assertThat(new FormsRequestViewModel(library(List.of()), LEAD, false).emptyLibrary())
                .isEqualTo("The practice's form library is empty. A practice admin adds forms in Settings → Texting tools.");
        assertThat(new FormsRequestViewModel(library(List.of()), LEAD, true).emptyLibrary())
                .isEqualTo("The practice's form library is empty. Add forms in Settings → Texting tools.");
        assertThat(new FormsRequestViewModel(FakeRequests.demoSettings(), LEAD, true).emptyLibrary()).isEmpty();
    }
}
