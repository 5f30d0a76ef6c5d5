// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.practicetext.core.Permission;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The bottom navigation bar's state: which page is showing, whether the SMS tab exists at all
 * (only with {@code sms.view}), and the SMS badge — unread incoming messages, as each change
 * batch carries the count. The first count is asked for by the window once the message
 * list has its first answer: at start-up the list is what the user waits for, and the two
 * queries would otherwise compete for the same cache and the same two cores.
 */
public final class NavigationViewModel {
    private final UiSession session;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper smsVisible = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper unreadBadge = new ReadOnlyIntegerWrapper();
    private final LatestQuery<Integer> badge;

    public NavigationViewModel(UiSession session, boolean canViewSms) {
        this.session = session;
        smsVisible.set(canViewSms);
        page.set(canViewSms ? Page.SMS : Page.PATIENTS);
        this.badge = new LatestQuery<>(session.tasks(), unreadBadge::set);
        // The batch carries the count, read once for every screen.
        session.events().onChange(batch -> batch.badge().ifPresent(count -> {
            if (smsVisible.get()) {
                badge.cancel();
                unreadBadge.set(count);
            }
        }));
    }

    public NavigationViewModel(UiSession session) {
        this(session, session.can(Permission.SMS_VIEW));
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ReadOnlyBooleanProperty smsVisibleProperty() {
        return smsVisible.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unreadBadgeProperty() {
        return unreadBadge.getReadOnlyProperty();
    }

    /** "9+" style text for the badge; empty when nothing is unread. */
    public static String badgeText(int count) {
        return count <= 0 ? "" : count > 99 ? "99+" : Integer.toString(count);
    }

    public void show(Page target) {
        if (target == Page.SMS && !smsVisible.get()) {
            return;
        }
        page.set(target);
    }

    public void refreshBadge() {
        if (!smsVisible.get()) {
            return;
        }
        badge.ask(session.client().conversations()::unreadBadge);
    }
}
