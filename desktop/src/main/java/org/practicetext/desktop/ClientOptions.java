// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import org.practicetext.desktop.sync.SyncSettings;

/** How a client runs: the sync loop's numbers and the background-work seam (tests shorten the backoff). */
public record ClientOptions(SyncSettings sync, BackgroundTasks tasks) {
    public static ClientOptions defaults() {
        return new ClientOptions(SyncSettings.defaults(), BackgroundTasks.threads());
    }

    public ClientOptions withSync(SyncSettings settings) {
        return new ClientOptions(settings, tasks);
    }

    public ClientOptions withTasks(BackgroundTasks runner) {
        return new ClientOptions(sync, runner);
    }
}
