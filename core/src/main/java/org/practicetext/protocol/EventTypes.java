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
    /** A request the practice texted (payment, review, forms, treatment plan): a {@link RequestView}. */
    public static final String REQUEST = "request";
    /** The practice's communication settings: a {@link PracticeSettingsView} (its id is the practice's). */
    public static final String SETTINGS = "settings";
    /** One consent change of a contact (opt-out, opt-in, block, unblock): a {@link ConsentRecordView}; never changes once written (ADR 0025). */
    public static final String CONSENT = "consent";

    private EventTypes() {
    }
}
