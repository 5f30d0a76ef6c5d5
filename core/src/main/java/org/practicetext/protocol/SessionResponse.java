// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;

/**
 * A new session: the bearer token (shown once), who it is for, and when it expires. When
 * {@code passwordChangeRequired} is true (signed in with a one-time password or an invite code)
 * the token serves only {@link Endpoints#ACCOUNT_PASSWORD}, {@link Endpoints#SESSION} and
 * {@link Endpoints#SIGN_OUT} until the person has chosen their own password.
 */
public record SessionResponse(String token, UserView user, PracticeView practice, Instant expiresAt, boolean passwordChangeRequired) {
}
