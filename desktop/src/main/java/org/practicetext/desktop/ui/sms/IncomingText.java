// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

/**
 * A text that just arrived, as a desktop notification shows it. {@code preview} is null when the
 * practice hides message text in notifications (privacy on shared screens).
 */
public record IncomingText(long conversationId, String from, String preview) {
    public String title() {
        return "New text from " + from;
    }

    public String body() {
        return preview == null ? "Open PracticeText to read it." : preview;
    }
}
