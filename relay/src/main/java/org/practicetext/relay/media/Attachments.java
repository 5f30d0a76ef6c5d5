// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.MessageMedia;

/**
 * Attachments on the relay (ADR 0022): the background {@link MediaFetcher} that keeps a copy of
 * every inbound MMS file, and what the desks' {@link MediaRoutes} read and ask for. Every read is
 * within the caller's practice: another practice's file is not found, exactly like one that does
 * not exist.
 */
public final class Attachments implements AutoCloseable {
    private final Database db;
    private final PracticeWrites writes;
    private final Clock clock;
    private final MediaFetcher fetcher;
    private final MessageMedia media = new MessageMedia();

    /**
     * @param apiBase    Twilio's API base, where inbound media lives (read when a file is fetched: the simulated carrier's is known once the relay listens)
     * @param accountSid the Twilio account whose media the relay fetches
     */
    public Attachments(Database db, ChangeFeed feed, Clock clock, MediaSettings settings, Supplier<URI> apiBase, Supplier<String> accountSid,
                       String authToken, String nodeId, boolean sharedDatabase) {
        this.db = db;
        this.writes = new PracticeWrites(db, feed);
        this.clock = clock;
        this.fetcher = new MediaFetcher(db, writes, new MediaDownload(apiBase, accountSid, authToken, settings.maxBytes()), settings, clock, nodeId,
                sharedDatabase);
    }

    /** Where the fetcher's outcomes are counted (the relay's metrics); before {@link #start()}. */
    public void meter(MediaMeter meter) {
        fetcher.meter(meter);
    }

    public void start() {
        fetcher.start();
    }

    /** Runs a fetch round soon; an inbound text with media wakes it after its commit. */
    public void wake() {
        fetcher.wake();
    }

    /** The desks' routes (sms.view): a file, its preview, another try. */
    public MediaRoutes routes() {
        return new MediaRoutes(this);
    }

    /** A kept file of a message of {@code practiceId}. */
    Optional<MessageMedia.File> file(long practiceId, long messageId, int position) {
        return db.read(tx -> media.file(tx, practiceId, messageId, position));
    }

    /** A kept photo's preview. */
    Optional<byte[]> preview(long practiceId, long messageId, int position) {
        return db.read(tx -> media.preview(tx, practiceId, messageId, position));
    }

    /**
     * Staff's "try again" for an unavailable file: pending again, due now, and the message in the
     * feed. Refuses (not found) a file that is not the practice's; a file that is pending or kept
     * already is left as it is.
     */
    void retry(long practiceId, long messageId, int position) {
        Optional<Boolean> changed = writes.run(practiceId, tx -> {
            Optional<Boolean> result = media.retry(tx, practiceId, messageId, position, clock.instant());
            if (result.orElse(false)) {
                writes.events().messageChanged(tx, practiceId, messageId);
            }
            return result;
        });
        if (changed.isEmpty()) {
            throw Refusal.notFound("file");
        }
        if (changed.get()) {
            fetcher.wake();
        }
    }

    /** Downloads running now. */
    public int downloadsInFlight() {
        return fetcher.inFlight();
    }

    public void close(Duration bound) {
        fetcher.close(bound);
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
