// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.practicetext.core.Permission;
import org.practicetext.core.RequestKind;
import org.practicetext.core.Role;
import org.practicetext.desktop.ui.testing.FakeRequests;
import org.practicetext.desktop.ui.testing.RequestsDesk;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.PracticeSettingsView.Features;

class RequestToolsViewModelTest {
    final RequestsDesk desk = new RequestsDesk();
    final SimpleBooleanProperty composerOpen = new SimpleBooleanProperty(true);

    private RequestToolsViewModel toolsFor(Set<Permission> permissions) {
        return new RequestToolsViewModel(desk.windowless(permissions), composerOpen);
    }

    private static List<RequestKind> kinds(RequestToolsViewModel tools) {
        return tools.tools().stream().map(RequestToolsViewModel.Tool::kind).toList();
    }

    @Test
    void staffWithEveryFeatureOnSeesTheFourToolsInOrder() {
        RequestToolsViewModel tools = toolsFor(Role.STAFF.permissions());
        assertThat(kinds(tools)).containsExactly(RequestKind.PAYMENT, RequestKind.REVIEW, RequestKind.FORMS, RequestKind.TREATMENT_PLAN);
        assertThat(tools.tools()).allMatch(RequestToolsViewModel.Tool::enabled);
        assertThat(tools.tools().getFirst().label()).isEqualTo("Payment request…");
        assertThat(tools.availableProperty().get()).isTrue();
    }

    @Test
    void aToolIsOfferedOnlyWithItsPermission() {
        Set<Permission> noPayments = EnumSet.copyOf(Role.STAFF.permissions());
        noPayments.remove(Permission.TOOLS_PAYMENTS);
        noPayments.remove(Permission.TOOLS_TREATMENT);
        assertThat(kinds(toolsFor(noPayments))).containsExactly(RequestKind.REVIEW, RequestKind.FORMS);
    }

    @Test
    void aToolIsOfferedOnlyWhileThePracticeHasItsFeatureOn() {
        desk.requests.settings = FakeRequests.with(FakeRequests.demoSettings(), new Features(true, true, false, true, false), "simulated",
                "https://g.page/r/x", List.of(), FakeRequests.demoSettings().forms());
        assertThat(kinds(toolsFor(Role.STAFF.permissions()))).containsExactly(RequestKind.PAYMENT, RequestKind.FORMS);
    }

    @Test
    void withNoPaymentProviderThePaymentToolIsGreyedWithTheReason() {
        desk.requests.settings = FakeRequests.with(FakeRequests.demoSettings(), Features.DEFAULT, "none", "https://g.page/r/x", List.of(), List.of());
        RequestToolsViewModel.Tool payment = toolsFor(Role.STAFF.permissions()).tools().getFirst();
        assertThat(payment.kind()).isEqualTo(RequestKind.PAYMENT);
        assertThat(payment.enabled()).isFalse();
        assertThat(payment.reason()).isEqualTo("No payment provider is set up on the relay");
    }

    @Test
    void noVisibleToolMeansNoButton() {
        Set<Permission> noTools = EnumSet.copyOf(Role.STAFF.permissions());
        noTools.removeAll(List.of(Permission.TOOLS_PAYMENTS, Permission.TOOLS_REVIEWS, Permission.TOOLS_FORMS, Permission.TOOLS_TREATMENT));
        RequestToolsViewModel tools = toolsFor(noTools);
        assertThat(tools.tools()).isEmpty();
        assertThat(tools.availableProperty().get()).isFalse();
    }

    @Test
    void aRoleThatCannotSendGetsNoTools() {
        assertThat(toolsFor(Role.VIEWER.permissions()).tools()).isEmpty();
    }

    @Test
    void theButtonHidesWhileTheComposerCannotSendIntoAConversation() {
        RequestToolsViewModel tools = toolsFor(Role.STAFF.permissions());
        composerOpen.set(false);
        assertThat(tools.availableProperty().get()).isFalse();
        composerOpen.set(true);
        assertThat(tools.availableProperty().get()).isTrue();
    }

    @Test
    void beforeTheSettingsArriveNothingIsOfferedAndTheFeedBringsThem() {
        desk.requests.settings = null;
        RequestToolsViewModel tools = toolsFor(Role.STAFF.permissions());
        assertThat(tools.availableProperty().get()).isFalse();
        desk.requests.settings = FakeRequests.demoSettings();
        desk.settingsChanged();
        assertThat(kinds(tools)).hasSize(4);
        PracticeSettingsView off = FakeRequests.with(FakeRequests.demoSettings(), new Features(true, false, false, false, false), "simulated", null, List.of(), List.of());
        desk.requests.settings = off;
        desk.settingsChanged();
        assertThat(tools.availableProperty().get()).isFalse();
    }
}
