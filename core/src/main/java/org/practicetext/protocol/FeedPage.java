// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;

/**
 * One answer of {@code GET /api/v1/events}. {@code next} is the cursor to ask with next time;
 * {@code more} says another page is ready now. {@code feedId} names this practice's feed: if it
 * ever differs from the one a client stored, the relay's data was replaced and the client
 * resynchronises from zero.
 */
public record FeedPage(List<FeedEvent> events, long next, boolean more, String feedId) {
}
