// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.tenancy;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.practicetext.core.PasswordRule;
import org.practicetext.core.Role;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.OneTimeSecret;
import org.practicetext.protocol.TeamMemberView;
import org.practicetext.relay.auth.PasswordHasher;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.Texts;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.refusal.Refusal.Reason;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.SessionTokens;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.Users;
import org.practicetext.relay.store.Users.User;

/**
 * The one place a practice's team changes, for every caller (Settings → Team in the app, the
 * operator's API, the relay jar's {@code user create}): add a member, change their role or
 * name, reset their password, deactivate them. Each change is one transaction under the
 * practice's feed lock, so the rules below hold even when two admins act at once.
 *
 * <ul>
 *   <li>Usernames are unique in a practice, whatever their case (409).</li>
 *   <li>The practice keeps at least one active admin: demoting or deactivating the last one is
 *       refused (409 {@code last_admin}), so no practice locks itself out of its settings.</li>
 *   <li>A member added with a one-time password or invite code, or whose password an admin
 *       reset, must choose their own at their next sign-in; the secret lasts
 *       {@link #ONE_TIME_PASSWORD_LIFETIME} or {@link #INVITE_LIFETIME} and only its hash is kept.</li>
 *   <li>Deactivating ends all the member's sessions at once (the next request with their token
 *       is 401 and parked long-polls end), unassigns the conversations assigned to them (they
 *       go back to the shared queue, where the desk sees them as unassigned, rather than sit
 *       with someone who will not answer), and keeps the row: their past messages keep their
 *       name and the feed carries them with {@code active: false}, so desks drop them from the
 *       assignee lists.</li>
 * </ul>
 * Names and usernames never reach a log line from here.
 */
public final class TeamMembers {
    public static final Duration ONE_TIME_PASSWORD_LIFETIME = Duration.ofDays(1);
    public static final Duration INVITE_LIFETIME = Duration.ofDays(7);
    static final int USERNAME_MAX = 100;
    /** How long a username field may be before it is even checked (a bound on what is read). */
    public static final int USERNAME_FIELD_MAX = 200;
    /** No 0/O, 1/l/I: a one-time password is often read out or copied by hand. */
    private static final String READABLE = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PracticeWrites writes;
    private final ChangeFeed feed;
    private final Database db;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Consumer<String> tokenRevoked;
    private final Users users = new Users();
    private final SessionTokens tokens = new SessionTokens();
    private final Conversations conversations = new Conversations();

    /**
     * @param tokenRevoked told the hash of each session token a change ended, after the change
     *                     committed (the relay ends that token's parked long-polls; other nodes
     *                     are told in the change's transaction, through {@code feed})
     */
    public TeamMembers(Database db, ChangeFeed feed, PasswordHasher hasher, Clock clock, Consumer<String> tokenRevoked) {
        this.db = db;
        this.feed = feed;
        this.writes = new PracticeWrites(db, feed);
        this.hasher = hasher;
        this.clock = clock;
        this.tokenRevoked = tokenRevoked;
    }

    public List<TeamMemberView> list(long practiceId) {
        return db.read(tx -> users.all(tx, practiceId).stream().map(User::teamView).toList());
    }

    /**
     * Adds a member with a password of their own (the operator's first admin, the demo): no
     * change is asked for at sign-in. The password must keep {@link PasswordRule}.
     */
    public User addWithPassword(long practiceId, String username, String name, Role role, String password) {
        String login = checkedUsername(username);
        refuseWeak(password, login);
        return add(practiceId, login, name, role, hasher.hash(password), null);
    }

    /** Adds a member who will sign in first with the secret answered here (shown once) and then choose their password. */
    public OneTimeSecret addWithSetup(long practiceId, String username, String name, Role role, String kind) {
        String login = checkedUsername(username);
        Duration lifetime = lifetime(kind);
        String secret = newSecret(kind);
        Instant expires = clock.instant().plus(lifetime);
        User user = add(practiceId, login, name, role, hasher.hash(secret), expires);
        return new OneTimeSecret(user.teamView(), kind, secret, expires);
    }

    /** Changes the role and/or the display name (null keeps each). */
    public TeamMemberView change(long practiceId, long userId, Role role, String name) {
        String newName = name == null ? null : checkedName(name);
        return writes.run(practiceId, tx -> {
            User user = member(tx, practiceId, userId);
            if (role != null && role != user.role()) {
                if (!user.active()) {
                    throw Refusal.conflict(user.name() + " is deactivated; their role can no longer change.");
                }
                refuseLastAdmin(tx, user, "change their role");
                users.changeRole(tx, practiceId, userId, role);
            }
            if (newName != null && !newName.equals(user.name())) {
                users.rename(tx, practiceId, userId, newName);
            }
            return announce(tx, practiceId, userId).teamView();
        });
    }

    /**
     * Gives the member a new one-time password (answered once) that they must replace at their
     * next sign-in, and ends their sessions: a reset is also what an admin does when a password
     * may have leaked.
     */
    public OneTimeSecret resetPassword(long practiceId, long userId) {
        String secret = newSecret(OneTimeSecret.PASSWORD);
        String hash = hasher.hash(secret);
        Instant expires = clock.instant().plus(ONE_TIME_PASSWORD_LIFETIME);
        TeamMemberView view = writes.run(practiceId, tx -> {
            User user = member(tx, practiceId, userId);
            if (!user.active()) {
                throw Refusal.conflict(user.name() + " is deactivated; a deactivated member's password cannot be reset.");
            }
            users.setPassword(tx, practiceId, userId, hash, expires);
            endSessions(tx, practiceId, userId, null);
            return users.byId(tx, practiceId, userId).orElseThrow().teamView();
        });
        return new OneTimeSecret(view, OneTimeSecret.PASSWORD, secret, expires);
    }

