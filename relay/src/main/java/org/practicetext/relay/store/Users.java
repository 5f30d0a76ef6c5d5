// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.practicetext.core.Permission;
import org.practicetext.core.Role;
import org.practicetext.protocol.TeamMemberView;
import org.practicetext.protocol.UserView;

/** Team members of a practice (table {@code app_user}). */
public final class Users {

    /**
     * A team member. {@code mustChangePassword} marks a one-time password or invite code not yet
     * replaced by their own; {@code setupExpiresAt} is when that secret stops working.
     */
    public record User(long id, long practiceId, String username, String name, Role role, String passwordHash, boolean active,
                       boolean mustChangePassword, Instant setupExpiresAt) {
        public UserView view() {
            return new UserView(id, username, name, role.wire(), role.permissions().stream().map(Permission::key).sorted().toList(), active);
        }

        public TeamMemberView teamView() {
            String status = !active ? TeamMemberView.DEACTIVATED : mustChangePassword ? TeamMemberView.INVITED : TeamMemberView.ACTIVE;
            return new TeamMemberView(id, username, name, role.wire(), status, active && mustChangePassword ? setupExpiresAt : null);
        }
    }

    private static final String COLUMNS = "id, practice_id, username, display_name, role, password_hash, active, must_change_password, setup_expires_at";

    /** Adds a member; {@code setupExpiresAt} non-null means the password is a one-time secret they must replace. */
    public User create(Tx tx, long practiceId, String username, String name, Role role, String passwordHash, Instant setupExpiresAt, Instant now)
            throws SQLException {
        boolean oneTime = setupExpiresAt != null;
        long id = tx.insert("""
                INSERT INTO app_user (practice_id, username, display_name, role, password_hash, must_change_password, setup_expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                practiceId, username, name, role.name(), passwordHash, oneTime, setupExpiresAt, now);
        return new User(id, practiceId, username, name, role, passwordHash, true, oneTime, setupExpiresAt);
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

    public int countActive(Tx tx, long practiceId, Role role) throws SQLException {
        return tx.queryOne("SELECT COUNT(*) FROM app_user WHERE practice_id = ? AND role = ? AND active = TRUE", rs -> rs.getInt(1), practiceId, role.name())
                .orElse(0);
    }

    public void changeRole(Tx tx, long practiceId, long id, Role role) throws SQLException {
        tx.update("UPDATE app_user SET role = ? WHERE practice_id = ? AND id = ?", role.name(), practiceId, id);
    }

    public void rename(Tx tx, long practiceId, long id, String name) throws SQLException {
        tx.update("UPDATE app_user SET display_name = ? WHERE practice_id = ? AND id = ?", name, practiceId, id);
    }

    /** Sets a new password hash; a non-null {@code setupExpiresAt} makes it a one-time secret to be replaced at next sign-in. */
    public void setPassword(Tx tx, long practiceId, long id, String passwordHash, Instant setupExpiresAt) throws SQLException {
        tx.update("UPDATE app_user SET password_hash = ?, must_change_password = ?, setup_expires_at = ? WHERE practice_id = ? AND id = ?",
                passwordHash, setupExpiresAt != null, setupExpiresAt, practiceId, id);
    }

    public void deactivate(Tx tx, long practiceId, long id, Instant now) throws SQLException {
        tx.update("UPDATE app_user SET active = FALSE, deactivated_at = ? WHERE practice_id = ? AND id = ?", now, practiceId, id);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)), rs.getString(6), rs.getBoolean(7),
                rs.getBoolean(8), Tx.instant(rs, "setup_expires_at"));
    }
}
