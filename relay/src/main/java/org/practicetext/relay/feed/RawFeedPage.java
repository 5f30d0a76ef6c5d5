// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.util.List;

/** The relay's side of {@link org.practicetext.protocol.FeedPage}, with events kept as stored JSON. */
public record RawFeedPage(List<RawEvent> events, long next, boolean more, String feedId) {
}
