// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import org.practicetext.desktop.cache.LocalChanges;
import org.practicetext.desktop.cache.Sql;
import org.practicetext.protocol.AssignRequest;
import org.practicetext.protocol.Endpoint;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.MoveRequest;

/**
 * Every action a user takes through the outbox: the relay endpoint it is delivered to, and the
 * optimistic change it makes to the cache at once (and undoes when the relay refuses it).
 * Sends are special: their optimistic side is a local message, written by {@link Outbox}.
 */
public enum OutboxAction {
    SEND("send", Endpoints.SEND_MESSAGE),
    /** A failed message the relay had accepted, sent again as a new attempt of the same message ({@link RetryPayload}). */
    RETRY("retry", Endpoints.MESSAGE_RETRY),
    CLOSE("close", Endpoints.CONVERSATION_CLOSE),
    REOPEN("reopen", Endpoints.CONVERSATION_REOPEN),
    READ("read", Endpoints.CONVERSATION_READ),
    UNREAD("unread", Endpoints.CONVERSATION_UNREAD),
    ASSIGN("assign", Endpoints.CONVERSATION_ASSIGN),
    UNASSIGN("unassign", Endpoints.CONVERSATION_UNASSIGN),
    MOVE("move", Endpoints.CONVERSATION_MOVE),
    /** Blocks and unblocks carry an optional {@code ConsentNote} (why, kept in the consent record; ADR 0025). */
    BLOCK("block", Endpoints.CONTACT_BLOCK),
    UNBLOCK("unblock", Endpoints.CONTACT_UNBLOCK),
    /** A team member records the patient's opt-out (asked in person); optional {@code ConsentNote}. */
    OPT_OUT("opt_out", Endpoints.CONTACT_OPT_OUT),
    /** Undoes an opt-out staff recorded; {@code ConsentNote} with the reason. */
    OPT_IN("opt_in", Endpoints.CONTACT_OPT_IN);

    private final String kind;
    private final Endpoint endpoint;

    OutboxAction(String kind, Endpoint endpoint) {
        this.kind = kind;
        this.endpoint = endpoint;
    }

    /** The word stored in the outbox and shown in {@link OutboxItem#kind()}. */
    public String kind() {
        return kind;
    }

    public static OutboxAction fromKind(String kind) {
        return Arrays.stream(values()).filter(a -> a.kind.equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outbox kind " + kind));
    }

    boolean onContact() {
        return this == BLOCK || this == UNBLOCK || this == OPT_OUT || this == OPT_IN;
    }

    /** Whether this action turns the contact's opt-out (else, on a contact, its block). */
    public boolean turnsOptOut() {
        return this == OPT_OUT || this == OPT_IN;
    }

    /** Where the relay takes this action: a send goes to the messages, a retry to its message, the rest to their conversation or contact. */
    Endpoint.Target target(Long conversationId, Long contactId, String payload) {
        if (this == SEND) {
            return endpoint.at();
        }
        if (this == RETRY) {
            return endpoint.at(payload(payload, RetryPayload.class).messageId());
        }
        return endpoint.at(onContact() ? contactId : conversationId);
    }

    /** The optimistic change, applied when the action is queued and again after every batch while it waits. */
    void apply(Sql sql, Long conversationId, Long contactId, String payload) throws SQLException {
        switch (this) {
            case SEND -> { }
            case RETRY -> LocalChanges.retrying(sql, payload(payload, RetryPayload.class).messageId());
            case CLOSE -> LocalChanges.status(sql, conversationId, "closed");
            case REOPEN -> LocalChanges.status(sql, conversationId, "open");
            case READ -> LocalChanges.read(sql, conversationId);
            case UNREAD -> LocalChanges.unread(sql, conversationId);
            case ASSIGN -> LocalChanges.assignee(sql, conversationId, payload(payload, AssignRequest.class).userId());
            case UNASSIGN -> LocalChanges.assignee(sql, conversationId, null);
            case MOVE -> LocalChanges.inbox(sql, conversationId, payload(payload, MoveRequest.class).inboxId());
            case BLOCK -> LocalChanges.blocked(sql, contactId, true);
            case UNBLOCK -> LocalChanges.blocked(sql, contactId, false);
            case OPT_OUT -> LocalChanges.optedOut(sql, contactId, true);
            case OPT_IN -> LocalChanges.optedOut(sql, contactId, false);
        }
    }

    /** Undoes the optimistic change: the row goes back to the relay's last known state. */
    void revert(Sql sql, Long conversationId, Long contactId, String payload) throws SQLException {
        if (this == SEND) {
            return;
        }
        if (this == RETRY) {
            RetryPayload retry = payload(payload, RetryPayload.class);
            LocalChanges.failedAgain(sql, retry.messageId(), retry.status(), retry.errorCode(), retry.errorMessage());
            return;
        }
        if (onContact()) {
            LocalChanges.revertContact(sql, contactId);
        } else {
            LocalChanges.revertConversation(sql, conversationId);
        }
    }

    /**
     * What a retry stores: the message, the client id of this attempt (the outbox item's), and the
     * failure it replaces, so that a refused retry shows the message failed as it was.
     */
    public record RetryPayload(long messageId, String clientId, String status, Integer errorCode, String errorMessage) {
    }

    /** The stored body of an action, read as the request type its endpoint takes. */
    static <T> T payload(String payload, Class<T> type) {
        try {
            return Json.mapper().readValue(payload, type);
        } catch (IOException e) {
            throw new IllegalStateException("outbox payload is not a " + type.getSimpleName() + ": " + payload, e);
        }
    }
}
