// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A team member's role and the permissions it grants. */
public enum Role implements WireWord {
    /** Practice manager: everything, including settings and team. */
    ADMIN(EnumSet.allOf(Permission.class)),
    /** Front-desk staff: read, reply, assign, block, and every composer tool; no settings. */
    STAFF(EnumSet.complementOf(EnumSet.of(Permission.SETTINGS_MANAGE))),
    /** Reads conversations only (for example a clinician who checks messages). */
    VIEWER(EnumSet.of(Permission.SMS_VIEW)),
    /**
     * Billing and other back-office work: the patient directory (look up, import, edit), no
     * texting at all — no {@code sms.view}, so the desk shows no SMS tab.
     */
    BILLING(EnumSet.of(Permission.CONTACTS_MANAGE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role's word in any case, as an administrator types it for the CLI ({@link WireWords}, after lower-casing). */
    public static Optional<Role> fromWire(String word) {
        return WireWords.find(Role.class, word == null ? null : word.toLowerCase(Locale.ROOT));
    }
}
