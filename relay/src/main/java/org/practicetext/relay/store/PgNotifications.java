// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wake-up across relay nodes that share one PostgreSQL database ({@code LISTEN/NOTIFY}).
 *
 * <p>Sending: a writing transaction calls {@code pg_notify} on its own connection
 * ({@link #feedChanged}, {@link #dispatchDue}), so PostgreSQL delivers it only at the commit and
 * never for a rollback; once per channel and practice per transaction. Channel {@value #FEED}
 * carries {@code "<practice id> <node>"}, channel {@value #DISPATCH} {@code "<node>"}, channel
 * {@value #SESSION} {@code "<token hash> <node>"} (a revoked session: the SHA-256 the database
 * keeps, never the token), where
 * node is this process's random tag: a node ignores its own notices (it woke its own waiters
 * after the commit already).
 *
 * <p>Listening: one dedicated autocommit connection, not from the pool, {@code LISTEN}s on the
 * three channels and a thread of its own waits on {@link PGConnection#getNotifications(int)}. When the
 * connection fails it reconnects with a backoff (0.1 s doubling to 5 s). Notices sent while it was
 * disconnected are lost, so after every connect it calls {@code reread}, which wakes every parked
 * poll and the dispatcher once: each reads again what it would have been told. After
 * {@link #IDLE_CHECK} without a notice it checks the connection ({@link Connection#isValid}), so
 * a connection that died silently is found. Its state is the readiness check {@code listener}.
 *
 * <p>Not through a pooler in transaction mode (PgBouncer): a {@code LISTEN} needs its own session.
 */
public final class PgNotifications implements CrossNodeWakes, AutoCloseable {
    public static final String FEED = "pt_feed";
    public static final String DISPATCH = "pt_dispatch";
    public static final String SESSION = "pt_session";
    static final Duration IDLE_CHECK = Duration.ofSeconds(30);
    private static final int WAIT_MS = 10_000;
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);

    private final String url;
    private final String user;
    private final String password;
    private final String node = HexFormat.of().formatHex(randomBytes());
    private final Object connectionLock = new Object();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile int backendPid;
    private Connection connection;
    private Thread thread;
    private LongConsumer feedChanged = id -> { };
    private Runnable dispatchDue = () -> { };
    private java.util.function.Consumer<String> sessionEnded = hash -> { };
    private Runnable reread = () -> { };

    public PgNotifications(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @Override
    public void feedChanged(Tx tx, long practiceId) throws SQLException {
        if (tx.firstTime(FEED + practiceId)) {
            notify(tx, FEED, practiceId + " " + node);
        }
    }

    @Override
    public void dispatchDue(Tx tx) throws SQLException {
        if (tx.firstTime(DISPATCH)) {
            notify(tx, DISPATCH, node);
        }
    }

    @Override
    public void sessionEnded(Tx tx, String tokenHash) throws SQLException {
        if (tx.firstTime(SESSION + tokenHash)) {
            notify(tx, SESSION, tokenHash + " " + node);
        }
    }

    private static void notify(Tx tx, String channel, String payload) throws SQLException {
        tx.query("SELECT pg_notify(?, ?)", rs -> 1, channel, payload);
    }

    /**
     * Starts listening: other nodes' feed notices run {@code feedChanged} with the practice id,
     * dispatch notices run {@code dispatchDue}, session notices run {@code sessionEnded} with the
     * token hash, and every (re)connect runs {@code reread} (which must also end the parked polls
     * of sessions revoked meanwhile: waking them all does, as each checks its token). All must
     * return quickly. Returns once the first connect was tried (it may have failed:
     * then it keeps trying, and {@link #problem} says so).
     */
    public void start(LongConsumer feedChanged, Runnable dispatchDue, java.util.function.Consumer<String> sessionEnded, Runnable reread) {
        this.feedChanged = feedChanged;
        this.dispatchDue = dispatchDue;
        this.sessionEnded = sessionEnded;
        this.reread = reread;
        running = true;
        boolean first = connect();
        thread = Thread.ofVirtual().name("pg-listener").start(() -> run(first));
    }

    /** Empty while listening; otherwise why not, for {@code /ready}. */
    public Optional<String> problem() {
        return connected ? Optional.empty() : Optional.of("not listening for other relay nodes' changes (reconnecting to the database)");
    }

    /** The server process of the listening connection, 0 when not connected (tests end it with {@code pg_terminate_backend}). */
    public int backendPid() {
        return connected ? backendPid : 0;
    }

    private void run(boolean connectedAtStart) {
        boolean ok = connectedAtStart;
        long backoff = FIRST_BACKOFF_MS;
        long quietSince = System.nanoTime();
        while (running) {
            if (!ok) {
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                ok = running && connect();
                quietSince = System.nanoTime();
                continue;
            }
            try {
                PGNotification[] notices = connection().unwrap(PGConnection.class).getNotifications(WAIT_MS);
                if (notices != null && notices.length > 0) {
                    quietSince = System.nanoTime();
                    for (PGNotification notice : notices) {
                        deliver(notice.getName(), notice.getParameter());
                    }
                } else if (System.nanoTime() - quietSince > IDLE_CHECK.toNanos()) {
                    if (!connection().isValid(5)) {
                        throw new SQLException("the listening connection did not answer", "08006");
                    }
                    quietSince = System.nanoTime();
                }
                backoff = FIRST_BACKOFF_MS;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                connected = false;
                ok = false;
                String why = e instanceof SQLException sql ? SqlFailure.of(sql).toString() : e.getClass().getSimpleName();
                LOG.warn("the LISTEN connection failed ({}); reconnecting", why);
                closeConnection();
            }
        }
    }

    /** Delivers one notice; a malformed one (not ours) is ignored. */
    void deliver(String channel, String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ");
        if (channel.equals(FEED) && parts.length == 2 && !parts[1].equals(node)) {
            try {
                feedChanged.accept(Long.parseLong(parts[0]));
            } catch (NumberFormatException e) {
                LOG.warn("ignored a malformed notice on {}", FEED);
            }
        } else if (channel.equals(DISPATCH) && parts.length == 1 && !parts[0].equals(node)) {
            dispatchDue.run();
        } else if (channel.equals(SESSION) && parts.length == 2 && !parts[1].equals(node) && parts[0].matches("[0-9a-f]{64}")) {
            sessionEnded.accept(parts[0]);
        }
    }

    /** Opens the connection and listens; on success runs the re-read. */
    private boolean connect() {
        Connection opened = null;
        try {
            Properties props = new Properties();
            if (user != null) {
                props.setProperty("user", user);
            }
            if (password != null) {
                props.setProperty("password", password);
            }
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("ApplicationName", "practicetext-listener");
            opened = DriverManager.getConnection(url, props);
            opened.setAutoCommit(true);
            try (Statement statement = opened.createStatement()) {
                statement.execute("LISTEN " + FEED);
                statement.execute("LISTEN " + DISPATCH);
                statement.execute("LISTEN " + SESSION);
            }
            int pid = opened.unwrap(PGConnection.class).getBackendPID();
            synchronized (connectionLock) {
                if (!running) {
                    opened.close();
                    return false;
                }
                connection = opened;
            }
            backendPid = pid;
            connected = true;
            LOG.info("listening for other relay nodes' changes");
        } catch (SQLException e) {
            LOG.warn("could not LISTEN on the database ({}); trying again", SqlFailure.of(e));
            if (opened != null) {
                try {
                    opened.close();
                } catch (SQLException ignored) {
                    // it failed already
                }
            }
            return false;
        }
        // Whatever was sent while no connection listened is lost: everyone reads again once.
        reread.run();
        return true;
    }

    private Connection connection() throws SQLException {
        synchronized (connectionLock) {
            if (connection == null) {
                throw new SQLException("not connected", "08003");
            }
            return connection;
        }
    }

    private void closeConnection() {
        Connection old;
        synchronized (connectionLock) {
            old = connection;
            connection = null;
        }
        if (old != null) {
            try {
                old.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening: closing the connection ends the thread's wait. */
    @Override
    public void close() {
        running = false;
        connected = false;
        closeConnection();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
