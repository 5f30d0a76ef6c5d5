// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import org.practicetext.core.SenderKind;

/** Who wrote a message: {@code kind} is "user" (a team member), "campaign" or "contact". */
public record Sender(SenderKind kind, String name, Long userId) {
    public static Sender user(long userId, String name) {
        return new Sender(SenderKind.USER, name, userId);
    }

    public static Sender campaign(String name) {
        return new Sender(SenderKind.CAMPAIGN, name, null);
    }

    public static Sender contact(String name) {
        return new Sender(SenderKind.CONTACT, name, null);
    }
}
