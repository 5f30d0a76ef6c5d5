// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.practicetext.desktop.BackgroundTasks;
import org.practicetext.desktop.cache.BatchReads;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync side of one signed-in client wired together: the outbox, the feed applier, the
 * delivery, the connection state and the loop, with the change listeners they all report to.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final Outbox outbox;
    private final ConnectionStatus status;
    private final SyncLoop loop;
    private final CacheDatabase db;
    private final List<Consumer<ChangeBatch>> listeners = new CopyOnWriteArrayList<>();
    private final BatchReads reads;
    private BackgroundTasks.Task running;

    public SyncEngine(RelayApi api, CacheDatabase db, Clock clock, SyncSettings settings, Supplier<String> senderName, Runnable onSignedOut) {
        this.db = db;
        this.reads = new BatchReads(db);
        this.outbox = new Outbox(db, clock, senderName);
        this.status = new ConnectionStatus(db.read(SyncState::read).lastSyncedAt(), outbox::waiting);
        // The count follows the outbox itself, whoever wrote to it, before any screen hears of the change.
        outbox.onWaitingChanged(status::outboxChanged);
        FeedApplier applier = new FeedApplier(db, outbox);
        OutboxDelivery delivery = new OutboxDelivery(api, outbox, db, this::changed);
        this.loop = new SyncLoop(api, db, applier, delivery, status, this::changed, onSignedOut, settings,
                new Backoff(settings.backoffBase(), settings.backoffCap(), new SecureRandom()), clock);
    }

    public Outbox outbox() {
        return outbox;
    }

    public ConnectionStatus status() {
        return status;
    }

    /** Every applied batch, as one {@link ChangeBatch} with what the screens read from it (read once, before any listener runs). */
    public void onChange(Consumer<ChangeBatch> listener) {
        listeners.add(listener);
    }

    /** Shows every waiting change and local bubble (they may be missing after a rebuilt cache), then starts the loop. */
    public void start(BackgroundTasks tasks) {
        db.write(sql -> {
            outbox.reapply(sql);
            return null;
        });
        outbox.sweepCopies();
        running = tasks.start("practicetext-sync", loop);
    }

    /** Something was queued or changed locally: tell the listeners (the outbox told the status line), and let the loop deliver it. */
    public void queued(List<DeskChange> changes) {
        changed(changes);
        loop.wake();
    }

    /** The user signed out, or the relay said the sign-in is over. */
    public void signedOut(String why) {
        stop();
        status.signedOut(why);
    }

    private void changed(List<DeskChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ChangeBatch batch = reads.read(changes);
        for (Consumer<ChangeBatch> listener : listeners) {
            try {
                listener.accept(batch);
            } catch (RuntimeException e) {
                LOG.warn("a change listener failed ({})", org.practicetext.desktop.Failures.describe(e));
                LOG.debug("change listener failure", e);
            }
        }
    }

    private void stop() {
        loop.stop();
        if (running != null) {
            try {
                if (!running.join(Duration.ofSeconds(10))) {
                    LOG.warn("the sync loop did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
