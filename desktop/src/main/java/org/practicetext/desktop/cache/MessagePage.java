// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.List;

/**
 * A page of a thread, oldest first within the page. {@code olderCursor} asks for the page before
 * this one ({@code null} when there is none).
 */
public record MessagePage(List<MessageRow> messages, MessageCursor olderCursor) {
    /** Position in a thread: messages strictly older than (createdAt, id). */
    public record MessageCursor(java.time.Instant createdAt, long id) {
    }
}
