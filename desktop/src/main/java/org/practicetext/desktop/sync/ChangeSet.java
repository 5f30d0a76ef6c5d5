// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.util.Set;

/**
 * What one applied batch (or one local outbox write) changed, so the UI refreshes just that:
 * the conversations touched, and whether contacts, inboxes, the team, templates or the unread
 * badge need a reload. {@code reset} means everything was replaced (a full resync).
 */
public record ChangeSet(Set<Long> conversationIds, boolean contacts, boolean inboxes, boolean team, boolean templates, boolean reset) {
    public boolean isEmpty() {
        return conversationIds.isEmpty() && !contacts && !inboxes && !team && !templates && !reset;
    }
}
