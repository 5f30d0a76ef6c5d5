// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicetext.relay.store.Database;

/**
 * The PostgreSQL server the tests may use, named by {@code PT_TEST_POSTGRES_URL} (with
 * {@code PT_TEST_POSTGRES_USER} and {@code PT_TEST_POSTGRES_PASSWORD}); {@code .ci/test-postgres.sh}
 * starts a throwaway one and prints these. The role needs {@code CREATEDB}.
 *
 * <p>Each test gets a database of its own, cloned from a template that this JVM migrated once
 * with the relay's own {@link Database} (so Flyway's migrations run on PostgreSQL):
 * {@link #newDatabase()} for a test that manages it (several relay nodes on one database take the
 * same {@link TestDatabase}), {@link #forFolder(Path)} for a relay fixture's data folder (the same
 * folder, the same database, so a restarted relay finds its data). Databases are dropped when
 * their owner closes them or their folder is gone, the rest when the JVM exits; ones left by a
 * JVM that died (or was stopped before it dropped them all) are dropped by the next run.
 */
public final class TestPostgres {
    public static final String URL_ENV = "PT_TEST_POSTGRES_URL";
    public static final String USER_ENV = "PT_TEST_POSTGRES_USER";
    public static final String PASSWORD_ENV = "PT_TEST_POSTGRES_PASSWORD";
    /** Set in CI: without a PostgreSQL the PostgreSQL run fails instead of skipping. */
    public static final String REQUIRE_ENV = "PT_REQUIRE_POSTGRES";
    public static final String SKIP_MESSAGE = "PostgreSQL tests skipped: set " + URL_ENV + " (and " + USER_ENV + ", " + PASSWORD_ENV
            + "), e.g. from .ci/test-postgres.sh start; see docs/TESTING.md";

    private static final Pattern OURS = Pattern.compile("pt_t(\\d+)_\\w+");
    private static volatile TestPostgres instance;

    private final String url;
    private final String user;
    private final String password;
    private final String prefix = "pt_t" + ProcessHandle.current().pid() + "_";
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Path, TestDatabase> byFolder = new ConcurrentHashMap<>();
    private final List<TestDatabase> open = new ArrayList<>();
    private String template;

    /** A database of its own; {@link #close()} drops it. Its URL goes into {@code PT_DB_URL}. */
    public record TestDatabase(TestPostgres server, String name, String url) implements AutoCloseable {
        public String user() {
            return server.user;
        }

        public String password() {
            return server.password;
        }

        public Connection connect() throws SQLException {
            Connection c = DriverManager.getConnection(url, server.user, server.password);
            c.setAutoCommit(false);
            return c;
        }

        /** The relay's environment settings for this database. */
        public Map<String, String> environment() {
            return Map.of("PT_DB_URL", url, "PT_DB_USER", server.user, "PT_DB_PASSWORD", server.password);
        }

        @Override
        public void close() {
            server.drop(this);
        }
    }

    private TestPostgres(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The configured server, or empty when {@code PT_TEST_POSTGRES_URL} is not set. */
    public static Optional<TestPostgres> configured() {
        String url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        TestPostgres found = instance;
        if (found == null) {
            synchronized (TestPostgres.class) {
                if (instance == null) {
                    instance = new TestPostgres(url.strip(), System.getenv().getOrDefault(USER_ENV, "postgres"),
                            System.getenv().getOrDefault(PASSWORD_ENV, ""));
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::dropAll, "drop-test-databases"));
                }
                found = instance;
            }
        }
        return Optional.of(found);
    }

    /** The configured server; fails with {@link #SKIP_MESSAGE}'s advice when there is none. */
    public static TestPostgres require() {
        return configured().orElseThrow(() -> new IllegalStateException(SKIP_MESSAGE));
    }

    public static boolean required() {
        String value = System.getenv(REQUIRE_ENV);
        return value != null && !value.isBlank() && !value.equals("0");
    }

    /** A fresh, migrated database. */
    public synchronized TestDatabase newDatabase() {
        try {
            if (template == null) {
                dropLeftovers();
                template = prefix + "template";
                execute("CREATE DATABASE " + template);
                // The relay's own start-up: the pool and Flyway's migrations, then nothing else.
                new Database(urlOf(template), user, password).close();
            }
            dropDeletedFolders();
            String name = prefix + next.incrementAndGet();
            execute("CREATE DATABASE " + name + " TEMPLATE " + template);
            TestDatabase database = new TestDatabase(this, name, urlOf(name));
            open.add(database);
            return database;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + url + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The database of a relay fixture's data folder, made on first use. */
    public synchronized TestDatabase forFolder(Path folder) {
        // Not computeIfAbsent: making a database may drop others (dropDeletedFolders), which changes the map.
        Path key = folder.toAbsolutePath().normalize();
        TestDatabase existing = byFolder.get(key);
        if (existing != null) {
            return existing;
        }
        try {
            // The folder must exist from now on: newDatabase() drops the databases of folders that
            // are gone, and another test's call could otherwise drop this one before its relay made
            // the folder (seen as "terminating connection due to administrator command").
            Files.createDirectories(key);
        } catch (IOException e) {
            throw new IllegalStateException("could not make the data folder of a test relay", e);
        }
        TestDatabase created = newDatabase();
        byFolder.put(key, created);
        return created;
    }

    /** Drops the database of {@code folder}, if it has one (its relays are stopped). */
    public synchronized void releaseFolder(Path folder) {
        TestDatabase database = byFolder.remove(folder.toAbsolutePath().normalize());
        if (database != null) {
            database.close();
        }
    }

    /**
     * The databases of folders that are gone (a {@code @TempDir} that JUnit deleted after its
     * test, with the relays on it stopped), so that they do not pile up until the JVM exits:
     * dropping many at exit can take longer than the build waits for the JVM (each
     * {@code DROP DATABASE} waits for a checkpoint), and the next run would drop them instead.
     */
    private void dropDeletedFolders() {
        for (Path folder : List.copyOf(byFolder.keySet())) {
            if (!Files.exists(folder)) {
                releaseFolder(folder);
            }
        }
    }

    private synchronized void drop(TestDatabase database) {
        if (open.remove(database)) {
            byFolder.values().remove(database);
            // An autovacuum worker on the database belongs to the superuser, which FORCE may not
            // terminate ("must be a member of the role whose process is being terminated", 42501):
            // it finishes within moments, so the drop is tried again for a while.
            for (int attempt = 1; ; attempt++) {
                try {
                    execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
                    return;
                } catch (SQLException e) {
                    if (!"42501".equals(e.getSQLState()) || attempt == 50) {
                        throw new IllegalStateException("could not drop test database " + database.name(), e);
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while dropping test database " + database.name(), e);
                }
            }
        }
    }

    private synchronized void dropAll() {
        for (TestDatabase database : List.copyOf(open)) {
            try {
                drop(database);
            } catch (RuntimeException e) {
                // the JVM is exiting; the next run drops what is left
            }
        }
        if (template != null) {
            try {
                execute("DROP DATABASE IF EXISTS " + template + " WITH (FORCE)");
            } catch (SQLException e) {
                // as above
            }
        }
    }

    /** Databases whose JVM is gone (killed before its shutdown hook ran). */
    private void dropLeftovers() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'pt\\_t%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            Matcher m = OURS.matcher(name);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql); // autocommit: CREATE and DROP DATABASE cannot run inside a transaction
        }
    }

    /** The server's URL with the database part replaced (query parameters kept). */
    private String urlOf(String database) {
        Matcher m = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(URL_ENV + " is not a jdbc:postgresql://host:port/database URL");
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }
}
