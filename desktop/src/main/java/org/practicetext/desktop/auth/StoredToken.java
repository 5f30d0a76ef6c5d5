// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.auth;

import java.time.Instant;

/** A relay session token kept between runs of the app, and when the relay said it expires. */
public record StoredToken(String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "StoredToken[token=<hidden>, expiresAt=" + expiresAt + "]";
    }
}
