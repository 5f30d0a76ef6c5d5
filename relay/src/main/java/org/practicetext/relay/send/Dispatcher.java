// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.practicetext.core.CarrierErrors;
import org.practicetext.core.DeliveryStatus;
import org.practicetext.protocol.MessageView;
import org.practicetext.relay.background.Alarm;
import org.practicetext.relay.consent.Consent;
import org.practicetext.relay.delivery.StatusUpdates;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.DispatchQueue;
import org.practicetext.relay.store.DispatchSignal;
import org.practicetext.relay.store.DispatchState;
import org.practicetext.relay.store.Messages;
import org.practicetext.relay.store.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands stored messages to the carrier in the background, in order within each conversation.
 *
 * <p>The rule is: never send twice. A message is claimed (state {@code handing}) before the
 * carrier is called, so after a crash the relay knows the call may have happened. When the
 * carrier's answer is lost (a 5xx, a timeout, a crash), the message goes to {@code checking}:
 * the carrier is asked whether it has the message before anything is sent again. Only a
 * failure that certainly sent nothing (connection refused, 429) is retried directly, with
 * backoff. When the relay cannot find out, a person decides ({@code attention}).
 *
 * <p>Consent is read in the transaction that claims a message for hand-off: a message whose
 * contact opted out or was blocked by then is withheld, never sent (see {@link Consent}).
 *
 * <p>It does not poll. A round runs at start (what a stopped relay left), when the
 * {@link DispatchSignal} is raised (a message was stored), when an attempt of its own ends, and
 * at the earliest due time the database holds after the last round: a retry, a look-up or a
 * lease. With nothing on its way to the carrier it runs no query. A wake-up during a round is
 * kept for the next one ({@link Alarm}), so nothing stored while a round runs waits. On a
 * database shared with other nodes it also runs a round every {@link Alarm#OTHER_NODES}, for
 * what a node that died left due.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final int MAX_ATTEMPTS = 8;
    static final Duration CHECK_DELAY = Duration.ofSeconds(3);
    static final Duration GIVE_UP_CHECKING_AFTER = Duration.ofMinutes(10);
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Messages claimed per round at most; a round that took this many is followed by another at once. */
    static final int ROUND_LIMIT = 50;

    private final Database db;
    private final ChangeFeed feed;
    private final Carrier carrier;
    private final StatusUpdates statuses;
    private final Clock clock;
    private final Supplier<URI> statusCallback;
    private final String messagingServiceSid;
    private final String nodeId;
    private final Messages messages = new Messages();
    private final DispatchQueue queue = new DispatchQueue();
    private final Alarm alarm;
    private final DispatchSignal signal;
    private final boolean sharedDatabase;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private volatile DispatchMeter meter = DispatchMeter.NONE;
    private Thread loop;

    public Dispatcher(Database db, ChangeFeed feed, Carrier carrier, StatusUpdates statuses, Clock clock, Supplier<URI> statusCallback,
                      String messagingServiceSid, String nodeId, DispatchSignal signal, boolean sharedDatabase) {
        this.db = db;
        this.sharedDatabase = sharedDatabase;
        this.signal = signal;
        this.alarm = new Alarm(clock);
        this.feed = feed;
        this.carrier = carrier;
        this.statuses = statuses;
        this.clock = clock;
        this.statusCallback = statusCallback;
        this.messagingServiceSid = messagingServiceSid;
        this.nodeId = nodeId;
    }

    /**
     * Recovers what this node left in flight when it stopped, then starts the loop: a hand-off
     * ({@code handing}) or a look-up ({@code checking}) this node had claimed is looked up with
     * the carrier at once, not after its lease; never sooner than {@link #CHECK_DELAY} after the
     * attempt began, so the carrier's list can show the message. Hand-offs claimed by other
     * nodes (sharing PostgreSQL) are theirs until their lease expires.
     */
    public void start() {
        int recovered = db.inTransaction(tx -> {
            Instant now = clock.instant();
            int count = 0;
            for (DispatchQueue.Interrupted m : queue.interrupted(tx, nodeId, now)) {
                Instant earliest = m.startedAt() == null ? now : m.startedAt().plus(CHECK_DELAY);
                Instant due = earliest.isAfter(now) ? earliest : now;
                if (m.state() == DispatchState.CHECKING && !due.isBefore(m.due())) {
                    continue; // a look-up already scheduled no later than that
                }
                count += queue.lookUpAt(tx, m.id(), m.state(), due) ? 1 : 0;
            }
            return count;
        });
        if (recovered > 0) {
            LOG.warn("{} message(s) were being handed to the carrier or checked with it when the relay stopped; checking with the carrier before any resend",
                    recovered);
        }
        running = true;
        signal.subscribe(this::wake);
        loop = Thread.ofVirtual().name("dispatcher").start(this::run);
    }

    /** Where attempts' outcomes and carrier error codes are counted (the relay's metrics); set before {@link #start()}. */
    public void meter(DispatchMeter meter) {
        this.meter = meter;
    }

    /** Runs a round soon: at once if the loop waits, right after the current round if one runs. */
    public void wake() {
        alarm.wake();
    }

    private void run() {
        while (running) {
            try {
                claimDue(this::startAttempt);
                alarm.await(alarm.lookingOut(db.read(queue::nextDue), sharedDatabase));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("dispatcher round failed; retrying", e);
                sleepQuietly();
            }
        }
    }

    /**
     * Starts a claimed attempt. {@link #close} stops the loop before it stops taking attempts, so
     * this is refused only when the loop outlived the close's bound; the claim is then this
     * node's {@code handing} or {@code checking}, looked up with the carrier at the next start.
     */
    private void startAttempt(Claim claim) {
        try {
            calls.submit(() -> attempt(claim));
        } catch (RejectedExecutionException e) {
            LOG.warn("message {} was claimed as the relay stopped; it will be checked with the carrier at the next start", claim.messageId());
        }
    }

    /** A message taken for one attempt: a send, or a look-up after a lost answer. */
    record Claim(long practiceId, long messageId, boolean check, int attempts, Instant attemptStartedAt, OutboundText text) {
    }

    /** Claims what is due, one transaction per practice, and starts each claim as soon as its transaction committed. */
    private void claimDue(Consumer<Claim> start) {
        sweepLateReports();
        Map<Long, List<Long>> dueByPractice = db.inTransaction(tx -> {
            Instant now = clock.instant();
            // A claim whose lease ran out belongs to a node that died: look before resending.
            queue.expireLeases(tx, now);
            return queue.due(tx, now, ROUND_LIMIT);
        });
        for (Map.Entry<Long, List<Long>> practice : dueByPractice.entrySet()) {
            if (!running) {
                return; // stopping: what is still due stays pending for the next start, or for another node
            }
            db.inTransaction(tx -> claimIn(tx, practice.getKey(), practice.getValue())).forEach(start);
        }
    }

    /**
     * Claims due messages of one practice. Consent is read here, after taking the practice's feed
     * lock that every opt-out and block holds too: a message whose contact opted out or was
     * blocked is withheld instead of claimed, and one claimed here was claimed before any
     * opt-out that has not committed yet. A look-up ({@code checking}) sends nothing, so it is
     * still claimed; if the carrier does not have the message it comes back here as pending.
     */
    private List<Claim> claimIn(Tx tx, long practiceId, List<Long> ids) throws SQLException {
        feed.lock(tx, practiceId);
        Instant now = clock.instant();
        List<Claim> claims = new ArrayList<>();
        for (long id : ids) {
            Optional<String> refusal = queue.pendingRecipient(tx, id).flatMap(r -> Consent.refusal(r.optedOut(), r.blocked()));
            if (refusal.isPresent()) {
                if (Consent.withhold(tx, feed, practiceId, id, refusal.get(), now)) {
                    meter.attempt("withheld");
                    LOG.info("message {} withheld: its contact opted out or was blocked before it was handed to the carrier", id);
                }
                continue;
            }
            if (queue.claim(tx, id, now, now.plus(LEASE), nodeId)) {
                claims.add(claim(queue.claimed(tx, id)));
            }
        }
        return claims;
    }

    /**
     * A status report can commit just after the hand-off looked for early reports; such reports
     * are matched here, on the next round.
     */
    private void sweepLateReports() {
        for (DispatchQueue.LateReport late : db.read(queue::lateReports)) {
            db.inTransaction(tx -> {
                feed.lock(tx, late.practiceId());
                String sid = messages.byId(tx, late.practiceId(), late.messageId()).orElseThrow().sid();
                statuses.applyEarlyReports(tx, late.practiceId(), sid);
                return null;
            });
        }
    }

    private Claim claim(DispatchQueue.Claimed c) {
        List<URI> media = c.mediaUrls().stream().map(URI::create).toList();
        OutboundText text = new OutboundText(c.toPhone(), messagingServiceSid == null ? c.fromPhone() : null, messagingServiceSid, c.body(), media,
                statusCallback.get());
        return new Claim(c.practiceId(), c.messageId(), c.state() == DispatchState.CHECKING, c.attempts(), c.attemptStartedAt(), text);
    }

    private void attempt(Claim claim) {
        try {
            if (claim.check()) {
                check(claim);
            } else {
                send(claim);
            }
        } catch (RuntimeException e) {
            LOG.error("dispatch of message {} failed unexpectedly; it will be checked before any resend", claim.messageId(), e);
            meter.attempt("error");
            db.inTransaction(tx -> {
                queue.reschedule(tx, claim.messageId(), DispatchState.CHECKING, clock.instant().plus(CHECK_DELAY));
                return null;
            });
        } finally {
            wake();
        }
    }

    private void send(Claim claim) {
        CarrierReceipt receipt;
        try {
            receipt = carrier.send(claim.text());
        } catch (CarrierException e) {
            switch (e.kind()) {
                case REJECTED -> {
                    meter.attempt("rejected");
                    meter.carrierError(e.errorCode());
                    rejected(claim, e.errorCode());
                }
                case NOT_SENT -> {
                    meter.attempt("not_sent");
                    notSent(claim, e);
                }
                case UNCERTAIN -> {
                    meter.attempt("uncertain");
                    LOG.warn("carrier answer for message {} was lost ({}); checking before any resend", claim.messageId(), e.getMessage());
                    reschedule(claim, DispatchState.CHECKING, clock.instant().plus(CHECK_DELAY));
                }
            }
            return;
        }
        meter.attempt("handed");
        handed(claim, receipt);
    }

    private void check(Claim claim) {
        Instant since = claim.attemptStartedAt() == null ? clock.instant().minus(Duration.ofHours(1)) : claim.attemptStartedAt();
        Optional<CarrierReceipt> found;
        try {
            found = carrier.findSent(claim.text(), since);
        } catch (CarrierException e) {
            meter.attempt("check_failed");
            if (clock.instant().isAfter(since.plus(GIVE_UP_CHECKING_AFTER))) {
                attention(claim, "The carrier did not confirm whether this message was sent, and could not be asked. "
                        + "It may have reached the patient: check before sending it again.");
            } else {
                reschedule(claim, DispatchState.CHECKING, clock.instant().plus(CHECK_DELAY.multipliedBy(2)));
            }
            return;
        }
        meter.attempt(found.isPresent() ? "found" : "not_found");
        if (found.isPresent()) {
            LOG.info("message {} was accepted by the carrier after all; not sending it again", claim.messageId());
            handed(claim, found.get());
        } else if (claim.attempts() >= MAX_ATTEMPTS) {
            attention(claim, "The carrier did not accept this message after " + claim.attempts() + " attempts. It was not sent.");
        } else {
            reschedule(claim, DispatchState.PENDING, clock.instant());
        }
    }

    private void notSent(Claim claim, CarrierException e) {
        if (claim.attempts() >= MAX_ATTEMPTS) {
            finish(claim, DispatchState.REJECTED, DeliveryStatus.FAILED, null,
                    "The carrier could not be reached after " + claim.attempts() + " attempts. The message was not sent; send it again.");
            return;
        }
        long seconds = Math.min(300, 1L << Math.min(claim.attempts(), 8));
        LOG.info("message {} not sent ({}); next attempt in {} s", claim.messageId(), e.getMessage(), seconds);
        reschedule(claim, DispatchState.PENDING, clock.instant().plusSeconds(seconds));
    }

    private void rejected(Claim claim, Integer code) {
        finish(claim, DispatchState.REJECTED, DeliveryStatus.FAILED, code, CarrierErrors.explain(code));
    }

    private void attention(Claim claim, String reason) {
        LOG.warn("message {} needs a person: {}", claim.messageId(), reason);
        finish(claim, DispatchState.ATTENTION, DeliveryStatus.FAILED, null, reason);
    }

    private void finish(Claim claim, DispatchState state, DeliveryStatus status, Integer code, String explanation) {
        db.inTransaction(tx -> {
            feed.lock(tx, claim.practiceId());
            queue.finish(tx, claim.messageId(), state, explanation);
            MessageView message = messages.byId(tx, claim.practiceId(), claim.messageId()).orElseThrow();
            statuses.settle(tx, claim.practiceId(), message, status, code, explanation);
            return null;
        });
    }

    private void handed(Claim claim, CarrierReceipt receipt) {
        db.inTransaction(tx -> {
            feed.lock(tx, claim.practiceId());
            queue.handed(tx, claim.messageId(), receipt.sid(), clock.instant());
            MessageView message = messages.byId(tx, claim.practiceId(), claim.messageId()).orElseThrow();
            Optional<DeliveryStatus> initial = DeliveryStatus.fromWire(receipt.status());
            if (initial.isPresent() && DeliveryStatus.fromWire(message.status()).map(s -> s.canMoveTo(initial.get())).orElse(false)) {
                statuses.settle(tx, claim.practiceId(), message, initial.get(), null, null);
            } else {
                feed.append(tx, claim.practiceId(), org.practicetext.protocol.EventTypes.MESSAGE, message.id(), message);
            }
            statuses.applyEarlyReports(tx, claim.practiceId(), receipt.sid());
            return null;
        });
    }

    private void reschedule(Claim claim, DispatchState state, Instant at) {
        db.inTransaction(tx -> {
            queue.reschedule(tx, claim.messageId(), state, at);
            return null;
        });
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(20));
    }

    /**
     * Stops the loop, then lets the attempts in flight finish, within {@code bound} in all. The
     * loop is stopped first: it finishes the claim it is in (a claim's transaction and its start
     * are one step) and claims nothing more, and only then are attempts refused, so no claimed
     * message is left unstarted (that order once threw {@link RejectedExecutionException} at
     * every stop during a round). Nothing is interrupted: a thread interrupted inside the
     * database's file I/O can take the database down with it. An attempt still running at the
     * bound keeps its claim ({@code handing}), which the next start looks up with the carrier
     * before any resend.
     */
    public void close(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        running = false;
        alarm.wake();
        try {
            if (loop != null) {
                loop.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            calls.shutdown();
            if (!calls.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("hand-offs to the carrier were still running when the stop's time was up; they are checked at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
