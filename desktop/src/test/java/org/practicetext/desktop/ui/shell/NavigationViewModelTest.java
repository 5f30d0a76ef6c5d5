// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.ConversationRow;
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

    /**
     * The badge counts the unread incoming messages of the conversations "Open & Unread" lists:
     * closing a conversation with unread texts, or blocking its contact, takes them off both.
     */
    @Test
    void theBadgeCountsTheUnreadMessagesOfWhatOpenAndUnreadLists() {
        try (DemoDesk own = DemoDesk.as("jordan")) {
            NavigationViewModel navigation = new NavigationViewModel(own.session);
            ConversationFilter openUnread = ConversationFilter.defaults().withStatus(ConversationFilter.Status.OPEN_UNREAD);
            List<ConversationRow> before = own.client.conversations().conversations(openUnread, 500);
            assertThat(before).hasSizeGreaterThanOrEqualTo(2);
            navigation.refreshBadge();
            own.await("the first badge", () -> navigation.unreadBadgeProperty().get() == unreadMessages(own, openUnread));

            ConversationRow closed = before.get(0);
            own.client.conversations().close(closed.id());
            own.await("the closed one left Open & Unread", () -> own.client.conversations().conversations(openUnread, 500).stream()
                    .noneMatch(r -> r.id() == closed.id()));
            ConversationRow blocked = before.get(1);
            own.client.directory().block(blocked.contactId());
            int rest = before.stream().skip(2).mapToInt(ConversationRow::unreadCount).sum();
            own.await("the badge counts only the rest", () -> navigation.unreadBadgeProperty().get() == rest);

            assertThat(unreadMessages(own, openUnread)).isEqualTo(rest);
        }
    }

    private static int unreadMessages(DemoDesk desk, ConversationFilter filter) {
        return desk.client.conversations().conversations(filter, 500).stream().mapToInt(ConversationRow::unreadCount).sum();
    }
}
