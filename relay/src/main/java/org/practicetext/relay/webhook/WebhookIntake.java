// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.practicetext.relay.background.Alarm;
import org.practicetext.relay.delivery.StatusUpdates;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.DispatchSignal;
import org.practicetext.relay.store.StorageException;
import org.practicetext.relay.store.WebhookReceipts;
import org.practicetext.relay.store.WebhookReceipts.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes verified webhooks so that none Twilio was answered about can be lost: each is recorded
 * first ({@link WebhookReceipts}), then applied, and one whose processing fails is applied again
 * later, with backoff, until it succeeds. A processing bug delays a text; it never loses it. An
 * attempt that failed only because the database was busy is retried within
 * {@link #MAX_BUSY_BACKOFF}, not after minutes: once the database has its breath back the text
 * shows at once.
 * Webhooks still waiting after {@link #ATTENTION_AFTER} attempts are logged at ERROR and counted in
 * {@code /health}, where an operator sees them.
 *
 * <p>Its background loop does not poll: it runs at start (what a stopped relay left), after a
 * webhook failed to be applied, at the earliest retry the journal holds, and when the oldest
 * applied receipt is due to be forgotten (at most once per {@link #PURGE_EVERY}). An idle relay's
 * loop runs no query; on a database shared with other nodes it looks every
 * {@link Alarm#OTHER_NODES} for what a node that died recorded but did not apply.
 */
public final class WebhookIntake implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);
    /** How long the request that recorded a webhook has to apply it before the retry loop may. */
    static final Duration INLINE_GRACE = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /**
     * The longest wait before the next attempt when the attempt failed only because the database
     * was busy (a lock or a free connection not had in time, see {@link StorageException#isBusy}):
     * that is no bug to wait out, and the text is already late. The loop applies one receipt at a
     * time, so these retries add at most one waiting transaction to a busy database.
     */
    static final Duration MAX_BUSY_BACKOFF = Duration.ofSeconds(10);
    static final int ATTENTION_AFTER = 10;
    /** Applied receipts are kept this long (Twilio retries within minutes), then forgotten. */
    static final Duration KEEP_APPLIED = Duration.ofDays(3);
    /** Applied receipts are forgotten in batches, no more often than this. */
    static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final Database db;
    private final InboundMessages inbound;
    private final StatusUpdates statuses;
    private final Clock clock;
    private final WebhookReceipts receipts;
    private final InboundBatches batches;
    private final DispatchSignal dispatchSignal;
    private final Alarm alarm;
    private final boolean sharedDatabase;
    private volatile boolean running;
    private Thread loop;
    /** When applied receipts are next forgotten; empty while none is kept. Read and set under {@code this}. */
    private Optional<Instant> nextPurge = Optional.empty();
    /** Whether this node runs the purge, a leader-only job (see {@code store.Leadership}); always on one node. */
    private volatile BooleanSupplier leader = () -> true;

    public WebhookIntake(Database db, InboundMessages inbound, StatusUpdates statuses, Clock clock, DispatchSignal dispatchSignal,
                         boolean sharedDatabase) {
        this.db = db;
        this.sharedDatabase = sharedDatabase;
        this.inbound = inbound;
        this.statuses = statuses;
        this.clock = clock;
        this.dispatchSignal = dispatchSignal;
        this.alarm = new Alarm(clock);
        this.receipts = new WebhookReceipts(db);
        this.batches = new InboundBatches(db, inbound, receipts, clock, this::inboundAlone, at -> keepUntil(at.plus(KEEP_APPLIED)));
    }

    /**
     * Applies an inbound text with the others arriving meanwhile, in one transaction that also
     * records each in the journal ({@link InboundBatches}); returns once it has committed. Empty
     * when it is recorded but not applied yet (its batch failed and so did it alone).
     */
    public Optional<InboundMessages.Outcome> inbound(InboundSms sms, Map<String, List<String>> form) {
        return batches.submit(sms, form);
    }

    /** Applies {@code forms} as one batch, in order (tests: what one batch does with texts of one contact). */
    List<Optional<InboundMessages.Outcome>> applyTogether(List<Map<String, List<String>>> forms) {
        return batches.applyTogether(forms);
    }

    /** The most texts one transaction has applied together so far. */
    public int largestBatch() {
        return batches.largestBatch();
    }

    /** Records an inbound text in a transaction of its own, then applies it: a text alone. Empty when it is recorded but not applied yet. */
    Optional<InboundMessages.Outcome> inboundAlone(InboundSms sms, Map<String, List<String>> form) {
        Instant now = clock.instant();
        Optional<Receipt> receipt = receipts.record(WebhookReceipts.SMS, sms.sid(), form, now, now.plus(INLINE_GRACE));
        if (receipt.isEmpty()) {
            LOG.info("inbound {} DUPLICATE", sms.sid());
            return Optional.of(InboundMessages.Outcome.DUPLICATE);
        }
        return apply(receipt.get()).map(InboundMessages.Outcome.class::cast);
    }

    /** Records and applies a delivery report. */
    public void status(Map<String, List<String>> form) {
        Instant now = clock.instant();
        receipts.record(WebhookReceipts.STATUS, null, form, now, now.plus(INLINE_GRACE)).ifPresent(this::apply);
    }

    /** Runs the purge of old receipts only while {@code leader} says so (on a database several nodes share). */
    public void purgeOnlyWhile(BooleanSupplier leader) {
        this.leader = leader;
    }

    /** Starts the retry loop; first it applies whatever a stopped relay left recorded but not applied. */
    public void start() {
        running = true;
        loop = Thread.ofVirtual().name("webhook-retry").start(this::run);
    }

    private void run() {
        boolean starting = true;
        while (running) {
            try {
                if (starting) {
                    // On start every waiting receipt is due: the relay that recorded it is gone.
                    retryDue(clock.instant().plus(Duration.ofDays(1)));
                    setNextPurge(receipts.oldestApplied().map(oldest -> oldest.plus(KEEP_APPLIED)));
                    starting = false;
                } else {
                    retryDue(clock.instant());
                    purgeIfDue();
                }
                alarm.await(alarm.lookingOut(Alarm.earliest(receipts.nextDue(), nextPurge()), sharedDatabase));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("webhook retry round failed ({}); trying again", describe(e));
                pause();
            }
        }
    }

    /** Applies every receipt due at {@code now}; returns how many were applied. */
    int retryDue(Instant now) {
        int applied = 0;
        long after = 0;
        List<Receipt> due;
        do {
            due = receipts.due(now, after, 100);
            for (Receipt receipt : due) {
                if (!running) {
                    return applied;
                }
                after = receipt.id();
                applied += apply(receipt).isPresent() ? 1 : 0;
            }
        } while (due.size() == 100);
        return applied;
    }

    /** Applies, now, every receipt whose retry is due (what the loop does when a retry falls due). */
    public int retryNow() {
        return retryDue(clock.instant());
    }

    public void wake() {
        alarm.wake();
    }

    /** The webhooks that wait to be applied, and those that keep failing. */
    public Map<String, Long> backlog() {
        WebhookReceipts.Backlog backlog = receipts.backlog(ATTENTION_AFTER);
        return Map.of("webhooksWaiting", backlog.waiting(), "webhooksFailing", backlog.failing());
    }

    /** Applies one receipt in one transaction with its claim; a failure is recorded for a later attempt. */
    private Optional<Object> apply(Receipt receipt) {
        boolean applied = false;
        try {
            Object outcome = db.inTransaction(tx -> {
                Instant now = clock.instant();
                if (!receipts.claim(tx, receipt.id(), now)) {
                    return InboundMessages.Outcome.DUPLICATE;
                }
                if (receipt.kind().equals(WebhookReceipts.SMS)) {
                    return inbound.store(tx, InboundSms.from(receipt.params()), receipt.params(), receipt.receivedAt());
                }
                StatusCallback report = StatusCallback.from(receipt.params());
                boolean changed = statuses.report(tx, report.sid(), report.status(), report.errorCode());
                if (!changed) {
                    // A report that changed nothing may be one kept for a SID not known yet, committed just after the
                    // hand-off that records the SID looked for early reports: a dispatcher's next round (any node's) matches it.
                    dispatchSignal.raiseAtCommit(tx);
                }
                return changed;
            });
            applied = true;
            if (outcome instanceof InboundMessages.Outcome o && receipt.attempts() > 0) {
                LOG.info("webhook receipt {} applied on attempt {}: {}", receipt.id(), receipt.attempts() + 1, o);
            }
            keepUntil(receipt.receivedAt().plus(KEEP_APPLIED));
            return Optional.of(outcome);
        } catch (RuntimeException e) {
            String error = describe(e);
            boolean busy = e instanceof StorageException storage && storage.isBusy();
            int attempts = receipt.attempts() + 1;
            try {
                attempts = receipts.failed(receipt.id(), error, n -> clock.instant().plus(busy ? busyBackoff(n) : backoff(n)));
            } catch (RuntimeException again) {
                // The receipt stays due; the retry loop takes it up again.
                LOG.warn("could not note the failure of webhook receipt {} ({})", receipt.id(), describe(again));
            }
            if (attempts >= ATTENTION_AFTER) {
                LOG.error("webhook receipt {} ({}) still not applied after {} attempts: {}; kept and retried every {} s",
                        receipt.id(), receipt.kind(), attempts, error, (busy ? MAX_BUSY_BACKOFF : MAX_BACKOFF).toSeconds());
            } else {
                LOG.warn("webhook receipt {} ({}) recorded but not applied yet (attempt {}): {}; retrying",
                        receipt.id(), receipt.kind(), attempts, error);
            }
            return Optional.empty();
        } finally {
            if (!applied) {
                alarm.wake(); // the loop reads the receipt's retry time, whatever became of it
            }
        }
    }

    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 20);
        return seconds >= MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    /** After an attempt the busy database failed: doubling from a second, but never beyond {@link #MAX_BUSY_BACKOFF}. */
    static Duration busyBackoff(int attempts) {
        Duration backoff = backoff(attempts);
        return backoff.compareTo(MAX_BUSY_BACKOFF) > 0 ? MAX_BUSY_BACKOFF : backoff;
    }

    /** Forgets the applied receipts that are old enough, if that is due; then finds when it is due next. */
    private void purgeIfDue() {
        Instant now = clock.instant();
        Optional<Instant> due = nextPurge();
        if (due.isEmpty() || now.isBefore(due.get())) {
            return;
        }
        if (!leader.getAsBoolean()) {
            setNextPurge(Optional.of(now.plus(PURGE_EVERY))); // the leader purges; look again later, in case this node leads by then
            return;
        }
        receipts.purge(now.minus(KEEP_APPLIED));
        Instant soonest = now.plus(PURGE_EVERY);
        setNextPurge(receipts.oldestApplied().map(oldest -> oldest.plus(KEEP_APPLIED)).map(at -> at.isBefore(soonest) ? soonest : at));
    }

    /** An applied receipt is kept until {@code until}: the first one kept sets when to purge (later ones are younger). */
    private void keepUntil(Instant until) {
        boolean first;
        synchronized (this) {
            first = nextPurge.isEmpty();
            if (first) {
                nextPurge = Optional.of(until);
            }
        }
        if (first) {
            alarm.wake(); // the loop's wait does not know this due time yet
        }
    }

    private synchronized Optional<Instant> nextPurge() {
        return nextPurge;
    }

    private synchronized void setNextPurge(Optional<Instant> at) {
        nextPurge = at;
    }

    /** After a failed round (the database is away), a second of real time before the next: the relay's clock may stand still. */
    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Names a failure without quoting any value: by its SQL state and constraint or column, or by its type. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageException storage) {
                return storage.getMessage();
            }
            if (t instanceof SQLException sql) {
                return "SQL state " + sql.getSQLState() + " (" + sql.getClass().getSimpleName() + ")";
            }
            if (t instanceof Refusal refusal) {
                return "refused as " + refusal.reason().code();
            }
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        batches.close();
        running = false;
        alarm.wake();
        if (loop != null) {
            try {
                loop.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
