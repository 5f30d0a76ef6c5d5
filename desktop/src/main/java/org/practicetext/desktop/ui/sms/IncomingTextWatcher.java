// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * Notices incoming texts in each applied change (a conversation whose unread count rose and
 * whose last message came in) and announces them when the user would otherwise miss them: the
 * window is not focused, or another thread is open. A full resync or a
 * large catch-up batch only records counts, so coming back online does not raise a storm.
 */
public final class IncomingTextWatcher {
    /** A batch touching more conversations than this is a catch-up after being away: no pop-ups for it. */
    static final int CATCH_UP_BATCH = 10;
    static final java.time.Duration JUST_ARRIVED = java.time.Duration.ofMinutes(2);
    private final UiSession session;
    private final Map<Long, Seen> seen = new HashMap<>();
    private final BooleanSupplier windowFocused;
    private final LongPredicate isOpenThread;
    private final Consumer<IncomingText> announce;

    public IncomingTextWatcher(UiSession session, BooleanSupplier windowFocused, LongPredicate isOpenThread, Consumer<IncomingText> announce) {
        this.session = session;
        this.windowFocused = windowFocused;
        this.isOpenThread = isOpenThread;
        this.announce = announce;
        session.events().onChange(change -> check(change.conversationIds().stream().toList(),
                !change.reset() && change.conversationIds().size() <= CATCH_UP_BATCH));
    }

    private void check(List<Long> ids, boolean announceNew) {
        if (ids.isEmpty()) {
            return;
        }
        session.tasks().run(() -> ids.stream().map(session.client().conversations()::conversation).flatMap(Optional::stream).toList(), rows -> {
            for (ConversationRow row : rows) {
                Seen before = seen.put(row.id(), new Seen(row.unreadCount(), row.lastMessageAt()));
                // First sight of a conversation: only a text that just arrived is news (not an old one marked unread).
                boolean newer = before == null
                        ? session.times().isRecent(row.lastMessageAt(), JUST_ARRIVED)
                        : row.lastMessageAt() != null && before.lastMessageAt() != null && row.lastMessageAt().isAfter(before.lastMessageAt());
                boolean rose = row.unreadCount() > (before == null ? 0 : before.unread());
                // "Mark as Unread" raises the count too, but no new message came: only a newer message announces.
                if (announceNew && rose && newer && "in".equals(row.lastDirection()) && !row.blocked()
                        && (!windowFocused.getAsBoolean() || !isOpenThread.test(row.id()))) {
                    boolean hide = session.settings().hideTextInNotifications().get();
                    announce.accept(new IncomingText(row.id(), row.displayName(), hide ? null : row.preview()));
                }
            }
        });
    }

    private record Seen(int unread, java.time.Instant lastMessageAt) {
    }
}
