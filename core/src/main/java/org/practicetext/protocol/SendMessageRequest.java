// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;

/**
 * Body of {@code POST /api/v1/messages}: to an existing conversation ({@code conversationId}) or
 * to any phone number as staff typed it ({@code to}). {@code clientId} is the idempotency key:
 * the same key twice sends once. {@code from} optionally picks one of the practice's numbers.
 */
public record SendMessageRequest(String clientId, Long conversationId, String to, String from, String body, List<String> mediaUrls) {
}
