// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import org.practicetext.core.CarrierErrors;
import org.practicetext.desktop.cache.MessageRow;

/** A message's delivery status and failure reason in the words a receptionist reads. */
public final class MessageStatusText {
    private MessageStatusText() {
    }

    /** "Sending…", "Sent", "Delivered", "Failed"; empty for incoming messages. */
    public static String status(MessageRow message) {
        if (!message.outgoing()) {
            return "";
        }
        String status = message.status() == null ? "" : message.status();
        return switch (status) {
            case "accepted", "scheduled", "queued", "sending" -> message.local() ? "Waiting to send" : "Sending…";
            case "sent" -> "Sent";
            case "delivered" -> "Delivered";
            case "read" -> "Read";
            case "failed", "undelivered", "canceled" -> "Not delivered";
            default -> status.isEmpty() ? "" : Character.toUpperCase(status.charAt(0)) + status.substring(1);
        };
    }

    /** The plain-language reason a message failed: the relay's words, or the carrier code explained. */
    public static String failureReason(MessageRow message) {
        if (message.errorMessage() != null && !message.errorMessage().isBlank()) {
            return message.errorMessage();
        }
        return CarrierErrors.explain(message.errorCode());
    }

    /** Whether the failed message is an outbox item the relay never accepted (so it can be discarded). */
    public static boolean discardable(MessageRow message) {
        return message.failed() && message.local() && message.outboxItemId() != null;
    }
}
