// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import org.practicetext.desktop.cache.LocalChanges;
import org.practicetext.desktop.cache.Sql;
import org.practicetext.protocol.Json;

/**
 * Every action a user takes through the outbox: the relay path it is delivered to, and the
 * optimistic change it makes to the cache at once (and undoes when the relay refuses it).
 * Sends are special: their optimistic side is a local message, written by {@link Outbox}.
 */
public enum OutboxAction {
    SEND("send"),
    CLOSE("close"),
    REOPEN("reopen"),
    READ("read"),
    UNREAD("unread"),
    ASSIGN("assign"),
    UNASSIGN("unassign"),
    MOVE("move"),
    BLOCK("block"),
    UNBLOCK("unblock");

    private final String kind;

    OutboxAction(String kind) {
        this.kind = kind;
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
        return this == BLOCK || this == UNBLOCK;
    }

    /** Where the relay takes this action. */
    String path(Long conversationId, Long contactId) {
        return switch (this) {
            case SEND -> "/api/v1/messages";
            case BLOCK, UNBLOCK -> "/api/v1/contacts/" + contactId + "/" + kind;
            default -> "/api/v1/conversations/" + conversationId + "/" + kind;
        };
    }

    /** The optimistic change, applied when the action is queued and again after every batch while it waits. */
    void apply(Sql sql, Long conversationId, Long contactId, String payload) throws SQLException {
        switch (this) {
            case SEND -> { }
            case CLOSE -> LocalChanges.status(sql, conversationId, "closed");
            case REOPEN -> LocalChanges.status(sql, conversationId, "open");
            case READ -> LocalChanges.read(sql, conversationId);
            case UNREAD -> LocalChanges.unread(sql, conversationId);
            case ASSIGN -> LocalChanges.assignee(sql, conversationId, number(payload, "userId"));
            case UNASSIGN -> LocalChanges.assignee(sql, conversationId, null);
            case MOVE -> LocalChanges.inbox(sql, conversationId, number(payload, "inboxId"));
            case BLOCK -> LocalChanges.blocked(sql, contactId, true);
            case UNBLOCK -> LocalChanges.blocked(sql, contactId, false);
        }
    }

    /** Undoes the optimistic change: the row goes back to the relay's last known state. */
    void revert(Sql sql, Long conversationId, Long contactId) throws SQLException {
        if (this == SEND) {
            return;
        }
        if (onContact()) {
            LocalChanges.revertContact(sql, contactId);
        } else {
            LocalChanges.revertConversation(sql, conversationId);
        }
    }

    private static long number(String payload, String field) {
        try {
            JsonNode node = Json.mapper().readTree(payload);
            return node.path(field).asLong();
        } catch (IOException e) {
            throw new IllegalStateException("outbox payload is not JSON: " + payload, e);
        }
    }
}
