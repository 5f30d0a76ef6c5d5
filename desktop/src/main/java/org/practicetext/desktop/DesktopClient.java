// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.util.function.Consumer;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.conversations.Conversations;
import org.practicetext.desktop.directory.PracticeDirectory;
import org.practicetext.desktop.media.Attachments;
import org.practicetext.desktop.messages.Messages;
import org.practicetext.desktop.practice.PracticeAdmin;
import org.practicetext.desktop.requests.Requests;
import org.practicetext.desktop.session.Session;
import org.practicetext.desktop.sync.ConnectionState;

/**
 * Everything the screens read and every action they take, without JavaFX, as one part per
 * feature: a screen uses the part it needs, and a new feature adds to its own part. Reads come
 * from the local cache only (so they work offline); actions go to the outbox first and show at
 * once, except the practice's settings, which need the relay. All methods of the parts may block
 * on disk I/O: call them off the FX thread. Listeners are called on a background thread after
 * each applied change.
 */
public interface DesktopClient extends AutoCloseable {
    /** Who is signed in, where, the connection, and signing out. */
    Session session();

    /** The message list and what the desk does to a conversation. */
    Conversations conversations();

    /** A thread's messages, search, drafts, sending and the outbox. */
    Messages messages();

    /** Messages' attachments: previews kept with the thread, whole files fetched on demand, a retry of one the relay could not fetch. */
    Attachments attachments();

    /** Patients and leads, the opted-out and blocked, the team, inboxes and templates. */
    PracticeDirectory directory();

    /** Inboxes and patient import: straight to the relay, failing with its message. */
    PracticeAdmin practice();

    /** Payment, review, forms and treatment-plan requests, and the communication settings behind them (ADR 0024). */
    default Requests requests() {
        return Requests.NONE;
    }

    /** What unlocks the lock screen here: the PIN set on this workstation, the password (ADR 0026). */
    default org.practicetext.desktop.lock.LockSecrets lock() {
        return org.practicetext.desktop.lock.LockSecrets.NONE;
    }

    // --- listeners -----------------------------------------------------------------------
    void onConnection(Consumer<ConnectionState> listener);

    /** Each applied batch once, saying what changed, with the rows the screens need from it read once for all of them. */
    void onChange(Consumer<ChangeBatch> listener);

    /** Stops syncing and closes the cache; throws nothing, so it fits try-with-resources anywhere. */
    @Override
    void close();
}
