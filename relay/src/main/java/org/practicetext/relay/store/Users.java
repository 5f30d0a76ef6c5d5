// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)), rs.getString(6), rs.getBoolean(7));
    }
}
