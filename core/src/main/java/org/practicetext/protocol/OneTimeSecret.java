// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;

/**
 * A team member with the secret for their next sign-in, answered once when they are added or
 * their password is reset: the relay keeps only its hash. {@code kind} is {@link #PASSWORD} or
 * {@link #INVITE}; either way the person must choose a new password when they sign in with it.
 */
public record OneTimeSecret(TeamMemberView member, String kind, String secret, Instant expiresAt) {
    public static final String PASSWORD = "password";
    public static final String INVITE = "invite";
}
