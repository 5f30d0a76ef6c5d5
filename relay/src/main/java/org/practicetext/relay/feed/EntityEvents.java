// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import java.sql.SQLException;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.MessageView;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.Tx;

/**
 * Appends a changed entity to its practice's feed as its view read back after the change, so an
 * event carries what the database now holds. The caller's transaction holds the practice's feed
 * lock ({@link PracticeWrites}); each method returns the view it appended.
 */
public final class EntityEvents {
    private final ChangeFeed feed;
    private final Conversations conversations = new Conversations();
    private final Contacts contacts = new Contacts();
    private final Messages messages = new Messages();

    public EntityEvents(ChangeFeed feed) {
        this.feed = feed;
    }

    public ConversationView conversationChanged(Tx tx, long practiceId, long id) throws SQLException {
        ConversationView view = conversations.byId(tx, practiceId, id).orElseThrow();
        feed.append(tx, practiceId, EventTypes.CONVERSATION, id, view);
        return view;
    }

    public ContactView contactChanged(Tx tx, long practiceId, long id) throws SQLException {
        ContactView view = contacts.byId(tx, practiceId, id).orElseThrow();
        feed.append(tx, practiceId, EventTypes.CONTACT, id, view);
        return view;
    }

    public MessageView messageChanged(Tx tx, long practiceId, long id) throws SQLException {
        MessageView view = messages.byId(tx, practiceId, id).orElseThrow();
        feed.append(tx, practiceId, EventTypes.MESSAGE, id, view);
        return view;
    }

    /**
     * For an entity whose view the caller has just read back itself (a message just inserted, an
     * inbox, a template, a practice, a user).
     */
    public void changed(Tx tx, long practiceId, String type, long id, Object view) throws SQLException {
        feed.append(tx, practiceId, type, id, view);
    }

    /** For an entity inserted in this transaction, whose view the caller has just read back: its first event. */
    public void created(Tx tx, long practiceId, String type, long id, Object view) throws SQLException {
        feed.appendNew(tx, practiceId, type, id, view);
    }
}
