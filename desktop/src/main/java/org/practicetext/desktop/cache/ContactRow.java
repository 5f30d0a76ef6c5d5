// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.time.Instant;

/** A patient or lead for the directory, the new-message picker and the opted-out/blocked lists. */
public record ContactRow(long id, String phone, String displayPhone, String kind, String name, String externalId, boolean optedOut,
                         Instant optedOutAt, boolean blocked, String lineType, Long conversationId) {
    public String displayName() {
        return name == null || name.isBlank() ? displayPhone : name;
    }
}
