// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.List;

/** The inboxes (not deleted), the team and the templates (not deleted), by name; also inside a unit of work (a batch's reads). */
public final class DirectoryQueries {
    private final CacheDatabase db;

    public DirectoryQueries(CacheDatabase db) {
        this.db = db;
    }

    public List<Directory.Inbox> inboxes() {
        return db.read(DirectoryQueries::inboxes);
    }

    public List<Directory.TeamMember> team() {
        return db.read(DirectoryQueries::team);
    }

    public List<Directory.Template> templates() {
        return db.read(DirectoryQueries::templates);
    }

    public static List<Directory.Inbox> inboxes(Sql q) throws SQLException {
        return q.query("SELECT id, name FROM inbox WHERE deleted = FALSE ORDER BY LOWER(name), id",
                rs -> new Directory.Inbox(rs.getLong(1), rs.getString(2)));
    }

    public static List<Directory.TeamMember> team(Sql q) throws SQLException {
        return q.query("SELECT id, username, name, role, active FROM team_member ORDER BY active DESC, LOWER(COALESCE(name, username)), id",
                rs -> new Directory.TeamMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
    }

    public static List<Directory.Template> templates(Sql q) throws SQLException {
        return q.query("SELECT id, name, body FROM template WHERE deleted = FALSE ORDER BY LOWER(name), id",
                rs -> new Directory.Template(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }
}
