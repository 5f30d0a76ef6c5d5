// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.practicetext.desktop.sync.ConnectionState.Kind;

/** The current {@link ConnectionState} and who wants to hear when it changes (told only on a real change). */
public final class ConnectionStatus {
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private final IntSupplier waitingToSend;
    private ConnectionState current;

    public ConnectionStatus(Instant lastSyncedAt, IntSupplier waitingToSend) {
        this.waitingToSend = waitingToSend;
        this.current = new ConnectionState(Kind.CONNECTING, lastSyncedAt, 0, 0, waitingToSend.getAsInt(), null);
    }

    public synchronized ConnectionState current() {
        return current;
    }

    public void listen(Consumer<ConnectionState> listener) {
        listeners.add(listener);
    }

    public void online(Instant syncedAt) {
        publish(Kind.ONLINE, syncedAt, 0, 0, null);
    }

    public void catchingUp(long applied, long total) {
        publish(Kind.CATCHING_UP, null, applied, total, null);
    }

    public void offline(String why) {
        publish(Kind.OFFLINE, null, 0, 0, why);
    }

    public void signedOut(String why) {
        publish(Kind.SIGNED_OUT, null, 0, 0, why);
    }

    public void tooOld(String why) {
        publish(Kind.TOO_OLD, null, 0, 0, why);
    }

    /** The outbox changed: the same state with the new count. */
    public void outboxChanged() {
        ConnectionState now = current();
        publish(now.kind(), null, now.applied(), now.total(), now.detail());
    }

    private void publish(Kind kind, Instant syncedAt, long applied, long total, String detail) {
        ConnectionState next;
        synchronized (this) {
            Instant last = syncedAt != null ? syncedAt : current.lastSyncedAt();
            next = new ConnectionState(kind, last, applied, total, waitingToSend.getAsInt(), detail);
            if (next.equals(current)) {
                return;
            }
            current = next;
        }
        listeners.forEach(l -> l.accept(next));
    }
}
