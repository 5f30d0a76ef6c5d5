// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.desktop.ui.testing.DemoDesk;

class NavigationViewModelTest {
    @RegisterExtension
    static final DemoDesk desk = DemoDesk.forClass("alex");

    @Test
    void badgeCountsUnreadIncomingMessages() {
        NavigationViewModel navigation = new NavigationViewModel(desk.session);
        navigation.refreshBadge();
        desk.await("badge", () -> navigation.unreadBadgeProperty().get() == desk.client.conversations().unreadBadge());
        assertThat(navigation.unreadBadgeProperty().get()).isPositive();
    }

    @Test
    void smsIsTheFirstPageForWhoMayViewIt() {
        NavigationViewModel navigation = new NavigationViewModel(desk.session);
        assertThat(navigation.smsVisibleProperty().get()).isTrue();
        assertThat(navigation.pageProperty().get()).isEqualTo(Page.SMS);
    }

    @Test
    void withoutSmsViewThereIsNoSmsTabAndItCannotBeShown() {
        NavigationViewModel navigation = new NavigationViewModel(desk.session, false);
        assertThat(navigation.smsVisibleProperty().get()).isFalse();
        assertThat(navigation.pageProperty().get()).isEqualTo(Page.PATIENTS);
        navigation.show(Page.SMS);
        assertThat(navigation.pageProperty().get()).isEqualTo(Page.PATIENTS);
    }

    @Test
    void badgeTextCapsAtNinetyNinePlus() {
        assertThat(NavigationViewModel.badgeText(0)).isEmpty();
        assertThat(NavigationViewModel.badgeText(7)).isEqualTo("7");
        assertThat(NavigationViewModel.badgeText(120)).isEqualTo("99+");
    }
}
