// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.util.DriverDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's JDBC storage: a pool, migrations on start, and transactions.
 *
 * <p>Runs on an embedded H2 file by default and on PostgreSQL when several relay nodes share
 * one database; the migrations are written in SQL both accept.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Flyway flyway;
    private final boolean h2;

    public Database(String url, String user, String password) {
        this(url, user, password, null);
    }

    /**
     * With the driver's connections passed through {@code connections} before the pool takes
     * them, or the pool's own driver access when it is {@code null}. Tests count the statements
     * the relay runs with it (an idle relay runs none).
     */
    public Database(String url, String user, String password, UnaryOperator<DataSource> connections) {
        this(url, user, password, connections, null);
    }

    /** With the pool's own meters (Hikari's {@code hikaricp_*}) in {@code meters}, when it is not {@code null}. */
    public Database(String url, String user, String password, UnaryOperator<DataSource> connections, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        this.h2 = url.startsWith("jdbc:h2:");
        String jdbcUrl = withoutH2ShutdownHook(url);
        Properties driver = new Properties();
        String options = postgresOptions(url);
        if (options != null) {
            driver.setProperty("options", options);
        }
        if (connections == null) {
            config.setJdbcUrl(jdbcUrl);
            config.setDataSourceProperties(driver);
        } else {
            config.setDataSource(connections.apply(new DriverDataSource(jdbcUrl, null, driver, null, null)));
        }
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(url.startsWith("jdbc:h2:") ? 8 : 16);
        config.setAutoCommit(false);
        config.setPoolName("relay-db");
        this.pool = new HikariDataSource(config);
        this.flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
        var result = flyway.migrate();
        LOG.info("database ready ({} migration(s) applied, schema {})", result.migrationsExecuted, result.targetSchemaVersion);
    }

    /**
     * The default H2 URL for a data folder. {@code WRITE_DELAY=0} makes each commit reach the
     * file before the relay answers a webhook (see docs/decisions/0002-storage.md).
     * {@code TRACE_LEVEL_FILE=0} stops H2 writing its own {@code practicetext.trace.db}, which
     * records failed statements with their values (a phone number too long for its column).
     * {@code DB_CLOSE_ON_EXIT=FALSE}: the relay closes the database itself, after its last
     * request; H2's own shutdown hook would force-close sessions under running transactions and
     * could commit half of one (that is how a feed counter once fell behind its events).
     * {@code retry:} is H2's file system that reopens the file when a thread is interrupted in
     * the middle of its I/O: with plain files, Java closes the channel for every thread on an
     * interrupt, H2 fails the write half-done and closes the whole database (seen at shutdown,
     * when stopping threads are interrupted; see DatabaseInterruptTest).
     */
    public static String h2Url(String folder) {
        return "jdbc:h2:retry:" + folder + "/practicetext;WRITE_DELAY=0;LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256";
    }

    /**
     * PostgreSQL waits for a row lock for ever by default; the relay waits as long as on H2
     * ({@code LOCK_TIMEOUT=10000} in {@link #h2Url}), so a held feed lock ends in a busy failure
     * (SQLState 55P03, {@link StorageException#isBusy()}) that the webhook journal retries soon,
     * not in a request that never returns. It is set for the session by the driver's
     * {@code options} property, outside any transaction; a URL with {@code options} of its own
     * ({@code ?options=-c%20lock_timeout=…}) keeps those, and then should set it itself.
     */
    static String postgresOptions(String url) {
        if (!url.startsWith("jdbc:postgresql:") || url.toLowerCase(java.util.Locale.ROOT).contains("options=")) {
            return null;
        }
        return "-c lock_timeout=10000";
    }

    /** An operator's own H2 URL gets {@code DB_CLOSE_ON_EXIT=FALSE} too, unless it says otherwise. */
    static String withoutH2ShutdownHook(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return url;
        }
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private volatile boolean checkpoints = true;

    public <T> T inTransaction(SqlFunction<T> work) {
        Tx tx;
        T result;
        try (Connection connection = pool.getConnection()) {
            tx = new Tx(connection);
            try {
                result = work.apply(tx);
                for (Tx.SqlAction action : tx.beforeCommitActions()) {
                    action.run();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
            if (h2 && tx.wrote()) {
                persisted(connection);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
        tx.afterCommitActions().forEach(Runnable::run);
        return result;
    }

    /**
     * Waits until H2 has written this commit to its file. With {@code WRITE_DELAY=0} H2's commit
     * stores the change itself, unless another thread is storing at that moment: then it returns at
     * once, and the change is written by the next store, which a killed process never reaches (the
     * crash suite lost acknowledged texts that way; h2database issue #1259). {@code CHECKPOINT}
     * takes the store's lock, so it waits for a store in progress and writes what is left; with
     * nothing left it returns at once. Not an fsync: a process crash loses nothing, a power cut is
     * the disk's business. Runs after the commit, so no lock is held meanwhile.
     */
    private void persisted(Connection connection) {
        if (!checkpoints) {
            return;
        }
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
            connection.commit();
        } catch (SQLException e) {
            // The commit itself stands. A database user without admin rights may not CHECKPOINT: say so once.
            checkpoints = false;
            LOG.warn("H2 refused CHECKPOINT ({}): a commit may reach the file only with the next one; run the relay as an H2 admin user",
                    SqlFailure.of(e));
        }
    }

    /** Read-only work; same mechanics, nothing to commit. */
    public <T> T read(SqlFunction<T> work) {
        return inTransaction(work);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", SqlFailure.of(e)); // never the driver's message: it may quote values
        }
    }

    /**
     * Empty when the pool hands out a connection that answers within {@code seconds}; otherwise
     * why not, in words without the driver's message (it may quote a value).
     */
    public Optional<String> unreachable(int seconds) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(seconds) ? Optional.empty() : Optional.of("the database did not answer within " + seconds + " s");
        } catch (SQLException e) {
            return Optional.of("no connection to the database (" + SqlFailure.of(e) + ")");
        }
    }

    /** Empty when every migration this relay ships has been applied and none failed; otherwise what is missing. */
    public Optional<String> migrationsMissing() {
        MigrationInfoService info = flyway.info();
        int pending = info.pending().length;
        long failed = java.util.Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
        if (failed > 0) {
            return Optional.of(failed + " migration(s) failed");
        }
        return pending == 0 ? Optional.empty() : Optional.of(pending + " migration(s) not applied yet");
    }

    /** Whether this is the embedded H2 database (one node), not PostgreSQL. */
    public boolean isH2() {
        return h2;
    }

    /**
     * H2's {@code BACKUP TO}: writes the whole database to the zip {@code target} while the relay
     * serves. It takes no locks; MVCC makes it one consistent point in time (every commit before
     * it started, none after). Only on H2: PostgreSQL is backed up with {@code pg_dump}.
     */
    public void backupTo(java.nio.file.Path target) {
        if (!h2) {
            throw new IllegalStateException("BACKUP TO is H2's; PostgreSQL is backed up with pg_dump");
        }
        try (Connection connection = pool.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
            connection.commit();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
