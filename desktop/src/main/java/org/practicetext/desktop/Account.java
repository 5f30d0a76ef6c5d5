// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.net.URI;

/** A relay account this desktop signs in to: one cache file per account. */
public record Account(URI relayUrl, String practice, String username) {
    /** A file-name-safe key for the account's cache folder. */
    public String key() {
        String raw = relayUrl.getHost() + "_" + (relayUrl.getPort() < 0 ? "" : relayUrl.getPort()) + "_" + practice + "_" + username;
        return raw.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }
}
