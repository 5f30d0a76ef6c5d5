// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.Collection;
import org.practicetext.protocol.InboxView;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.TemplateView;
import org.practicetext.protocol.UserView;

/** Upserts the small reference entities: inboxes (deleted ones stay as tombstones), team members, templates, the practice. */
final class DirectoryWriter {

    void inboxes(Sql sql, Collection<InboxView> inboxes, int generation) throws SQLException {
        sql.batch("MERGE INTO inbox (id, name, deleted, sync_gen) KEY (id) VALUES (?, ?, ?, ?)",
                inboxes.stream().map(i -> new Object[] {i.id(), i.name(), i.deleted(), generation}).toList());
    }

    /** Team members; when one of them is the signed-in user, {@code me} is refreshed too (a role may have changed). */
    void users(Sql sql, Collection<UserView> users, int generation, Long meId) throws SQLException {
        sql.batch("MERGE INTO team_member (id, username, name, role, permissions, active, sync_gen) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                users.stream().map(u -> new Object[] {u.id(), u.username(), u.name(), u.role(),
                        u.permissions() == null ? "" : String.join(",", u.permissions()), u.active(), generation}).toList());
        for (UserView user : users) {
            if (meId != null && user.id() == meId) {
                SyncState.saveMe(sql, user);
            }
        }
    }

    void templates(Sql sql, Collection<TemplateView> templates, int generation) throws SQLException {
        sql.batch("MERGE INTO template (id, name, body, deleted, sync_gen) KEY (id) VALUES (?, ?, ?, ?, ?)",
                templates.stream().map(t -> new Object[] {t.id(), t.name(), t.body() == null ? "" : t.body(), t.deleted(), generation}).toList());
    }

    void practice(Sql sql, PracticeView practice) throws SQLException {
        SyncState.savePractice(sql, practice);
    }
}
