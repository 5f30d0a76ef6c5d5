// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.Practices.PracticeNumber;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.WebhookReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for inbound texts (ADR 0020): the webhooks that arrive while a transaction commits
 * are applied together in the next one, each recorded in the journal as applied in that same
 * transaction, and each request is answered only once that transaction has committed. One
 * commit, and one hold of each practice's feed lock, serves many texts instead of two commits and
 * one hold per text. Nothing waits on purpose: a lone webhook is a batch of one, and batches grow
 * only as fast as texts arrive while the previous one commits.
 *
 * <p>Texts go to one of {@link #LANES} lanes by the number they were sent to, so a practice's
 * texts (on one number) are applied in the order they arrived, and lanes work side by side for
 * other numbers. Within a batch the texts are applied in order of practice, so a batch takes its
 * practices' feed locks in ascending order, as every other batch does: two lanes never deadlock.
 *
 * <p>When a batch's transaction fails for any reason (a bug in one text, a database error, a SID
 * another node recorded at the same moment), nothing of it was committed and each of its texts
 * takes the path of one text alone ({@code alone}): journalled first in a transaction of its
 * own, then applied, and retried later if applying fails. So a text that breaks a batch delays
 * the others by one attempt and loses nothing.
 */
final class InboundBatches implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboundBatches.class);
    static final int LANES = 8;
    /** The most texts in one transaction: a bound on how long one holds its practices' feed locks. */
    static final int MAX_BATCH = 256;

    /** One text waiting for its batch: answered with its outcome once the batch has committed. */
    private record Pending(InboundSms sms, Map<String, List<String>> form, Instant receivedAt,
                           CompletableFuture<Optional<InboundMessages.Outcome>> done) {
    }

    private final Database db;
    private final InboundMessages inbound;
    private final WebhookReceipts receipts;
    private final Clock clock;
    private final BiFunction<InboundSms, Map<String, List<String>>, Optional<InboundMessages.Outcome>> alone;
    private final Consumer<Instant> applied;
    private final Practices practices = new Practices();
    private final org.practicetext.relay.store.Messages messages = new org.practicetext.relay.store.Messages();
    private final List<Lane> lanes = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param alone   the path of one text by itself (journal, then apply), for a batch that failed
     * @param applied told each applied text's time of arrival after its commit (the journal's purge)
     */
    InboundBatches(Database db, InboundMessages inbound, WebhookReceipts receipts, Clock clock,
                   BiFunction<InboundSms, Map<String, List<String>>, Optional<InboundMessages.Outcome>> alone, Consumer<Instant> applied) {
        this.db = db;
        this.inbound = inbound;
        this.receipts = receipts;
        this.clock = clock;
        this.alone = alone;
        this.applied = applied;
        for (int i = 0; i < LANES; i++) {
            lanes.add(new Lane(i));
        }
    }

    /** Applies the text in the next batch of its lane; returns once that batch has committed (empty: recorded, not applied yet). */
    Optional<InboundMessages.Outcome> submit(InboundSms sms, Map<String, List<String>> form) {
        Pending pending = new Pending(sms, form, clock.instant(), new CompletableFuture<>());
        if (!running) {
            return alone.apply(sms, form);
        }
        Lane lane = lanes.get(Math.floorMod(sms.to().hashCode(), LANES));
        lane.queue.add(pending);
        while (true) {
            try {
                return pending.done.get(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (!lane.thread.isAlive() && lane.queue.remove(pending)) {
                    return alone.apply(sms, form); // added just as the lane stopped
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the text's batch committed", e);
            }
        }
    }

    /** Applies {@code forms} as one batch on the caller's thread, in order, and answers each one's outcome (tests: what one batch does). */
    List<Optional<InboundMessages.Outcome>> applyTogether(List<Map<String, List<String>>> forms) {
        List<Pending> batch = new ArrayList<>();
        for (Map<String, List<String>> form : forms) {
            batch.add(new Pending(InboundSms.from(form), form, clock.instant(), new CompletableFuture<>()));
        }
        apply(batch);
        return batch.stream().map(p -> p.done().join()).toList();
    }

    /** The largest batch applied so far (tests and the benchmark read it). */
    int largestBatch() {
        return lanes.stream().mapToInt(l -> l.largest).max().orElse(0);
    }

    private final class Lane {
        final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        final Thread thread;
        volatile int largest;

        Lane(int index) {
            thread = Thread.ofVirtual().name("inbound-lane-" + index).start(this::run);
        }

        private void run() {
            List<Pending> batch = new ArrayList<>(MAX_BATCH);
            while (running || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    largest = Math.max(largest, batch.size());
                    apply(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    batch.clear();
                }
            }
            // Stopped: whatever still waits takes the path of one text alone.
            for (Pending left; (left = queue.poll()) != null; ) {
                alone(left);
            }
        }
    }

    /** One transaction for the whole batch; on any failure, each text alone. */
    private void apply(List<Pending> batch) {
        Map<Pending, InboundMessages.Outcome> outcomes = new java.util.IdentityHashMap<>(); // a record's hash would hash its whole form
        List<Pending> later = new ArrayList<>();
        try {
            db.inTransaction(tx -> {
                Instant now = clock.instant();
                List<String> sids = batch.stream().map(p -> p.sms().sid()).toList();
                Set<String> recorded = new HashSet<>(receipts.recordedSids(tx, sids));
                recorded.addAll(messages.existingSids(tx, sids)); // a text whose receipt was forgotten after days
                Set<String> seen = new HashSet<>();
                List<Pending> ordered = new ArrayList<>();
                for (Pending p : batch) {
                    if (recorded.contains(p.sms().sid())) {
                        outcomes.put(p, InboundMessages.Outcome.DUPLICATE); // Twilio's retry of a text recorded before
                    } else if (!seen.add(p.sms().sid())) {
                        later.add(p); // the same SID twice in one batch: the second is answered after the first commits
                    } else {
                        ordered.add(p);
                    }
                }
                Map<String, Optional<PracticeNumber>> owners = ownersOf(tx, ordered);
                // Ascending practice order (stable: arrival order within a practice), so batches take feed locks in one order.
                ordered.sort(Comparator.comparingLong(p -> owners.get(p.sms().to()).map(PracticeNumber::practiceId).orElse(0L)));
                if (!db.isH2()) {
                    // Where each statement is a round trip, two queries per number beat two per text; on H2 a
                    // statement is a call in the JVM, and the IN lists cost more than they save (docs/BENCHMARKS.md).
                    readAhead(tx, ordered, owners);
                }
                for (Pending p : ordered) {
                    receipts.recordApplied(tx, WebhookReceipts.SMS, p.sms().sid(), p.form(), p.receivedAt(), now);
                    outcomes.put(p, inbound.storeChecked(tx, p.sms(), p.form(), p.receivedAt(), owners.get(p.sms().to())));
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("a batch of {} inbound text(s) failed ({}); applying each alone", batch.size(), WebhookIntake.describe(e));
            batch.forEach(this::alone);
            return;
        }
        for (Pending p : batch) {
            InboundMessages.Outcome outcome = outcomes.get(p);
            if (outcome != null) {
                if (outcome != InboundMessages.Outcome.DUPLICATE) {
                    applied.accept(p.receivedAt());
                }
                p.done().complete(Optional.of(outcome));
            }
        }
        later.forEach(this::alone);
    }

    /**
     * The contacts and conversations of the batch's texts, two queries per number, each under its
     * practice's feed lock (taken here in ascending order, as applying would).
     */
    private void readAhead(Tx tx, List<Pending> ordered, Map<String, Optional<PracticeNumber>> owners) throws SQLException {
        Map<PracticeNumber, List<String>> phones = new java.util.LinkedHashMap<>();
        for (Pending p : ordered) {
            owners.get(p.sms().to()).filter(n -> p.sms().repliable()).ifPresent(n -> phones.computeIfAbsent(n, k -> new ArrayList<>()).add(p.sms().from()));
        }
        for (Map.Entry<PracticeNumber, List<String>> e : phones.entrySet()) {
            inbound.readAhead(tx, e.getKey(), e.getValue());
        }
    }

    /** Each distinct number's practice number (empty for one no practice has: such texts are kept unrouted, under no lock). */
    private Map<String, Optional<PracticeNumber>> ownersOf(Tx tx, List<Pending> batch) throws SQLException {
        Map<String, Optional<PracticeNumber>> owners = new HashMap<>();
        for (Pending p : batch) {
            String to = p.sms().to();
            if (!owners.containsKey(to)) {
                owners.put(to, practices.number(tx, to));
            }
        }
        return owners;
    }

    private void alone(Pending p) {
        try {
            p.done().complete(alone.apply(p.sms(), p.form()));
        } catch (RuntimeException e) {
            p.done().completeExceptionally(e);
        }
    }

    /** Applies what waits, then stops the lanes; texts that arrive after this go alone. */
    @Override
    public void close() {
        running = false;
        for (Lane lane : lanes) {
            try {
                lane.thread.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
