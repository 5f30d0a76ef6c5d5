// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;

/** A contact: {@code kind} is "patient" or "lead"; {@code lineType} "mobile", "landline", "voip" or "unknown". */
public record ContactView(
        long id,
        String phone,
        String kind,
        String name,
        String externalId,
        boolean optedOut,
        Instant optedOutAt,
        String optedOutVia,
        boolean blocked,
        Instant blockedAt,
        Long blockedBy,
        String lineType) {
}
