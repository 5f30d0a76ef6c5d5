// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.testing.DemoDesk;
import org.practicetext.desktop.ui.testing.FakeRequests;
import org.practicetext.desktop.ui.testing.RequestsDesk;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.PracticeSettingsView;

class TextingToolsViewModelTest {
    @RegisterExtension
    static final DemoDesk desk = DemoDesk.forClass("alex");
    RequestsDesk requests;
    UiSession session;

    @BeforeEach
    void open() {
        requests = new RequestsDesk();
        session = requests.session(desk);
    }

    private TextingToolsViewModel model() {
        return new TextingToolsViewModel(session);
    }

    private PracticeSettingsUpdate saved(TextingToolsViewModel model) {
        model.save();
        assertThat(requests.requests.updates).isNotEmpty();
        return requests.requests.updates.getLast();
    }

    @Test
    void theFormShowsTheSettingsWithOneReviewLinkPerInbox() {
        long billing = desk.client.directory().inboxes().stream().filter(i -> i.name().equals("Billing")).findFirst().orElseThrow().id();
        PracticeSettingsView s = FakeRequests.demoSettings();
        requests.requests.settings = FakeRequests.with(s, s.features(), "simulated", s.reviewUrl(),
                List.of(new PracticeSettingsView.ReviewLink(billing, "https://g.page/r/billing")), s.forms());
        TextingToolsViewModel model = model();
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.displayNameProperty().get()).isEqualTo("Bright Smile Dental");
        assertThat(model.features()).allMatch(f -> f.get());
        assertThat(model.paymentsProperty().get()).startsWith("Simulated, in USD");
        assertThat(model.inboxLinks()).extracting(l -> l.inbox().name()).containsExactlyInAnyOrderElementsOf(
                desk.client.directory().inboxes().stream().map(i -> i.name()).toList());
        assertThat(model.inboxLinks().stream().filter(l -> l.inbox().id() == billing).findFirst().orElseThrow().url().get())
                .isEqualTo("https://g.page/r/billing");
        assertThat(model.formRows()).extracting(f -> f.name().get()).containsExactly("Medical history", "Consent for treatment");
        assertThat(model.lifetimes()).extracting(l -> l.days().get()).containsExactly("30", "30", "7", "30", "30");
        assertThat(model.askBirthDateProperty().get()).isTrue();
    }

    @Test
    void withNoPaymentProviderItSaysSoInPlainWords() {
        PracticeSettingsView s = FakeRequests.demoSettings();
        requests.requests.settings = FakeRequests.with(s, s.features(), "none", s.reviewUrl(), List.of(), s.forms());
        assertThat(model().paymentsProperty().get()).startsWith("None. The relay has no payment provider, so payment requests cannot be sent.");
    }

    @Test
    void reviewLinksMustBeHttps() {
        TextingToolsViewModel model = model();
        model.reviewUrlProperty().set("http://g.page/r/x");
        assertThat(model.reviewUrlProblemProperty().get()).isEqualTo("Use an address that starts with https:// (the patient's phone opens it).");
        assertThat(model.validProperty().get()).isFalse();
        model.inboxLinks().getFirst().url().set("g.page");
        assertThat(model.inboxLinks().getFirst().problem().get()).isNotEmpty();
        model.reviewUrlProperty().set("https://g.page/r/x/review");
        model.inboxLinks().getFirst().url().set("");
        assertThat(model.validProperty().get()).as("a blank inbox link uses the practice's").isTrue();
    }

    @Test
    void aFormsAddressMayHoldOnlyTheTwoPlaceholders() {
        TextingToolsViewModel model = model();
        TextingToolsViewModel.FormRow row = model.addForm();
        assertThat(row.problem().get()).isEqualTo("Give the form a name patients will recognise.");
        row.name().set("X-ray consent");
        row.url().set("https://forms.example.com/xray?p={patientId}&r={requestId}");
        assertThat(row.problem().get()).isEmpty();
        row.url().set("https://forms.example.com/xray?p={patient}");
        assertThat(row.problem().get()).isEqualTo("{patient} is not a placeholder here; use {patientId} and {requestId}.");
        assertThat(model.validProperty().get()).isFalse();
    }

    @Test
    void theRepeatLimitMayBeZeroAndLinksLiveOneToNinetyDays() {
        TextingToolsViewModel model = model();
        model.repeatDaysProperty().set("0");
        assertThat(model.repeatDaysProblemProperty().get()).isEmpty();
        model.repeatDaysProperty().set("-1");
        assertThat(model.repeatDaysProblemProperty().get()).isEqualTo("A number of days from 0 (never warn) to 3650.");
        model.repeatDaysProperty().set("182");
        model.lifetimes().getFirst().days().set("91");
        assertThat(model.lifetimes().getFirst().problem().get()).isEqualTo("1 to 90 days.");
        assertThat(model.validProperty().get()).isFalse();
        model.lifetimes().getFirst().days().set("0");
        assertThat(model.validProperty().get()).isFalse();
        model.lifetimes().getFirst().days().set("90");
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void saveSendsTheWholeFormAndTheFormBecomesTheRelaysAnswer() {
        TextingToolsViewModel model = model();
        model.displayNameProperty().set("  Bright Smile Dental Downtown ");
        model.features().get(1).set(false);
        model.inboxLinks().getFirst().url().set("https://g.page/r/front");
        model.repeatDaysProperty().set("90");
        TextingToolsViewModel.FormRow added = model.addForm();
        added.name().set("X-ray consent");
        added.url().set("https://forms.example.com/xray?r={requestId}");
        model.lifetimes().get(2).days().set("14");
        model.askBirthDateProperty().set(false);
        PracticeSettingsUpdate update = saved(model);
        assertThat(update.displayName()).isEqualTo("Bright Smile Dental Downtown");
        assertThat(update.features().payments()).isFalse();
        assertThat(update.features().reviews()).isTrue();
        assertThat(update.reviewLinks()).containsExactly(new PracticeSettingsView.ReviewLink(model.inboxLinks().getFirst().inbox().id(), "https://g.page/r/front"));
        assertThat(update.reviewRepeatDays()).isEqualTo(90);
        assertThat(update.forms()).extracting(PracticeSettingsUpdate.FormInput::id).containsExactly(11L, 12L, null);
        assertThat(update.linkDays().forms()).isEqualTo(14);
        assertThat(update.linksAskBirthDate()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("Saved.");
        assertThat(model.formRows().getLast().id()).as("the relay gave the new form its id").isEqualTo(100L);
    }

    @Test
    void aRemovedFormIsRetiredAndSaidSo() {
        TextingToolsViewModel model = model();
        model.removeForm(model.formRows().getFirst());
        assertThat(model.retired()).containsExactly("Medical history");
        PracticeSettingsUpdate update = saved(model);
        assertThat(update.forms()).extracting(PracticeSettingsUpdate.FormInput::id).containsExactly(12L);
        assertThat(model.retired()).as("saved: the library is the relay's again").isEmpty();
    }

    @Test
    void theRelaysRefusalIsShownAsItWordsItAndTheFormKeepsWhatWasTyped() {
        requests.requests.refuseUpdates = new RelayException(400, "invalid", "The review link must be an https address.");
        TextingToolsViewModel model = model();
        model.displayNameProperty().set("Bright Smile");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("The review link must be an https address.");
        assertThat(model.displayNameProperty().get()).isEqualTo("Bright Smile");
        assertThat(model.savingProperty().get()).isFalse();
    }

    @Test
    void beforeTheSettingsArriveTheFormSaysWhyItIsEmpty() {
        requests.requests.settings = null;
        TextingToolsViewModel model = model();
        assertThat(model.loadedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("The relay has not sent the practice's texting settings yet.");
        model.save();
        assertThat(requests.requests.updates).isEmpty();
    }
}
