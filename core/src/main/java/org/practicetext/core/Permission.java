// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Optional;

/** What a team member may do; roles are bundles of these. */
public enum Permission implements WireWord {
    SMS_VIEW("sms.view"),
    SMS_SEND("sms.send"),
    SMS_ASSIGN("sms.assign"),
    CONTACTS_BLOCK("contacts.block"),
    CONTACTS_MANAGE("contacts.manage"),
    SETTINGS_MANAGE("settings.manage"),
    TOOLS_TEMPLATES("sms.tools.templates"),
    TOOLS_ATTACHMENTS("sms.tools.attachments"),
    TOOLS_FORMS("sms.tools.forms"),
    TOOLS_PAYMENTS("sms.tools.payments"),
    TOOLS_REVIEWS("sms.tools.reviews"),
    TOOLS_TREATMENT("sms.tools.treatment");

    private final String key;

    Permission(String key) {
        this.key = key;
    }

    /** The dotted name used on the wire and in configuration. */
    public String key() {
        return key;
    }

    @Override
    public String wire() {
        return key;
    }

    /** The permission named exactly {@code key}; empty for one a newer relay may grant. */
    public static Optional<Permission> fromKey(String key) {
        return WireWords.find(Permission.class, key);
    }
}
