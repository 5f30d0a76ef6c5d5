// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/**
 * Body of {@code POST /api/v1/team}: who to add and how they first sign in. {@code setup} is
 * {@link OneTimeSecret#PASSWORD} (a one-time password, good for a day) or
 * {@link OneTimeSecret#INVITE} (an invite code, good for a week); the relay makes the secret and
 * the person chooses their own password at their first sign-in.
 */
public record TeamMemberRequest(String username, String name, String role, String setup) {
}
