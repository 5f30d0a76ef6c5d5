// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.time.Instant;

/** A message whose text matched a search, shown apart from name/phone matches. */
public record MessageHit(long messageId, long conversationId, String contactDisplay, String snippet, Instant createdAt) {
}
