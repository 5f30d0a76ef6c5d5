// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.util.List;
import org.practicetext.protocol.EventTypes;

/** The relay's side of {@link org.practicetext.protocol.FeedPage}, with events kept as stored JSON. */
public record RawFeedPage(List<RawEvent> events, long next, boolean more, String feedId) {
    /**
     * The page as a caller sees it: with {@code texts} false (a role without {@code sms.view})
     * without the message and conversation events, which carry the texts; {@code next} and
     * {@code more} stay as they are, so the caller's cursor moves past them.
     */
    public RawFeedPage visibleTo(boolean texts) {
        if (texts) {
            return this;
        }
        return new RawFeedPage(events.stream()
                .filter(e -> !EventTypes.MESSAGE.equals(e.type()) && !EventTypes.CONVERSATION.equals(e.type())).toList(), next, more, feedId);
    }
}
