// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.time.Instant;

/**
 * One action written locally first and delivered to the relay in order. {@code state} is
 * "pending", "failed" (refused for good: {@code errorCode}/{@code errorMessage} from the relay;
 * the user retries or discards it). {@code kind} is e.g. "send", "close", "assign".
 */
public record OutboxItem(long id, String clientId, String kind, Long conversationId, String summary, String state, String errorCode,
                         String errorMessage, int attempts, Instant createdAt) {
}