    /** Deactivates the member (see the class comment); deactivating one already deactivated changes nothing. */
    public TeamMemberView deactivate(long practiceId, long userId) {
        return writes.run(practiceId, tx -> {
            User user = member(tx, practiceId, userId);
            if (!user.active()) {
                return user.teamView();
            }
            refuseLastAdmin(tx, user, "deactivate them");
            users.deactivate(tx, practiceId, userId, clock.instant());
            endSessions(tx, practiceId, userId, null);
            for (long conversationId : conversations.idsAssignedTo(tx, practiceId, userId)) {
                conversations.setAssignee(tx, practiceId, conversationId, null);
                writes.events().conversationChanged(tx, practiceId, conversationId);
            }
            return announce(tx, practiceId, userId).teamView();
        });
    }

    /**
     * Sets a member's own new password (checked against {@link PasswordRule}) and ends their
     * other sessions, keeping the one whose hash is {@code keepTokenHash}. The caller has checked
     * who is asking (their current password).
     */
    public void setOwnPassword(long practiceId, long userId, String username, String password, String keepTokenHash) {
        refuseWeak(password, username);
        String hash = hasher.hash(password);
        writes.run(practiceId, tx -> {
            User user = member(tx, practiceId, userId);
            if (!user.active()) {
                throw Refusal.conflict("This account is deactivated.");
            }
            users.setPassword(tx, practiceId, userId, hash, null);
            endSessions(tx, practiceId, userId, keepTokenHash);
            return null;
        });
    }

    /** Ends every session of the member but {@code keepTokenHash} (null ends all), telling {@code tokenRevoked} after the commit. */
    private void endSessions(Tx tx, long practiceId, long userId, String keepTokenHash) throws SQLException {
        List<String> ended = new ArrayList<>(tokens.revokeAllOf(tx, practiceId, userId, keepTokenHash, clock.instant()));
        for (String hash : ended) {
            feed.sessionEnded(tx, hash);
        }
        tx.afterCommit(() -> ended.forEach(tokenRevoked));
    }

    private User add(long practiceId, String username, String name, Role role, String passwordHash, Instant setupExpiresAt) {
        if (role == null) {
            throw Refusal.invalid("role is required: admin, staff, viewer or billing.");
        }
        String display = name == null || name.isBlank() ? username : checkedName(name);
        String taken = "The username " + username + " is already taken in this practice.";
        return writes.run(practiceId, taken, tx -> {
            if (users.byLogin(tx, practiceId, username).isPresent()) {
                throw Refusal.conflict(taken);
            }
            User user = users.create(tx, practiceId, username, display, role, passwordHash, setupExpiresAt, clock.instant());
            writes.events().changed(tx, practiceId, EventTypes.USER, user.id(), user.view());
            return user;
        });
    }

    private void refuseLastAdmin(Tx tx, User user, String what) throws SQLException {
        if (user.role() == Role.ADMIN && user.active() && users.countActive(tx, user.practiceId(), Role.ADMIN) <= 1) {
            throw new Refusal(Reason.LAST_ADMIN, user.name() + " is the practice's only active admin; make someone else an admin before you " + what + ".");
        }
    }

    private User announce(Tx tx, long practiceId, long userId) throws SQLException {
        User user = users.byId(tx, practiceId, userId).orElseThrow();
        writes.events().changed(tx, practiceId, EventTypes.USER, userId, user.view());
        return user;
    }

    private User member(Tx tx, long practiceId, long userId) throws SQLException {
        return users.byId(tx, practiceId, userId).orElseThrow(() -> Refusal.notFound("The team member " + userId));
    }

    private static Duration lifetime(String kind) {
        if (OneTimeSecret.PASSWORD.equals(kind)) {
            return ONE_TIME_PASSWORD_LIFETIME;
        }
        if (OneTimeSecret.INVITE.equals(kind)) {
            return INVITE_LIFETIME;
        }
        throw Refusal.invalid("setup must be \"password\" (a one-time password) or \"invite\" (an invite code).");
    }

    /** A one-time password is 4 groups of 4 readable characters (about 79 bits); an invite code 3 groups, upper case (about 59 bits), easy to type from a note. */
    static String newSecret(String kind) {
        boolean invite = OneTimeSecret.INVITE.equals(kind);
        int groups = invite ? 3 : 4;
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                out.append('-');
            }
            for (int i = 0; i < 4; i++) {
                char c = READABLE.charAt(RANDOM.nextInt(READABLE.length()));
                out.append(invite ? Character.toUpperCase(c) : c);
            }
        }
        return out.toString();
    }

    static String checkedUsername(String username) {
        if (username == null || !username.strip().matches("[A-Za-z0-9._@-]{2," + USERNAME_MAX + "}")) {
            throw Refusal.invalid("The username must be 2-" + USERNAME_MAX + " letters, digits or . _ @ -");
        }
        return username.strip();
    }

    private static String checkedName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            throw Refusal.invalid("The name must not be blank.");
        }
        if (Texts.length(stripped) > Tenancy.NAME_MAX) {
            throw Refusal.invalid("The name is longer than " + Tenancy.NAME_MAX + " characters.");
        }
        String flaw = Texts.flaw(stripped, true);
        if (flaw != null) {
            throw Refusal.invalid("The name " + flaw + ".");
        }
        return stripped;
    }

    private static void refuseWeak(String password, String username) {
        PasswordRule.flaw(password, username).ifPresent(flaw -> {
            throw new Refusal(Reason.WEAK_PASSWORD, flaw + " " + PasswordRule.RULE);
        });
    }
}
