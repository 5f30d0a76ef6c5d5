// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.Set;

/**
 * One thing that changed in the cache, said as what happened: produced once, where a feed page,
 * an outbox answer or a local action is written, and handed to the screens in a
 * {@link ChangeBatch}. A state written again unchanged (the same event applied twice) produces
 * none, so a screen never redraws for nothing.
 */
public sealed interface DeskChange {

    /** An incoming text the cache did not have before. */
    record TextArrived(long conversationId, long messageId) implements DeskChange {
    }

    /** A message was written, changed (status, failure) or removed (a local bubble the relay's copy replaced). */
    record MessageChanged(long conversationId, long messageId) implements DeskChange {
    }

    /** These conversations' rows changed (or are gone). */
    record ConversationChanged(Set<Long> ids) implements DeskChange {
        public ConversationChanged {
            ids = Set.copyOf(ids);
        }

        public static ConversationChanged of(long id) {
            return new ConversationChanged(Set.of(id));
        }
    }

    /** A contact changed; the two flags say whether its opt-out or its block state turned. */
    record ContactChanged(long contactId, boolean optedOutTurned, boolean blockedTurned) implements DeskChange {
    }

    /** The team, the inboxes or the templates changed. */
    record DirectoryChanged(Set<Part> parts) implements DeskChange {
        /** A part of the directory. */
        public enum Part { USERS, INBOXES, TEMPLATES }

        public DirectoryChanged {
            parts = Set.copyOf(parts);
        }

        public static DirectoryChanged of(Part part) {
            return new DirectoryChanged(Set.of(part));
        }
    }

    /** The practice's settings or the signed-in user's own record changed. */
    record SettingsChanged() implements DeskChange {
    }

    /** A request (payment, review, forms, treatment plan; ADR 0024) was written or changed status. */
    record RequestChanged(long conversationId, long requestId) implements DeskChange {
    }

    /** The practice's communication settings changed (features, review links, forms, link lifetimes). */
    record CommunicationSettingsChanged() implements DeskChange {
    }

    /**
     * A consent record (ADR 0025) the cache did not hold: an opt-out, opt-in, block or unblock, shown as
     * a line in its thread and as the contact's state. It carries the record: records never change.
     */
    record ConsentRecorded(org.practicetext.protocol.ConsentRecordView record) implements DeskChange {
    }

    /** A full resync finished: everything may have changed, every screen reloads. */
    record Resynced() implements DeskChange {
    }
}
