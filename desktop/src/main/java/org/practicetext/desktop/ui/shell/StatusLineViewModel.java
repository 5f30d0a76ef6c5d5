// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.ui.common.MessageTimes;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The connection state in words for the status line ("Online", "Offline — showing cached
 * messages, last synced 10:42 AM", "Catching up 1,200 of 5,000", "3 waiting to send"), and
 * whether the offline banner shows. It follows the connection events alone: the client publishes
 * one whenever the outbox's waiting count changes, so a text queued offline counts at once.
 */
public final class StatusLineViewModel {
    private final MessageTimes times;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ConnectionState.Kind> kind = new ReadOnlyObjectWrapper<>(ConnectionState.Kind.CONNECTING);

    public StatusLineViewModel(UiSession session) {
        this.times = session.times();
        // Every outbox write that changes the count is a connection event (the outbox tells the status first), in order.
        // Re-reading the state on change batches instead raced with them: a stale read could land last and stay.
        session.events().followConnection(this::show);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState.Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    void show(ConnectionState state) {
        if (state == null) {
            return;
        }
        kind.set(state.kind());
        offline.set(state.kind() == ConnectionState.Kind.OFFLINE);
        text.set(describe(state));
    }

    /** The sentence for one state. */
    public String describe(ConnectionState state) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        String main = switch (state.kind()) {
            case CONNECTING -> "Connecting…";
            case ONLINE -> "Online";
            case CATCHING_UP -> state.total() > 0
                    ? "Catching up " + n.format(state.applied()) + " of " + n.format(state.total())
                    : "Catching up…";
            case OFFLINE -> "Offline — showing cached messages, last synced " + times.clockTime(state.lastSyncedAt());
            case SIGNED_OUT -> "Signed out" + (state.detail() == null ? "" : " — " + state.detail());
            case TOO_OLD -> "Not syncing — this version is too old for the relay";
        };
        if (state.waitingToSend() > 0) {
            main += " · " + n.format(state.waitingToSend()) + " waiting to send";
        }
        return main;
    }
}
