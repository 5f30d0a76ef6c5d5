// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;

/** A new session: the bearer token (shown once), who it is for, and when it expires. */
public record SessionResponse(String token, UserView user, PracticeView practice, Instant expiresAt) {
}
