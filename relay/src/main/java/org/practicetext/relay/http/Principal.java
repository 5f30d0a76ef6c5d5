// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import org.practicetext.core.Permission;
import org.practicetext.core.Role;

/** Who is calling: a signed-in team member of one practice. Every query is scoped to {@code practiceId}. */
public record Principal(long userId, String username, String name, Role role, long practiceId, String practiceSlug, String region) {
    public void require(Permission permission) {
        if (!role.allows(permission)) {
            throw new ApiError(403, "forbidden", "Your role does not allow this (" + permission.key() + ").");
        }
    }
}
