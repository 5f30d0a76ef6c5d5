// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import org.practicetext.desktop.sync.SyncSettings;

/**
 * How a client runs: the sync loop's numbers, the background-work seam (tests shorten the
 * backoff), and the app it tells the relay it is ({@link AppInfo#build()}; tests play an older desk).
 */
public record ClientOptions(SyncSettings sync, BackgroundTasks tasks, AppInfo app) {
    public ClientOptions(SyncSettings sync, BackgroundTasks tasks) {
        this(sync, tasks, AppInfo.build());
    }

    public static ClientOptions defaults() {
        return new ClientOptions(SyncSettings.defaults(), BackgroundTasks.threads());
    }

    public ClientOptions withSync(SyncSettings settings) {
        return new ClientOptions(settings, tasks, app);
    }

    public ClientOptions withTasks(BackgroundTasks runner) {
        return new ClientOptions(sync, runner, app);
    }

    public ClientOptions withApp(AppInfo info) {
        return new ClientOptions(sync, tasks, info);
    }
}
