// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** Who wrote a message: {@code kind} is "user" (a team member), "campaign" or "contact". */
public record Sender(String kind, String name, Long userId) {
    public static Sender user(long userId, String name) {
        return new Sender("user", name, userId);
    }

    public static Sender campaign(String name) {
        return new Sender("campaign", name, null);
    }

    public static Sender contact(String name) {
        return new Sender("contact", name, null);
    }
}
