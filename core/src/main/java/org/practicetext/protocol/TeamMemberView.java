// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;

/**
 * A team member as the practice's admin sees them in Settings → Team: {@code role} is a
 * {@link org.practicetext.core.Role} word; {@code status} is {@link #ACTIVE}, {@link #INVITED}
 * (signed up with a one-time password or invite code not yet replaced) or {@link #DEACTIVATED}.
 * {@code setupExpiresAt} is when an unused one-time password or invite code stops working.
 */
public record TeamMemberView(long id, String username, String name, String role, String status, Instant setupExpiresAt) {
    public static final String ACTIVE = "active";
    public static final String INVITED = "invited";
    public static final String DEACTIVATED = "deactivated";
}
