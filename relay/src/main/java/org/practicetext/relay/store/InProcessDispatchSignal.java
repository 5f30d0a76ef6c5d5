// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@link DispatchSignal} of one relay process: a raise runs the subscribers at once, on the raising thread. */
public final class InProcessDispatchSignal implements DispatchSignal {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void raise() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }
}
