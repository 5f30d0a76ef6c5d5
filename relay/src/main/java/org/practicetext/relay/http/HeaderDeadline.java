// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that takes longer than the header timeout to send a request's headers
 * (slowloris: thousands of connections, each trickling a byte now and then so the idle timeout
 * never fires). Jetty 12 has no such timeout of its own: its minimum data rate covers request
 * bodies only, and its idle timeout restarts with every byte.
 *
 * <p>Once a second it looks at each HTTP/1 connection's parser. A connection that has sent bytes
 * of a request whose headers are still incomplete is timed from the last moment it was seen
 * quiet (or from its opening, for its first request), and closed after the timeout. A connection
 * that sends nothing is an idle keep-alive: the idle timeout's business. A request being handled
 * (a parked long-poll, a body upload) is never touched.
 *
 * <p>It reads Jetty's {@code internal} {@link HttpConnection} and its parser's state, which is
 * volatile, so a look from this thread is safe; if Jetty changes it, only this class changes.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final long timeoutNanos;
    private final long sweepMillis;
    private final Map<HttpConnection, Watch> open = new ConcurrentHashMap<>();
    private final AtomicLong closed = new AtomicLong();
    private ScheduledExecutorService sweeper;

    /** What the sweeper last saw of one connection; touched by the sweeper thread only after creation. */
    private static final class Watch {
        boolean waiting = true;
        long requests;
        long bytes;
        long quietSince;

        Watch(long openedAt) {
            this.quietSince = openedAt;
        }
    }

    HeaderDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.sweepMillis = Math.clamp(timeout.toMillis() / 4, 100, 1000);
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.put(http, new Watch(System.nanoTime()));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    /** Connections closed for slow headers since start, for tests and metrics. */
    long closedCount() {
        return closed.get();
    }

    @Override
    protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("header-deadline").factory());
        sweeper.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
        open.clear();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            int count = 0;
            for (Map.Entry<HttpConnection, Watch> entry : open.entrySet()) {
                if (overdue(entry.getKey(), entry.getValue(), now)) {
                    entry.getKey().getEndPoint().close();
                    count++;
                }
            }
            if (count > 0) {
                closed.addAndGet(count);
                LOG.debug("closed {} connection(s) that took longer than {} ms to send their request headers", count, timeoutNanos / 1_000_000);
            }
        } catch (RuntimeException e) {
            LOG.warn("header deadline sweep failed; trying again", e);
        }
    }

    private boolean overdue(HttpConnection connection, Watch watch, long now) {
        HttpParser parser = connection.getParser();
        long requests = connection.getMessagesIn(); // counts requests whose headers were complete
        long bytes = connection.getBytesIn();
        if (!parser.inHeaderState()) { // START and the header states all come before CONTENT
            watch.waiting = false;
            return false;
        }
        if (!watch.waiting || requests != watch.requests) { // a new wait for the next request begins
            watch.waiting = true;
            watch.requests = requests;
            watch.bytes = bytes;
            watch.quietSince = now;
            return false;
        }
        if (bytes == watch.bytes) {
            watch.quietSince = now;
            return false;
        }
        return now - watch.quietSince > timeoutNanos;
    }
}
