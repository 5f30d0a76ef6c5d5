// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.UserView;

/**
 * The cache's one row of bookkeeping: the feed cursor and feed id, the resync generation, when
 * the cache last matched the relay, and who is signed in (so the app knows it offline).
 *
 * @param resyncing true from the start of a full resync (or the first snapshot) until its last page is applied
 */
public record SyncState(long cursor, String feedId, int generation, boolean resyncing, Instant lastSyncedAt) {

    public static SyncState read(Sql sql) throws SQLException {
        return sql.queryOne("SELECT cursor_seq, feed_id, generation, resyncing, last_synced_at FROM sync_state WHERE id = 1",
                rs -> new SyncState(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), Sql.instant(rs, "last_synced_at")))
                .orElseThrow(() -> new SQLException("sync_state row is missing"));
    }

    /** Forgets the cursor: the next page is {@code after=0}, and rows it does not bring back are swept at its end. */
    public static void beginResync(Sql sql) throws SQLException {
        sql.update("UPDATE sync_state SET cursor_seq = 0, feed_id = NULL, generation = generation + 1, resyncing = TRUE WHERE id = 1");
    }

    /** Moves the cursor after an applied page; {@code syncedAt} (null: unchanged) when the page was the feed's last. */
    public static void advance(Sql sql, long cursor, String feedId, boolean resyncing, Instant syncedAt) throws SQLException {
        sql.update("UPDATE sync_state SET cursor_seq = ?, feed_id = ?, resyncing = ?, last_synced_at = COALESCE(?, last_synced_at) WHERE id = 1",
                cursor, feedId, resyncing, syncedAt);
    }

    public static void markSynced(Sql sql, Instant at) throws SQLException {
        sql.update("UPDATE sync_state SET last_synced_at = ? WHERE id = 1", at);
    }

    public static void saveMe(Sql sql, UserView me) throws SQLException {
        sql.update("UPDATE sync_state SET me_json = ? WHERE id = 1", json(me));
    }

    public static void savePractice(Sql sql, PracticeView practice) throws SQLException {
        sql.update("UPDATE sync_state SET practice_json = ? WHERE id = 1", json(practice));
    }

    public static Optional<UserView> me(Sql sql) throws SQLException {
        return sql.queryOne("SELECT me_json FROM sync_state WHERE id = 1", rs -> rs.getString(1)).map(text -> parse(text, UserView.class));
    }

    public static Optional<PracticeView> practice(Sql sql) throws SQLException {
        return sql.queryOne("SELECT practice_json FROM sync_state WHERE id = 1", rs -> rs.getString(1)).map(text -> parse(text, PracticeView.class));
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T parse(String text, Class<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new CacheException("A cached " + type.getSimpleName() + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
