// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** Answer of {@code GET /api/v1/session}: who the token belongs to. */
public record SessionInfo(UserView user, PracticeView practice) {
}
