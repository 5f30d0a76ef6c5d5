// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;
import org.practicetext.core.ConsentChange;
import org.practicetext.core.ConsentSource;

/**
 * One consent change of a contact (ADR 0025), in the feed as {@code "consent"} and at
 * {@link Endpoints#CONSENT_RECORDS}; never edited or deleted. {@code conversationId} is the
 * conversation it belongs to in time (the contact's, when it has one), so a thread can show it as a
 * line at {@code at}.
 *
 * <ul>
 *   <li>{@code keyword}: {@code keywordText} is the inbound text exactly as received (at most 1600
 *       characters), {@code optOutType} Twilio's {@code OptOutType} when it sent one, {@code messageId}
 *       the inbound message.</li>
 *   <li>{@code carrier}: {@code errorCode} (21610), {@code messageId} the refused outbound message.</li>
 *   <li>{@code staff}: {@code byUserId} and {@code byName} (the name as it was then), {@code reason}
 *       as typed (at most 200 characters, may be null).</li>
 *   <li>{@code import}: {@code byUserId}/{@code byName} of who imported.</li>
 * </ul>
 */
public record ConsentRecordView(
        long id,
        long contactId,
        Long conversationId,
        ConsentChange change,
        ConsentSource source,
        Instant at,
        String keywordText,
        String optOutType,
        Integer errorCode,
        Long messageId,
        Long byUserId,
        String byName,
        String reason) {
}
