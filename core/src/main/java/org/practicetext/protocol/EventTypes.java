// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** The {@code type} values of feed events. */
public final class EventTypes {
    public static final String CONVERSATION = "conversation";
    public static final String MESSAGE = "message";
    public static final String CONTACT = "contact";
    public static final String INBOX = "inbox";
    public static final String USER = "user";
    public static final String TEMPLATE = "template";
    public static final String PRACTICE = "practice";

    private EventTypes() {
    }
}
