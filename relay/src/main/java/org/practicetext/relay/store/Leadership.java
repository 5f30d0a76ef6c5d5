// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which relay node runs the leader-only jobs (sweeps such as the purge of old webhook receipts,
 * and later the closing rules and scheduled sends): on PostgreSQL the one node that holds a
 * session-level {@code pg_try_advisory_lock} on a dedicated connection; on H2 (one process) the
 * node is always the leader. See ADR 0017.
 *
 * <p>Every {@link #CHECK} a node that does not lead tries to take the lock, and the leader checks
 * that its connection still works. When the leader dies its connection drops and PostgreSQL
 * releases the lock, so another node leads within {@link #CHECK} of that (plus reconnecting).
 * A leader that loses its connection stops leading at its next check; for that moment two nodes
 * may both believe they lead, so a leader-only job must stay correct if run twice at once
 * (each does its work in transactions that would be right twice; leadership only saves the
 * duplicated work).
 */
public final class Leadership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    /** How often a node tries to take the lead, and the leader checks it still holds it. */
    public static final Duration CHECK = Duration.ofSeconds(2);
    /** The advisory lock's key: the ASCII of "ptleader" (unique among the relay's advisory locks). */
    static final long LOCK_KEY = 0x70746c6561646572L;

    private final String url;
    private final Properties props = new Properties();
    private final String nodeId;
    private final Duration check;
    private volatile boolean leader;
    private volatile boolean running;
    private Connection connection;
    private Thread thread;

    private Leadership(String url, String user, String password, String nodeId, Duration check, boolean always) {
        this.url = url;
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        this.nodeId = nodeId;
        this.check = check;
        this.leader = always;
    }

    /** A node alone on its database (H2): always the leader. */
    public static Leadership always(String nodeId) {
        return new Leadership(null, null, null, nodeId, CHECK, true);
    }

    /** A node on a PostgreSQL database other nodes may share; {@link #start} it. */
    public static Leadership onPostgres(String url, String user, String password, String nodeId) {
        return onPostgres(url, user, password, nodeId, CHECK);
    }

    static Leadership onPostgres(String url, String user, String password, String nodeId, Duration check) {
        return new Leadership(url, user, password, nodeId, check, false);
    }

    /** Takes the lead at once if no one holds it, then keeps checking in the background. */
    public synchronized Leadership start() {
        if (url == null || running) {
            return this;
        }
        running = true;
        round();
        thread = Thread.ofVirtual().name("leadership").start(this::run);
        return this;
    }

    /** Whether this node runs the leader-only jobs now. */
    public boolean isLeader() {
        return leader;
    }

    /** The server process of the lock's connection, 0 without one (tests end it with {@code pg_terminate_backend}). */
    public synchronized int backendPid() {
        if (connection == null) {
            return 0;
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(check);
            } catch (InterruptedException e) {
                return;
            }
            round();
        }
    }

    /** One check: keep or take the lead, or give it up when the connection is gone. */
    synchronized void round() {
        if (!running) {
            return;
        }
        boolean now;
        try {
            boolean sameSession = connection != null && connection.isValid(1);
            boolean lostTheLead = false;
            if (!sameSession) {
                if (leader) {
                    LOG.warn("the leadership connection was lost; reconnecting");
                    changeTo(false); // the lock went with the session
                    lostTheLead = true;
                }
                closeConnection();
                connection = DriverManager.getConnection(url, props);
                connection.setAutoCommit(true);
            }
            if (leader) {
                now = true; // a valid session still holds its session-level lock
            } else if (lostTheLead) {
                // A node whose session just ended does not grab the lock back in the same round:
                // the other nodes get one check to take over, so the lead goes to a node with a
                // working session rather than flapping back to the one whose connection failed.
                now = false;
            } else {
                try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    s.setLong(1, LOCK_KEY);
                    try (ResultSet rs = s.executeQuery()) {
                        now = rs.next() && rs.getBoolean(1);
                    }
                }
            }
        } catch (SQLException e) {
            if (leader) {
                LOG.warn("the leadership connection failed ({}); reconnecting", SqlFailure.of(e));
            }
            closeConnection();
            now = false;
        }
        changeTo(now);
    }

    private void changeTo(boolean now) {
        if (now != leader) {
            leader = now;
            LOG.info(now ? "node {} now runs the leader-only jobs" : "node {} no longer runs the leader-only jobs", nodeId);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the connection is gone already
            }
            connection = null;
        }
    }

    /** Gives up the lead (closing the connection releases the lock at once). */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (url == null || !running) {
                return;
            }
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closeConnection();
            changeTo(false);
        }
    }
}
