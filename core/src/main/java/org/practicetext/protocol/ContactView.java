// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;
import org.practicetext.core.ContactKind;
import org.practicetext.core.LineType;

/** A contact: {@code kind} is "patient" or "lead"; {@code lineType} "mobile", "landline", "voip" or "unknown". {@code optedOutVia} says how (free text). */
public record ContactView(
        long id,
        String phone,
        ContactKind kind,
        String name,
        String externalId,
        boolean optedOut,
        Instant optedOutAt,
        String optedOutVia,
        boolean blocked,
        Instant blockedAt,
        Long blockedBy,
        LineType lineType) {
}
