// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.time.Duration;

/**
 * The sync loop's numbers. The long-poll {@code waitSeconds} stays below the HTTP read timeout
 * (and below the 30 s the relay allows); {@code pageLimit} events are applied per transaction.
 */
public record SyncSettings(int waitSeconds, Duration readTimeout, int pageLimit, Duration backoffBase, Duration backoffCap) {
    public SyncSettings {
        if (readTimeout.toSeconds() <= waitSeconds) {
            throw new IllegalArgumentException("the read timeout must be longer than the long-poll wait");
        }
    }

    public static SyncSettings defaults() {
        return new SyncSettings(25, Duration.ofSeconds(40), 1000, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public SyncSettings withPageLimit(int limit) {
        return new SyncSettings(waitSeconds, readTimeout, limit, backoffBase, backoffCap);
    }

    public SyncSettings withBackoff(Duration base, Duration cap) {
        return new SyncSettings(waitSeconds, readTimeout, pageLimit, base, cap);
    }
}
