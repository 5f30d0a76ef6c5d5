// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * Announces the texts that arrive ({@link DeskChange.TextArrived}, said by the cache when it
 * writes an incoming message it did not have) when the user would otherwise miss them: the
 * window is not focused, or another thread is open. It reads nothing itself: the batch carries
 * the conversation's row and the message. A full resync, a large catch-up batch or a text that
 * is not recent (an old one fetched again) announces nothing, so coming back online does not
 * raise a storm; "Mark as Unread" is no text and announces nothing either.
 */
public final class IncomingTextWatcher {
    /** A batch bringing more texts than this is a catch-up after being away: no pop-ups for it. */
    static final int CATCH_UP_BATCH = 10;
    static final java.time.Duration JUST_ARRIVED = java.time.Duration.ofMinutes(2);
    private final UiSession session;
    private final BooleanSupplier windowFocused;
    private final LongPredicate isOpenThread;
    private final Consumer<IncomingText> announce;

    public IncomingTextWatcher(UiSession session, BooleanSupplier windowFocused, LongPredicate isOpenThread, Consumer<IncomingText> announce) {
        this.session = session;
        this.windowFocused = windowFocused;
        this.isOpenThread = isOpenThread;
        this.announce = announce;
        session.events().onChange(this::check);
    }

    private void check(ChangeBatch batch) {
        List<DeskChange.TextArrived> texts = batch.all(DeskChange.TextArrived.class).toList();
        if (texts.isEmpty() || batch.resynced() || texts.size() > CATCH_UP_BATCH) {
            return;
        }
        for (DeskChange.TextArrived text : texts) {
            ConversationRow row = batch.conversations().get(text.conversationId());
            MessageRow message = batch.messages().get(text.messageId());
            if (row == null || message == null || row.blocked() || !session.times().isRecent(message.createdAt(), JUST_ARRIVED)) {
                continue;
            }
            if (!windowFocused.getAsBoolean() || !isOpenThread.test(row.id())) {
                // The privacy screen (ADR 0026) hides the text, and with "nothing" the name too.
                org.practicetext.desktop.ui.common.LocalSettings privacy = session.settings();
                boolean hideName = privacy.privacyScreenOn().get() && privacy.hiddenPreviews().get() == org.practicetext.core.HiddenPreviews.NOTHING;
                announce.accept(new IncomingText(row.id(), hideName ? null : row.displayName(),
                        privacy.notificationTextHidden().get() ? null : row.preview()));
            }
        }
    }
}
