// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** Body of {@code POST /api/v1/conversations/{id}/assign}: the team member who takes the conversation. */
public record AssignRequest(long userId) {
}
