// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.migration.JavaMigration;
import org.h2.jdbcx.JdbcConnectionPool;
import org.practicetext.desktop.secrets.AccountKey;
import org.practicetext.desktop.secrets.FileCipher;

/**
 * The H2 file of one account's cache, migrated by Flyway from {@code classpath:desktop/migration}
 * (and the Java migrations named in {@link #flyway}, which fill what an SQL one laid out from
 * the rows already cached) when it opens, so a newer app opens an older cache. A cache written by a NEWER app is rebuilt
 * empty (the relay has everything) after its outbox has been carried over; see
 * {@link NewerCacheRecovery}. A cache whose history ends at {@link SchemaVersion#CURRENT}, every
 * step successful, opens without Flyway at all (start-up: its classes and its scan of the
 * migrations are most of the time opening takes); anything else goes through Flyway as before.
 * Embedded mode only (no {@code AUTO_SERVER}).
 *
 * <p>Durability: H2's background writer stores commits within {@code WRITE_DELAY} (500 ms) and
 * compacts the file as it goes. Losing the last half second of feed pages to a crash is
 * harmless (the cursor is in the same transaction, so those pages are fetched again), but an
 * action must not be lost once the user saw it: outbox writes go through {@link #writeDurably},
 * which forces them to the file. ({@code WRITE_DELAY=0} for everything would stop the background
 * compaction: the file grew to ten times its data in the benchmark.)
 *
 * <p>Reads run concurrently; writes are serialised by one lock, so the sync loop and the user's
 * actions never wait on each other's row locks.
 *
 * <p>Encrypted at rest (ADR 0026): opened with the account's key ({@link #open(Path, AccountKey)})
 * the file is H2's {@code CIPHER=AES} with a password derived from the key, and a plain cache left
 * by an earlier version is converted first ({@link CacheEncryption}). {@link #open(Path)} opens a
 * plain cache (tests, and the benchmarks' plain baseline).
 */
public final class CacheDatabase implements AutoCloseable {
    public static final String MIGRATIONS = "classpath:desktop/migration";
    static final String FILE = "cache";

    private final JdbcConnectionPool pool;
    private final Path folder;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AccountKey key;

    /** One unit of work against the cache. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Sql sql) throws SQLException;
    }

    private CacheDatabase(JdbcConnectionPool pool, Path folder, AccountKey key) {
        this.pool = pool;
        this.folder = folder;
        this.key = key;
    }

    /** How the files beside the cache (outbox copies, attachments) are written: encrypted with the cache's key, plain for a plain cache. */
    public FileCipher files() {
        return key == null ? FileCipher.NONE : key.files();
    }

    /** Whether the cache file is encrypted. */
    public boolean encrypted() {
        return key != null;
    }

    /** The account's folder the cache lives in (the outbox keeps its files beside it). */
    public Path folder() {
        return folder;
    }

    /** Opens (creating or migrating) a plain cache in {@code folder}. */
    public static CacheDatabase open(Path folder) {
        return open(folder, null);
    }

    /**
     * Opens (creating, converting from plain, or migrating) the cache in {@code folder} encrypted with {@code key} (plain when null).
     * Throws {@link CacheKeyException} when the file is encrypted with another key (or, without a key, at all).
     */
    public static CacheDatabase open(Path folder, AccountKey key) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new CacheException("Cannot create the cache folder " + folder + ": " + e.getMessage(), e);
        }
        if (key != null) {
            CacheEncryption.convertIfPlain(folder, key);
        } else if (CacheEncryption.isEncrypted(folder.resolve(FILE + ".mv.db"))) {
            throw new CacheKeyException(folder);
        }
        NewerCacheRecovery recovery = new NewerCacheRecovery(folder, key);
        if (recovery.interrupted()) {
            return recovery.transplant();
        }
        JdbcConnectionPool pool = pool(folder.resolve(FILE), key);
        try {
            if (SchemaVersion.isCurrent(pool)) {
                return new CacheDatabase(pool, folder, key); // as this app left it: no Flyway, no migration scan
            }
            Flyway flyway = flyway(pool);
            if (appliedByNewerApp(flyway)) {
                pool.dispose();
                return recovery.rebuild();
            }
            flyway.migrate();
            return new CacheDatabase(pool, folder, key);
        } catch (RuntimeException e) {
            pool.dispose();
            if (CacheEncryption.wrongKey(e)) {
                throw new CacheKeyException(folder);
            }
            throw e instanceof CacheException ce ? ce : new CacheException("Cannot open the local cache in " + folder + ": " + e.getMessage(), e);
        }
    }

    static JdbcConnectionPool pool(Path file) {
        return pool(file, null);
    }

    /** The pool over {@code file}, encrypted with {@code key}'s cache password ({@code CIPHER=AES}) when there is one. */
    static JdbcConnectionPool pool(Path file, AccountKey key) {
        // No trace file: H2 writes failed statements there with their values, in plain text beside the encrypted cache.
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=5000;TRACE_LEVEL_FILE=0";
        JdbcConnectionPool pool = key == null ? JdbcConnectionPool.create(url, "sa", "")
                : JdbcConnectionPool.create(url + ";CIPHER=AES", "sa", new String(key.cachePassword()) + " ");
        pool.setMaxConnections(6);
        return pool;
    }

    static Flyway flyway(JdbcConnectionPool pool) {
        return Flyway.configure().dataSource(pool).locations(MIGRATIONS).javaMigrations(javaMigrations()).load();
    }

    /** The migrations written in Java, beside the SQL ones in {@link #MIGRATIONS}. */
    public static JavaMigration[] javaMigrations() {
        return new JavaMigration[] {new SearchIndexMigration()};
    }

    static CacheDatabase migrated(JdbcConnectionPool pool, Path folder, AccountKey key) {
        flyway(pool).migrate();
        return new CacheDatabase(pool, folder, key);
    }

    static boolean appliedByNewerApp(Flyway flyway) {
        MigrationInfo[] applied = flyway.info().applied();
        return Arrays.stream(applied).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED);
    }

    /** Runs {@code work} on its own connection without a transaction (each statement sees committed data). */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(new Sql(connection));
        } catch (SQLException e) {
            throw new CacheException("Reading the local cache failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} as one transaction: all of it is stored, or none. */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Sql(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CacheException("Writing the local cache failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Like {@link #write}, then forces everything committed to the file before returning (outbox changes). */
    public <T> T writeDurably(Work<T> work) {
        T result = write(work);
        read(sql -> sql.update("CHECKPOINT"));
        return result;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
