// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;
import org.practicetext.core.RequestKind;

/**
 * The request a message carries ({@link SendMessageRequest#request()}): the message's body holds
 * {@link org.practicetext.core.RequestTexts#LINK} where the relay puts the request's tracked link.
 * What each kind needs: a payment {@code amountCents} (and {@code description}, shown to the
 * patient; optional {@code reference}, internal; optional statement PDF); a review nothing; forms
 * {@code formIds} from the practice's library; a treatment plan the plan PDF and an optional
 * {@code amountCents} as its total. {@code document} is the id of the PDF sent to
 * {@link Endpoints#UPLOAD} first (it goes behind the link, never in an MMS). {@code repeatAllowed}
 * says staff saw the warning that this patient had a review request recently and send anyway.
 */
public record RequestDraft(RequestKind kind, Long amountCents, String description, String reference, List<Long> formIds, String document,
                           Boolean repeatAllowed) {
    public RequestDraft {
        formIds = formIds == null ? List.of() : List.copyOf(formIds);
        repeatAllowed = Boolean.TRUE.equals(repeatAllowed); // absent from the JSON: false
    }

    /** The same draft with its PDF uploaded (the desk's outbox sets it just before sending). */
    public RequestDraft withDocument(String uploadId) {
        return new RequestDraft(kind, amountCents, description, reference, formIds, uploadId, repeatAllowed);
    }
}
