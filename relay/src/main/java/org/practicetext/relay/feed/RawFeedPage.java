// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.util.List;
import org.practicetext.protocol.EventTypes;

/** The relay's side of {@link org.practicetext.protocol.FeedPage}, with events kept as stored JSON. */
public record RawFeedPage(List<RawEvent> events, long next, boolean more, String feedId) {
    private static final java.util.Set<String> TEXTS = java.util.Set.of(EventTypes.MESSAGE, EventTypes.CONVERSATION, EventTypes.CONSENT);

    /**
     * The page as a caller sees it: with {@code texts} false (a role without {@code sms.view})
     * without the message, conversation and consent events, which carry the texts (a consent
     * record keeps the keyword text as the patient sent it); {@code next} and
     * {@code more} stay as they are, so the caller's cursor moves past them.
     */
    public RawFeedPage visibleTo(boolean texts) {
        if (texts) {
            return this;
        }
        return new RawFeedPage(events.stream()
                .filter(e -> !TEXTS.contains(e.type())).toList(), next, more, feedId);
    }
}
