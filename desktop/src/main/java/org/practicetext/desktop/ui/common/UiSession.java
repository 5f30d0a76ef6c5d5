// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.practicetext.core.Permission;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.UserView;

/**
 * What every screen of a signed-in window shares: the client, the executor seam, the event hub,
 * the practice's time and phone formats, this workstation's settings, and who is signed in
 * (read once, off the UI thread, when the session is made).
 */
public record UiSession(DesktopClient client, UiTasks tasks, ClientEvents events, MessageTimes times, PhoneNumbers phones,
                        LocalSettings settings, UserView me, PracticeView practice, Set<Permission> permissions) {

    /** What the signed-in user may do, as read when the session opened. */
    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** Reads who and where from the client: call off the UI thread. */
    public static UiSession open(DesktopClient client, UiTasks tasks, LocalSettings settings, Clock clock) {
        PracticeView practice = client.session().practice();
        ZoneId zone = practice.timeZone() == null ? ZoneId.systemDefault() : ZoneId.of(practice.timeZone());
        return new UiSession(client, tasks, new ClientEvents(client, tasks), new MessageTimes(clock, zone), new PhoneNumbers(practice.region()),
                settings, client.session().me(), practice, permissionsOf(client));
    }

    private static Set<Permission> permissionsOf(DesktopClient client) {
        Set<Permission> allowed = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (client.session().can(p)) {
                allowed.add(p);
            }
        }
        return Set.copyOf(allowed);
    }
}
