// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.practicetext.core.MediaProblem;
import org.practicetext.relay.background.Alarm;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.MessageMedia;
import org.practicetext.relay.store.MessageMedia.Due;
import org.practicetext.relay.store.MessageMedia.Kept;
import org.practicetext.relay.store.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the files of inbound MMS from the carrier in the background, after their texts were
 * stored and acknowledged: a text is never held up, or lost, because of its media (ADR 0022).
 *
 * <p>A file is claimed with a lease before it is downloaded, so several relay nodes share the
 * work and one that dies mid-download leaves the file due again when its lease runs out. A
 * download that may succeed later (404 while Twilio's copy lags the webhook, 5xx, the network) is
 * tried again after {@link #BACKOFF}; after the last step the file is {@code unavailable} and
 * staff can ask for another try. Each outcome appends the message to the change feed, so the
 * desks see "downloading", the photo, or what went wrong.
 *
 * <p>Like the dispatcher it does not poll: a round runs at start, when an inbound text with
 * media commits ({@link #wake}), when a download ends, and at the earliest due time (a retry or a
 * lease); on a shared database also every {@link Alarm#OTHER_NODES}.
 */
public final class MediaFetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaFetcher.class);
    /** The waits between one try and the next; the file is given up after the last (about 34 minutes in all). */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15));
    /** How long a claimed download may take before another node may take the file over. */
    static final Duration LEASE = Duration.ofMinutes(3);
    /** Downloads at once on one node. */
    static final int PARALLEL = 4;
    private static final int ROUND_LIMIT = 32;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final Database db;
    private final PracticeWrites writes;
    private final MediaDownload download;
    private final MediaSettings settings;
    private final Clock clock;
    private final String nodeId;
    private final boolean sharedDatabase;
    private final MessageMedia media = new MessageMedia();
    private final Alarm alarm;
    private final Semaphore slots = new Semaphore(PARALLEL);
    private final ExecutorService downloads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile MediaMeter meter = MediaMeter.NONE;
    private volatile boolean running;
    private Thread loop;

    MediaFetcher(Database db, PracticeWrites writes, MediaDownload download, MediaSettings settings, Clock clock, String nodeId,
                 boolean sharedDatabase) {
        this.db = db;
        this.writes = writes;
        this.download = download;
        this.settings = settings;
        this.clock = clock;
        this.nodeId = nodeId;
        this.sharedDatabase = sharedDatabase;
        this.alarm = new Alarm(clock);
    }

    /** Where outcomes are counted and the waiting files read (the relay's metrics); set before {@link #start()}. */
    public void meter(MediaMeter meter) {
        this.meter = meter;
        meter.pending(() -> db.read(media::pendingCount));
    }

    public void start() {
        running = true;
        loop = Thread.ofVirtual().name("media-fetcher").start(this::run);
    }

    /** Runs a round soon: an inbound text with media committed, or staff asked for another try. */
    public void wake() {
        alarm.wake();
    }

    /** Downloads running now (for tests and the metrics). */
    public int inFlight() {
        return inFlight.get();
    }

    private void run() {
        while (running) {
            try {
                round();
                Optional<Instant> due = inFlight.get() >= PARALLEL ? Optional.empty() : db.read(media::nextDue);
                alarm.await(alarm.lookingOut(due, sharedDatabase));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("media round failed; retrying", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims what is due, as many as there are free download slots, and starts each. */
    private void round() throws InterruptedException {
        int free = slots.availablePermits();
        if (free == 0) {
            return; // a download that ends wakes the loop
        }
        List<Due> claimed = db.inTransaction(tx -> {
            Instant now = clock.instant();
            List<Due> mine = new ArrayList<>();
            for (Due due : media.due(tx, now, Math.min(free, ROUND_LIMIT))) {
                if (media.claim(tx, due.key(), now, now.plus(LEASE), nodeId)) {
                    mine.add(due);
                }
            }
            return mine;
        });
        for (Due due : claimed) {
            slots.acquire();
            inFlight.incrementAndGet();
            try {
                downloads.submit(() -> {
                    try {
                        fetch(due);
                    } finally {
                        inFlight.decrementAndGet();
                        slots.release();
                        wake();
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.decrementAndGet();
                slots.release();
                return; // stopping: the claim's lease runs out and the file is due again, here at the next start or on another node
            }
        }
    }

    private void fetch(Due due) {
        MediaDownload.Outcome outcome = download.fetch(due.url(), due.messageSid());
        Instant now = clock.instant();
        try {
            switch (outcome) {
                case MediaDownload.Fetched fetched -> meter.fetched(keep(due, fetched, now));
                case MediaDownload.TryAgain again -> {
                    int tries = due.attempts() + 1; // this one included
                    if (tries > BACKOFF.size()) {
                        giveUp(due, again.notFound() ? MediaProblem.NOT_FOUND : MediaProblem.FAILED, again.reason(), tries);
                    } else {
                        Instant at = now.plus(BACKOFF.get(tries - 1));
                        db.inTransaction(tx -> media.retryAt(tx, due.key(), at));
                        meter.fetched("retry");
                        LOG.info("media {} of message {}: {}; trying again in {} s (try {} of {})", due.key().position(), due.key().messageId(),
                                again.reason(), BACKOFF.get(tries - 1).toSeconds(), tries + 1, BACKOFF.size() + 1);
                    }
                }
                case MediaDownload.GiveUp up -> giveUp(due, up.problem(), up.reason(), due.attempts() + 1);
            }
        } catch (RuntimeException e) {
            // The claim's lease runs out and the file is due again.
            LOG.error("media of message {}: could not record the download's outcome", due.key().messageId(), e);
        }
    }

    /** Keeps a downloaded file, or gives it up when its bytes are not its type; returns the outcome's word. */
    private String keep(Due due, MediaDownload.Fetched fetched, Instant now) {
        String declared = fetched.contentType() != null ? fetched.contentType() : due.contentType();
        Optional<String> type = MediaTypes.confirmed(declared, fetched.content());
        if (type.isEmpty()) {
            giveUp(due, MediaProblem.TYPE_MISMATCH, "declared " + MediaTypes.normal(declared) + ", the bytes show "
                    + MediaTypes.sniff(fetched.content()).orElse("nothing known"), due.attempts() + 1);
            return MediaProblem.TYPE_MISMATCH.wire();
        }
        Optional<Previews.Preview> preview = type.get().startsWith("image/") ? Previews.of(fetched.content()) : Optional.empty();
        Kept kept = new Kept(type.get(), MediaTypes.fileName(type.get(), DAY.format(now), due.key().position()), fetched.content(),
                sha256(fetched.content()), preview.map(Previews.Preview::width).orElse(null), preview.map(Previews.Preview::height).orElse(null),
                preview.map(Previews.Preview::jpeg).orElse(null));
        boolean stored = writes.run(due.key().practiceId(), tx -> changed(tx, due, media.kept(tx, due.key(), kept)));
        LOG.info("media {} of message {}: kept ({} bytes, {}){}", due.key().position(), due.key().messageId(), kept.content().length, kept.contentType(),
                stored ? "" : "; already settled elsewhere, dropped");
        if (stored && settings.deleteAtCarrier()) {
            if (download.deleteAtCarrier(due.url(), due.messageSid())) {
                db.inTransaction(tx -> {
                    media.carrierDeleted(tx, due.key());
                    return null;
                });
            } else {
                LOG.warn("media {} of message {}: the carrier's copy could not be deleted", due.key().position(), due.key().messageId());
            }
        }
        return "kept";
    }

    private void giveUp(Due due, MediaProblem problem, String reason, int tries) {
        if (problem != MediaProblem.TYPE_MISMATCH) {
            meter.fetched(problem.wire()); // a mismatch is counted by keep()
        }
        writes.run(due.key().practiceId(), tx -> changed(tx, due, media.unavailable(tx, due.key(), problem)));
        LOG.warn("media {} of message {}: unavailable ({}: {}) after {} tr{}", due.key().position(), due.key().messageId(), problem.wire(), reason,
                tries, tries == 1 ? "y" : "ies");
    }

    private boolean changed(Tx tx, Due due, boolean changed) throws java.sql.SQLException {
        if (changed) {
            writes.events().messageChanged(tx, due.key().practiceId(), due.key().messageId());
        }
        return changed;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Stops the loop and waits up to {@code bound} for downloads in flight; one that has not ended
     * by then is due again after its lease. Nothing is interrupted: an interrupt inside H2's file
     * I/O closes the database.
     */
    public void close(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        running = false;
        alarm.wake();
        downloads.shutdown();
        try {
            if (loop != null) {
                loop.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            if (!downloads.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("{} media download(s) still running as the relay stops; each is due again after its lease", inFlight.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
