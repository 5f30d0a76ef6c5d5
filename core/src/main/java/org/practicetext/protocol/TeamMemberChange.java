// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** Body of {@code PATCH /api/v1/team/{id}}: a new role and/or display name (absent keeps it). */
public record TeamMemberChange(String role, String name) {
}
