// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * What happens when this app opens a cache that a newer app has migrated: everything the relay
 * has is dropped and fetched again (the new cache starts at cursor 0), but the outbox, the work
 * that exists only here, is carried over row by row. If even the outbox cannot be read with the
 * columns this app knows, nothing is touched and the user is told to update the app.
 *
 * <p>The old file is first renamed to {@code cache-newer.mv.db} and deleted only after the new
 * cache holds the outbox, so a crash half-way is finished on the next start.
 */
final class NewerCacheRecovery {
    private static final String REPLACED = "cache-newer";
    private static final String OUTBOX_COLUMNS =
            "id, client_id, kind, conversation_id, contact_id, payload_json, summary, state, error_code, error_message, attempts, created_at";

    private static final String FILE_COLUMNS = "outbox_id, position, file_name, content_type, size, stored_name, upload_id";

    private final Path folder;
    private final org.practicetext.desktop.secrets.AccountKey key;

    NewerCacheRecovery(Path folder, org.practicetext.desktop.secrets.AccountKey key) {
        this.folder = folder;
        this.key = key;
    }

    boolean interrupted() {
        return Files.exists(file(REPLACED));
    }

    /** Moves the newer cache aside and builds a fresh one that keeps its outbox. */
    CacheDatabase rebuild() {
        move(file(CacheDatabase.FILE), file(REPLACED));
        return transplant();
    }

    /** Reads the outbox of the set-aside cache into a fresh one, then deletes the old file. */
    CacheDatabase transplant() {
        JdbcConnectionPool old = CacheDatabase.pool(folder.resolve(REPLACED), key);
        List<Object[]> outbox;
        List<Object[]> files;
        Optional<Object[]> identity;
        try (Connection connection = old.getConnection()) {
            Sql sql = new Sql(connection);
            outbox = sql.query("SELECT " + OUTBOX_COLUMNS + " FROM outbox ORDER BY id", NewerCacheRecovery::row);
            files = readFiles(sql);
            identity = readIdentity(sql);
        } catch (SQLException e) {
            old.dispose();
            move(file(REPLACED), file(CacheDatabase.FILE));
            throw new NewerCacheException(folder, e);
        } finally {
            old.dispose();
        }
        delete(file(CacheDatabase.FILE));
        CacheDatabase fresh = CacheDatabase.migrated(CacheDatabase.pool(folder.resolve(CacheDatabase.FILE), key), folder, key);
        fresh.write(sql -> {
            sql.batch("INSERT INTO outbox (" + OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", outbox);
            long next = outbox.stream().mapToLong(r -> (Long) r[0]).max().orElse(0) + 1;
            sql.update("ALTER TABLE outbox ALTER COLUMN id RESTART WITH " + next);
            sql.batch("INSERT INTO outbox_file (" + FILE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", files);
            if (identity.isPresent()) {
                sql.update("UPDATE sync_state SET me_json = ?, practice_json = ? WHERE id = 1", identity.get());
            }
            return null;
        });
        delete(file(REPLACED));
        return fresh;
    }

    /** The files of waiting messages (their copies stay in the outbox folder); none when the newer app keeps them otherwise. */
    private static List<Object[]> readFiles(Sql sql) {
        try {
            return sql.query("SELECT " + FILE_COLUMNS + " FROM outbox_file", rs -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3),
                    rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7)});
        } catch (SQLException e) {
            return List.of();
        }
    }

    /** Who signed in, so the app still works offline; best effort, the next sign-in writes it again. */
    private static Optional<Object[]> readIdentity(Sql sql) {
        try {
            return sql.queryOne("SELECT me_json, practice_json FROM sync_state WHERE id = 1", rs -> new Object[] {rs.getString(1), rs.getString(2)});
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static Object[] row(java.sql.ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), Sql.nullableLong(rs, "conversation_id"),
                Sql.nullableLong(rs, "contact_id"), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getInt(11), Sql.instant(rs, "created_at")};
    }

    private Path file(String base) {
        return folder.resolve(base + ".mv.db");
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CacheException("Cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName().toString().replace(".mv.db", ".trace.db")));
        } catch (IOException e) {
            throw new CacheException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
