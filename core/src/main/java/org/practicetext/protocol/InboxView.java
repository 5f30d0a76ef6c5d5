// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** A named queue of conversations inside a practice; {@code deleted} inboxes stay in the feed as tombstones. */
public record InboxView(long id, String name, boolean deleted) {
}
