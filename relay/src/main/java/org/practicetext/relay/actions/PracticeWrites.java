// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import java.sql.SQLException;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.SqlFunction;
import org.practicetext.relay.store.StorageException;
import org.practicetext.relay.store.Tx;

/**
 * One writing transaction in the caller's practice. The feed lock is taken before any row is
 * touched (so writers never deadlock and events commit in sequence order), and every changed
 * entity is appended to the feed as its view read back after the change.
 */
final class PracticeWrites {
    private final Database db;
    private final ChangeFeed feed;
    private final Conversations conversations = new Conversations();
    private final Contacts contacts = new Contacts();

    PracticeWrites(Database db, ChangeFeed feed) {
        this.db = db;
        this.feed = feed;
    }

    /**
     * Runs {@code work} in one transaction of the caller's practice. A unique key broken by a
     * concurrent writer outside the feed lock becomes {@code conflict} (409) instead of a 503.
     */
    <T> T run(Principal who, String conflict, SqlFunction<T> work) {
        try {
            return db.inTransaction(tx -> {
                feed.lock(tx, who.practiceId());
                return work.apply(tx);
            });
        } catch (StorageException e) {
            if (e.isDuplicateKey()) {
                throw new ApiError(409, "conflict", conflict);
            }
            throw e;
        }
    }

    <T> T run(Principal who, SqlFunction<T> work) {
        return run(who, "Someone else changed this at the same moment; try again.", work);
    }

    ConversationView conversationChanged(Tx tx, long practiceId, long id) throws SQLException {
        ConversationView view = conversations.byId(tx, practiceId, id).orElseThrow();
        feed.append(tx, practiceId, EventTypes.CONVERSATION, id, view);
        return view;
    }

    ContactView contactChanged(Tx tx, long practiceId, long id) throws SQLException {
        ContactView view = contacts.byId(tx, practiceId, id).orElseThrow();
        feed.append(tx, practiceId, EventTypes.CONTACT, id, view);
        return view;
    }

    /** For entities whose view the caller has just read back itself (inboxes, templates). */
    void changed(Tx tx, long practiceId, String type, long id, Object view) throws SQLException {
        feed.append(tx, practiceId, type, id, view);
    }
}
