// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import java.net.URI;
import java.util.List;

/**
 * One text to hand to the carrier. Exactly one of {@code from} (a practice number in E.164) and
 * {@code messagingServiceSid} is set. {@code statusCallback} is where the carrier reports delivery.
 */
public record OutboundText(String to, String from, String messagingServiceSid, String body, List<URI> mediaUrls, URI statusCallback) {
    public OutboundText {
        if ((from == null) == (messagingServiceSid == null)) {
            throw new IllegalArgumentException("exactly one of from and messagingServiceSid must be set");
        }
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }
}
