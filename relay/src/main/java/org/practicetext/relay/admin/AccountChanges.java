// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.practicetext.protocol.EventTypes;
import org.practicetext.relay.auth.PasswordHasher;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.SessionTokens;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.Users;

/**
 * The operator's {@link TeamAccounts} until the practice's own team service (Settings → Team,
 * {@code relay.tenancy.TeamMembers}) is merged and takes these two acts: each is one transaction
 * under the practice's feed lock that ends every session of the user (their parked long-polls
 * end once it commits) and puts the user's new state on the practice's feed.
 */
public final class AccountChanges implements TeamAccounts {
    private static final int PASSWORD_MIN = 10;

    private final Database db;
    private final PracticeWrites writes;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Consumer<String> sessionEnded;
    private final Practices practices = new Practices();
    private final Users users = new Users();
    private final SessionTokens tokens = new SessionTokens();

    /** {@code sessionEnded} is told the hash of each token the change revoked, after the commit. */
    public AccountChanges(Database db, ChangeFeed feed, PasswordHasher hasher, Clock clock, Consumer<String> sessionEnded) {
        this.db = db;
        this.writes = new PracticeWrites(db, feed);
        this.hasher = hasher;
        this.clock = clock;
        this.sessionEnded = sessionEnded;
    }

    @Override
    public Users.User deactivate(String slug, long userId) {
        return db.inTransaction(tx -> {
            long practiceId = practiceId(tx, slug);
            Users.User user = member(tx, practiceId, userId, slug);
            if (!user.active()) {
                return user;
            }
            users.deactivate(tx, practiceId, userId);
            endSessions(tx, practiceId, userId);
            Users.User now = member(tx, practiceId, userId, slug);
            writes.events().changed(tx, practiceId, EventTypes.USER, userId, now.view());
            return now;
        });
    }

    @Override
    public Users.User resetPassword(String slug, long userId, String password) {
        if (password == null || password.length() < PASSWORD_MIN) {
            throw Refusal.invalid("The password must be at least " + PASSWORD_MIN + " characters.");
        }
        String hash = hasher.hash(password);
        return db.inTransaction(tx -> {
            long practiceId = practiceId(tx, slug);
            Users.User user = member(tx, practiceId, userId, slug);
            if (!user.active()) {
                throw Refusal.conflict("The user " + userId + " is deactivated; a deactivated user's password cannot be reset.");
            }
            users.setPassword(tx, practiceId, userId, hash);
            endSessions(tx, practiceId, userId);
            return member(tx, practiceId, userId, slug);
        });
    }

    private void endSessions(Tx tx, long practiceId, long userId) throws SQLException {
        List<String> ended = tokens.revokeAllOf(tx, practiceId, userId, null, clock.instant());
        tx.afterCommit(() -> ended.forEach(sessionEnded));
    }

    private long practiceId(Tx tx, String slug) throws SQLException {
        long id = practices.bySlug(tx, slug)
                .orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "There is no practice with the slug " + slug + ".")).id();
        writes.lock(tx, id);
        return id;
    }

    private Users.User member(Tx tx, long practiceId, long userId, String slug) throws SQLException {
        return users.byId(tx, practiceId, userId).orElseThrow(() -> Refusal.notFound("The user " + userId + " of " + slug));
    }
}
