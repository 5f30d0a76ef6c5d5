// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import java.time.Clock;
import org.practicetext.relay.feed.ChangeFeed;

/**
 * Moved to {@link org.practicetext.relay.delivery.StatusUpdates}. This forwarder stays only until
 * {@code relay.send.Dispatcher} imports the new one (that import is the one line to change); then
 * it is deleted, and {@code RelayServer} constructs the new one.
 */
public final class StatusUpdates extends org.practicetext.relay.delivery.StatusUpdates {
    public StatusUpdates(ChangeFeed feed, Clock clock) {
        super(feed, clock);
    }
}
