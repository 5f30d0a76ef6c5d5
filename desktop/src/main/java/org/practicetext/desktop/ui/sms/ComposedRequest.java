// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import org.practicetext.core.RequestKind;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.protocol.RequestDraft;

/**
 * What a request dialog's Insert hands the composer (ADR 0024): the editable text it starts with
 * (holding {@link org.practicetext.core.RequestTexts#LINK}), the request the message will carry, the
 * statement or plan PDF that goes behind the link ({@code document}, or null) and the chip's words
 * above the text ("Payment request · $120.00").
 */
public record ComposedRequest(String body, RequestDraft draft, OutgoingFile document, String chip) {
    public RequestKind kind() {
        return draft.kind();
    }
}
