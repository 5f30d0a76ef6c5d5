// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import java.util.List;

/**
 * The public base URLs under which Twilio reaches this relay. Normally exactly {@code PT_PUBLIC_URL};
 * when it is not set (a developer's machine), the loopback names of the listening port.
 */
public record WebhookUrls(List<String> bases) {
    public WebhookUrls {
        bases = bases.stream().map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b).toList();
    }

    /** The URL Twilio signed for this request: base + path + the raw query exactly as received. */
    public List<String> candidates(String path, String rawQuery) {
        String suffix = path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        return bases.stream().map(b -> b + suffix).toList();
    }

    /** The URL to give Twilio for a path (status callbacks). */
    public String primary(String path) {
        return bases.getFirst() + path;
    }
}
