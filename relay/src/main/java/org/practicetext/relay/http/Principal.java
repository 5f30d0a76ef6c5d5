// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import org.practicetext.core.Permission;
import org.practicetext.core.Role;

/**
 * Who is calling: a signed-in team member of one practice. Every query is scoped to
 * {@code practiceId}. {@code mustChangePassword}: signed in with a one-time password or invite
 * code, so only choosing a password is allowed yet.
 */
public record Principal(long userId, String username, String name, Role role, long practiceId, String practiceSlug, String region,
                        boolean mustChangePassword) {
    public void require(Permission permission) {
        if (!role.allows(permission)) {
            throw new ApiError(403, "forbidden", "Your role does not allow this (" + permission.key() + ").");
        }
    }
}
