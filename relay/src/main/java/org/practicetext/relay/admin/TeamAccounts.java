// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import org.practicetext.relay.store.Users;

/** What the operator does to a team member's account once it exists; the rules live with the team's own service. */
public interface TeamAccounts {
    /** The user can no longer sign in and their sessions end at once; answers the user as now stored. */
    Users.User deactivate(String slug, long userId);

    /** A new password; the user's other sessions end. */
    Users.User resetPassword(String slug, long userId, String password);
}
