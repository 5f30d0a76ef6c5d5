// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.session;

import java.util.List;
import java.util.Optional;
import org.practicetext.core.Permission;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.update.UpdateNotice;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.UserView;

/**
 * Who is signed in, where, and how the connection to the relay is. Who and where are read from
 * the cache and follow the feed (a role changed on the relay shows here after the next batch).
 */
public interface Session {
    UserView me();

    PracticeView practice();

    boolean can(Permission permission);

    ConnectionState connection();

    /**
     * Asks the relay what it says about this app's version (network: call off the FX thread);
     * empty when there is nothing to tell the desk. A relay that answers 426 is a too-old notice.
     */
    Optional<UpdateNotice> checkForUpdate() throws RelayException;

    /**
     * Changes the signed-in person's own password (the relay checks {@code current} and the
     * password rule, and ends their other sessions; this one stays signed in). Needs the relay.
     */
    void changePassword(char[] current, char[] next) throws RelayException;

    /** Forgets the token on this workstation and tells the relay; the cache stays for the next sign-in. */
    void signOut();

    /**
     * Signs out like {@link #signOut()}; with {@code removeCopy} (or when the practice makes it the rule) this workstation's copy
     * of the practice's messages goes too once the client closes: the cache folder with its attachments and outbox files, the
     * account's key, its password-wrapped copy and the token. Other accounts' files stay.
     */
    default void signOut(boolean removeCopy) {
        signOut();
    }

    /** What the sign-out confirmation needs to show (unsent items, the practice's rule). Reads the cache. */
    default SignOutChoice signOutChoice() {
        return SignOutChoice.NONE;
    }

    /**
     * What the person should be told once about this workstation's copy (ADR 0026): the unprotected key file fallback is in use,
     * a lost key was recovered, or a cache no key opened was rebuilt and what was lost. Each is answered once: the call empties it.
     */
    default List<String> takeWorkstationNotices() {
        return List.of();
    }
}
