// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.sync.ConnectionState;

/**
 * The client's change batches and connection events, delivered on the UI thread to every view
 * model that asked. Subscribes to the client once, so the thread hop happens in one place; each
 * batch already carries the rows its listeners show, so a listener asks the cache only for what
 * the batch cannot hold (its own filtered list).
 */
public final class ClientEvents {
    private final List<Consumer<ChangeBatch>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionState>> connectionListeners = new CopyOnWriteArrayList<>();

    private final DesktopClient client;
    private final UiTasks tasks;

    public ClientEvents(DesktopClient client, UiTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        client.onChange(change -> tasks.onUiThread(() -> changeListeners.forEach(l -> l.accept(change))));
        client.onConnection(state -> tasks.onUiThread(() -> connectionListeners.forEach(l -> l.accept(state))));
    }

    public void onChange(Consumer<ChangeBatch> listener) {
        changeListeners.add(listener);
    }

    public void onConnection(Consumer<ConnectionState> listener) {
        connectionListeners.add(listener);
    }

    /**
     * The connection state now, then every change: the first is read off the UI thread, and an
     * event heard meanwhile is newer than that read can be, so it wins (a stale read landing last
     * would otherwise stay until the next change).
     */
    public void followConnection(Consumer<ConnectionState> listener) {
        boolean[] heard = {false};
        onConnection(state -> {
            heard[0] = true;
            listener.accept(state);
        });
        tasks.run(client.session()::connection, state -> {
            if (!heard[0]) {
                listener.accept(state);
            }
        });
    }
}
