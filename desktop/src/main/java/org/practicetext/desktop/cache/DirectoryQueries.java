// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.List;

/** The inboxes (not deleted), the team and the templates (not deleted), by name. */
public final class DirectoryQueries {
    private final CacheDatabase db;

    public DirectoryQueries(CacheDatabase db) {
        this.db = db;
    }

    public List<Directory.Inbox> inboxes() {
        return db.read(q -> q.query("SELECT id, name FROM inbox WHERE deleted = FALSE ORDER BY LOWER(name), id",
                rs -> new Directory.Inbox(rs.getLong(1), rs.getString(2))));
    }

    public List<Directory.TeamMember> team() {
        return db.read(q -> q.query("SELECT id, username, name, role, active FROM team_member ORDER BY active DESC, LOWER(COALESCE(name, username)), id",
                rs -> new Directory.TeamMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5))));
    }

    public List<Directory.Template> templates() {
        return db.read(q -> q.query("SELECT id, name, body FROM template WHERE deleted = FALSE ORDER BY LOWER(name), id",
                rs -> new Directory.Template(rs.getLong(1), rs.getString(2), rs.getString(3))));
    }
}
