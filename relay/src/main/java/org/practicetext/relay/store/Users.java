// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.Permission;
import org.practicetext.core.Role;
import org.practicetext.protocol.UserView;

/** Team members of a practice. */
public final class Users {

    public record User(long id, long practiceId, String username, String name, Role role, String passwordHash, boolean active) {
        public UserView view() {
            return new UserView(id, username, name, role.wire(), role.permissions().stream().map(Permission::key).sorted().toList(), active);
        }
    }

    private static final String COLUMNS = "id, practice_id, username, display_name, role, password_hash, active";

    public User create(Tx tx, long practiceId, String username, String name, Role role, String passwordHash, Instant now) throws SQLException {
        long id = tx.insert("INSERT INTO app_user (practice_id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                practiceId, username, name, role.name(), passwordHash, now);
        return new User(id, practiceId, username, name, role, passwordHash, true);
    }

    public Optional<User> byLogin(Tx tx, long practiceId, String username) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM app_user WHERE practice_id = ? AND LOWER(username) = LOWER(?)", Users::user, practiceId, username);
    }

    public Optional<User> byId(Tx tx, long practiceId, long id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM app_user WHERE practice_id = ? AND id = ?", Users::user, practiceId, id);
    }

    /** The practice's members: active ones first, then by name. */
    public List<User> all(Tx tx, long practiceId) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM app_user WHERE practice_id = ? ORDER BY active DESC, LOWER(display_name), id", Users::user, practiceId);
    }

    /** Sets a new password hash. */
    public void setPassword(Tx tx, long practiceId, long id, String passwordHash) throws SQLException {
        tx.update("UPDATE app_user SET password_hash = ? WHERE practice_id = ? AND id = ?", passwordHash, practiceId, id);
    }

    public void deactivate(Tx tx, long practiceId, long id) throws SQLException {
        tx.update("UPDATE app_user SET active = FALSE WHERE practice_id = ? AND id = ?", practiceId, id);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)), rs.getString(6), rs.getBoolean(7));
    }
}
