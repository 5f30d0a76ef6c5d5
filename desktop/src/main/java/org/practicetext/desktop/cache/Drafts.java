// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.Optional;

/**
 * Unsent composer text per thread, kept in the cache so it survives a restart. Purely local:
 * the feed never touches it and a resync does not sweep it. A blank draft is removed.
 */
public final class Drafts {
    private final CacheDatabase db;

    public Drafts(CacheDatabase db) {
        this.db = db;
    }

    public Optional<String> load(String key) {
        return db.read(sql -> sql.queryOne("SELECT body FROM draft WHERE draft_key = ?", rs -> rs.getString(1), key));
    }

    public void save(String key, String body) {
        db.write(sql -> body == null || body.isBlank()
                ? sql.update("DELETE FROM draft WHERE draft_key = ?", key)
                : sql.update("MERGE INTO draft (draft_key, body) KEY (draft_key) VALUES (?, ?)", key, body));
    }
}
