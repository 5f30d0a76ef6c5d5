// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.messages;

import java.util.List;
import java.util.Optional;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.desktop.cache.MessageHit;
import org.practicetext.desktop.cache.MessagePage;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.protocol.RequestDraft;

/**
 * A thread's messages, message search, drafts and the outbox. Reads come from the local cache;
 * a send goes to the outbox first and shows at once. All methods may block on disk I/O.
 */
public interface Messages {
    /** Newest page first when {@code before} is null; then older pages on demand. */
    MessagePage messages(long conversationId, MessagePage.MessageCursor before, int pageSize);

    List<MessageHit> searchMessages(String text, int limit);

    List<OutboxItem> outbox();

    /** The unsent composer text of a thread ({@code conversation:42}, {@code number:+1555…}), kept on disk; local only, never sent to the relay. */
    Optional<String> draft(String threadKey);

    /** Keeps a thread's unsent text in the cache so it survives a restart; blank removes it. */
    void saveDraft(String threadKey, String body);

    /** Sends into an existing conversation; returns the client id. */
    default String send(long conversationId, String body) {
        return send(conversationId, body, List.of());
    }

    /**
     * Sends text and files (either may be empty, not both) into an existing conversation: the files
     * are copied into the outbox first, so the message survives going offline and a restart.
     */
    String send(long conversationId, String body, List<OutgoingFile> files);

    /**
     * Sends a request (ADR 0024) into an existing conversation through the outbox like any text:
     * {@code body} holds {@link org.practicetext.core.RequestTexts#LINK} where the relay puts the link;
     * {@code document} (the statement or plan PDF, or null) is uploaded by the outbox and goes
     * behind the link, never in an MMS. Returns the client id.
     */
    String sendRequest(long conversationId, String body, RequestDraft request, OutgoingFile document);

    /** Sends to any number as typed (validated with the practice's region before it is queued). */
    default String sendTo(String phone, String body) throws InvalidPhoneNumberException {
        return sendTo(phone, body, List.of());
    }

    String sendTo(String phone, String body, List<OutgoingFile> files) throws InvalidPhoneNumberException;

    /** Sends a failed outbox item again (the relay never accepted it). */
    void retry(long outboxItemId);

    /**
     * Sends a failed message the relay had accepted again, as a new attempt of the same message:
     * it shows queued at once and follows the new attempt's status. False when nothing was queued
     * because the message is not failed any more or its retry already waits (one click, one attempt).
     */
    boolean retrySent(long messageId);

    void discard(long outboxItemId);
}
