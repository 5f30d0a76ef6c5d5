// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.protocol.FeedPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background loop: deliver what waits in the outbox, then read the feed from the stored
 * cursor (a long-poll once online), apply the page, tell the listeners; on failure wait with
 * backoff. A new outbox item wakes it: the long-poll in flight is cancelled so the item goes at
 * once. A 410 or a changed feed id starts a full resync (the outbox is untouched); a 401 ends the
 * loop in SIGNED_OUT, keeping the cache and the outbox; a 426 (this app is older than the relay
 * serves) ends it in TOO_OLD, keeping the cache, the outbox and the token, so it does not ask again
 * and again what cannot change until a newer version is installed (which resumes the same sign-in).
 */
public final class SyncLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

    private final RelayApi api;
    private final CacheDatabase db;
    private final FeedApplier applier;
    private final OutboxDelivery delivery;
    private final ConnectionStatus status;
    private final Consumer<List<DeskChange>> changed;
    private final Runnable onSignedOut;
    private final SyncSettings settings;
    private final Backoff backoff;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private volatile boolean stopped;
    private volatile boolean outboxDirty;
    private CatchUpEstimate catchUp;

    public SyncLoop(RelayApi api, CacheDatabase db, FeedApplier applier, OutboxDelivery delivery, ConnectionStatus status,
                    Consumer<List<DeskChange>> changed, Runnable onSignedOut, SyncSettings settings, Backoff backoff, Clock clock) {
        this.api = api;
        this.db = db;
        this.applier = applier;
        this.delivery = delivery;
        this.status = status;
        this.changed = changed;
        this.onSignedOut = onSignedOut;
        this.settings = settings;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                step();
            } catch (RuntimeException e) {
                // No message: it can quote what failed (ADR 0026); the whole failure only at DEBUG.
                LOG.warn("sync step failed ({}); retrying with backoff", org.practicetext.desktop.Failures.describe(e));
                LOG.debug("sync step failure", e);
                status.offline("The local cache could not be updated (" + org.practicetext.desktop.Failures.describe(e) + ").");
                pause(backoff.next(Duration.ZERO));
            }
        }
    }

    /** New outbox work: deliver it now rather than after the long-poll. */
    public void wake() {
        outboxDirty = true;
        api.cancelPoll();
        signal();
    }

    public void stop() {
        stopped = true;
        api.cancelPoll();
        signal();
    }

    void step() {
        try {
            outboxDirty = false;
            delivery.deliverWaiting();
            SyncState state = db.read(SyncState::read);
            boolean live = status.current().kind() == ConnectionState.Kind.ONLINE;
            FeedPage page = api.events(state.cursor(), live ? settings.waitSeconds() : 0, settings.pageLimit(), () -> outboxDirty || stopped);
            if (state.feedId() != null && !state.feedId().equals(page.feedId())) {
                resync("the relay's data was replaced (feed " + state.feedId() + " is now " + page.feedId() + ")");
                return;
            }
            apply(state.cursor(), page);
            backoff.reset();
        } catch (RelayException e) {
            failed(e);
        }
    }

    private void apply(long from, FeedPage page) {
        List<DeskChange> changes = applier.apply(page, clock.instant());
        // Listeners hear of the data before the state says ONLINE, so "online" always means "shown".
        if (!changes.isEmpty()) {
            changed.accept(changes);
        }
        if (page.more()) {
            if (catchUp == null) {
                catchUp = CatchUpEstimate.begin(from, page.next(), settings.pageLimit(), this::exists);
            }
            catchUp.applied(page.events().size(), page.next());
            status.catchingUp(catchUp.applied(), catchUp.total());
        } else {
            catchUp = null;
            status.online(clock.instant());
        }
    }

    private boolean exists(long after) throws RelayException {
        try {
            api.events(after, 0, 1, () -> stopped);
            return true;
        } catch (RelayException e) {
            if (e.status() == 410) {
                return false;
            }
            throw e;
        }
    }

    private void failed(RelayException e) {
        if (stopped || RelayApi.CANCELLED.equals(e.code())) {
            return;
        }
        if (e.signedOut()) {
            stopped = true;
            status.signedOut(e.getMessage());
            onSignedOut.run();
            return;
        }
        if (e.tooOld()) {
            stopped = true;
            catchUp = null;
            LOG.warn("the relay serves only newer desks (426); sync stopped until a newer version is installed");
            status.tooOld(e.getMessage());
            return;
        }
        if (e.status() == 410) {
            resync(e.getMessage());
            return;
        }
        catchUp = null;
        status.offline(e.status() == 0 ? e.getMessage() : "The relay answered " + e.status() + ": " + e.getMessage());
        pause(backoff.next(Duration.ofSeconds(e.retryAfterSeconds())));
    }

    private void resync(String why) {
        LOG.info("full resync: {}", why);
        catchUp = null;
        db.write(sql -> {
            SyncState.beginResync(sql);
            return null;
        });
    }

    private void signal() {
        lock.lock();
        try {
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits out a backoff, or less if new outbox work or a stop arrives. */
    private void pause(Duration wait) {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (nanos > 0 && !stopped && !outboxDirty) {
                nanos = woken.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            lock.unlock();
        }
    }
}
