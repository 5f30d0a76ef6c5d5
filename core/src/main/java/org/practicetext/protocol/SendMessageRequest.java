// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;

/**
 * Body of {@code POST /api/v1/messages}: to an existing conversation ({@code conversationId}) or
 * to any phone number as staff typed it ({@code to}). {@code clientId} is the idempotency key:
 * the same key twice sends once. {@code from} optionally picks one of the practice's numbers.
 * {@code uploads} are files sent to {@link Endpoints#UPLOAD} first (their ids, in order): photos
 * go in the MMS, documents and anything over the carriers' limits behind a secure link added to
 * the text. {@code mediaUrls} are public links the relay passes to the carrier as they are.
 * {@code request} makes the message a request with a tracked link (ADR 0024).
 */
public record SendMessageRequest(String clientId, Long conversationId, String to, String from, String body, List<String> mediaUrls,
                                 List<String> uploads, RequestDraft request) {
    /** A text with files. */
    public SendMessageRequest(String clientId, Long conversationId, String to, String from, String body, List<String> mediaUrls,
                              List<String> uploads) {
        this(clientId, conversationId, to, from, body, mediaUrls, uploads, null);
    }

    /** A text (with links to pass on, or none). */
    public SendMessageRequest(String clientId, Long conversationId, String to, String from, String body, List<String> mediaUrls) {
        this(clientId, conversationId, to, from, body, mediaUrls, null, null);
    }
}
