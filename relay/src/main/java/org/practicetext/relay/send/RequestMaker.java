// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import java.sql.SQLException;
import java.time.Instant;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.RequestDraft;
import org.practicetext.protocol.Sender;
import org.practicetext.relay.store.Tx;

/**
 * What makes a message a request (ADR 0024), called by {@link MessageSending} inside the
 * message's own transaction, after the contact passed the consent check: {@link #prepare} checks
 * the draft against the practice's settings and says where the link goes; {@link #created}
 * stores the request once the message exists. Implemented by {@code relay.requests.RequestService}.
 */
public interface RequestMaker {
    /** A relay without requests: every draft is refused. */
    RequestMaker NONE = new RequestMaker() {
        @Override
        public Prepared prepare(Tx tx, long practiceId, ContactView contact, ConversationView conversation, RequestDraft draft, Instant now) {
            throw org.practicetext.relay.refusal.Refusal.invalid("This relay does not send requests.");
        }

        @Override
        public void created(Tx tx, long practiceId, Prepared prepared, MessageView message, Sender sender, Long replacesId, Instant now) {
            throw new IllegalStateException("no requests");
        }
    };

    /**
     * The link of a request about to be sent: its {@code token} (a secure link's), the {@code url}
     * written into the text, until when it works, whether its page asks the date of birth, and what
     * the request will store.
     */
    record Prepared(String token, String url, Instant expiresAt, boolean asksBirthDate, RequestDraft draft, String currency, String forms,
                    String destination) {
    }

    Prepared prepare(Tx tx, long practiceId, ContactView contact, ConversationView conversation, RequestDraft draft, Instant now)
            throws SQLException;

    /** Stores the request of {@code message} and appends it to the feed. */
    void created(Tx tx, long practiceId, Prepared prepared, MessageView message, Sender sender, Long replacesId, Instant now) throws SQLException;
}
