// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

/**
 * A text that just arrived, as a desktop notification shows it. {@code preview} is null when the
 * desk hides message text in notifications (privacy on shared screens); {@code from} is null when
 * it names no one either (the privacy screen's "nothing", a locked desk): "New message".
 */
public record IncomingText(long conversationId, String from, String preview) {
    public String title() {
        return from == null ? "New message" : "New text from " + from;
    }

    /** The same text with neither name nor text (a locked desk's notification). */
    public IncomingText anonymous() {
        return new IncomingText(conversationId, null, null);
    }

    public String body() {
        return preview == null ? "Open PracticeText to read it." : preview;
    }
}
