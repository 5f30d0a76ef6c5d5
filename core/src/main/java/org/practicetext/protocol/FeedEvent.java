// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of a practice's change feed: the entity's full new state after change {@code seq}. */
public record FeedEvent(long seq, String type, JsonNode data) {
}
